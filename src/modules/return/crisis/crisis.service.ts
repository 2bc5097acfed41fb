// The crisis registry (issue 12, item 8). The cell (`return.crisis.manage`) opens and closes crises,
// sees the dashboard and the list, assigns registrations to relays and moves them on; a relay
// (`return.crisis.relay`, a grant limited to its organisation) sees and moves the registrations assigned
// to it. Anyone registers, with no account; the personal link says "I am safe". Every read of the lists
// is audited; after a closed crisis's retention period its registrations are deleted, counts kept.
import crypto from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { mayReach, type Actor } from '../../../platform/policy/policy.ts';
import { slugify, slugWithSuffix } from '../../../platform/text/slug.ts';
import { crisisNeeds, nextStatuses, registrationStatuses, type RegistrationStatus } from './crisis.model.ts';
import { AssignForm, CrisisForm, RegistrationFilters, RegistrationForm, StatusForm } from './crisis.schemas.ts';
import { crisis, crisisRegistration, crisisRegistrationEvent } from './crisis.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 50;
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
/** letters and digits nobody confuses on the phone (no 0/O, 1/I) */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function reference(): string {
	const bytes = crypto.randomBytes(6);
	const code = [...bytes].map((byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join('');
	return `${code.slice(0, 3)}-${code.slice(3)}`;
}

const normalisePhone = (phone: string | undefined) => (phone ? phone.replace(/[^+0-9]/g, '') : null);

// ---------- crises ----------

/** The crises open now, for the public page (no personal data). */
export async function openCrises(db: DbOrTx) {
	return db.select({ slug: crisis.slug, title: crisis.title, countries: crisis.countries, areas: crisis.areas, startedOn: crisis.startedOn, contacts: crisis.contacts, isSample: crisis.isSample }).from(crisis).where(eq(crisis.status, 'open')).orderBy(desc(crisis.startedOn));
}

export async function crisisBySlug(db: DbOrTx, slug: string) {
	const [row] = await db.select().from(crisis).where(eq(crisis.slug, slug));
	return row ?? null;
}

/** Every crisis, newest first, for the cell and its relays (no personal data). */
export async function listCrises(ctx: RequestContext) {
	ctx.require('return.crisis.relay');
	return ctx.db.select().from(crisis).orderBy(desc(crisis.startedOn), desc(crisis.createdAt));
}

export async function openCrisis(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('return.crisis.manage');
	const input = parseOrThrow(CrisisForm, raw);
	const title = Object.fromEntries((['fr', 'ar', 'en'] as const).filter((lang) => input[`title_${lang}`]).map((lang) => [lang, input[`title_${lang}`]!]));
	const contacts = Object.fromEntries((['fr', 'ar', 'en'] as const).filter((lang) => input[`contacts_${lang}`]).map((lang) => [lang, input[`contacts_${lang}`]!]));
	return ctx.transaction(async ({ db, audit }) => {
		const taken = new Set((await db.select({ slug: crisis.slug }).from(crisis)).map((row) => row.slug));
		const base = slugify(title.fr ?? title.en ?? title.ar ?? '') || 'crise';
		let n = 1;
		while (taken.has(slugWithSuffix(base, n))) n += 1;
		const slug = slugWithSuffix(base, n);
		const [row] = await db
			.insert(crisis)
			.values({ slug, title, countries: input.countries, areas: input.areas ?? null, startedOn: input.startedOn, contacts, retentionDays: input.retentionDays, openedBy: actor.userId })
			.returning();
		await recordAudit(db, audit, { action: 'return_crisis.open', resourceType: 'return_crisis', resourceId: row.id, after: { slug, countries: row.countries, retentionDays: row.retentionDays } });
		return row;
	});
}

/** The cell closes a crisis: registrations stop, and the retention period starts. */
export async function closeCrisis(ctx: RequestContext, slug: string) {
	const actor = ctx.require('return.crisis.manage');
	return ctx.transaction(async ({ db, audit }) => {
		const [row] = await db.select().from(crisis).where(eq(crisis.slug, slug)).for('update');
		if (!row) throw new AppError('not_found');
		if (row.status === 'closed') throw new AppError('conflict', { extra: { reason: 'crisis_closed' } });
		const [after] = await db.update(crisis).set({ status: 'closed', closedAt: ctx.now(), closedBy: actor.userId, updatedAt: ctx.now() }).where(eq(crisis.id, row.id)).returning();
		await recordAudit(db, audit, { action: 'return_crisis.close', resourceType: 'return_crisis', resourceId: row.id, before: { status: 'open' }, after: { status: 'closed', deleteAfterDays: row.retentionDays } });
		return after;
	});
}

/** When a closed crisis's registrations are deleted. */
export const purgeDate = (row: { closedAt: Date | null; retentionDays: number }) => (row.closedAt ? new Date(row.closedAt.getTime() + row.retentionDays * 86_400_000) : null);

// ---------- registrations ----------

/**
 * Someone registers, for themselves or a relative, in an open crisis. A registration with the phone
 * or e-mail of another one of the same crisis is kept and flagged as a possible duplicate (never
 * refused: two people may share a phone). Answers the reference and the personal link's token.
 */
export async function register(ctx: RequestContext, slug: string, raw: unknown) {
	const input = parseOrThrow(RegistrationForm, raw);
	const token = crypto.randomBytes(24).toString('base64url');
	const saved = await ctx.transaction(async ({ db, audit }) => {
		const [row] = await db.select().from(crisis).where(eq(crisis.slug, slug));
		if (!row) throw new AppError('not_found');
		if (row.status !== 'open') throw new AppError('conflict', { extra: { reason: 'crisis_closed' } });
		const phone = normalisePhone(input.phone);
		const email = input.email?.toLowerCase() ?? null;
		// the same phone or e-mail as an earlier registration: kept, flagged for the cell to merge or not
		const [earlier] = await db
			.select({ id: crisisRegistration.id })
			.from(crisisRegistration)
			.where(and(eq(crisisRegistration.crisisId, row.id), isNull(crisisRegistration.duplicateOf), or(phone ? eq(crisisRegistration.phone, phone) : sql`false`, email ? eq(crisisRegistration.email, email) : sql`false`)))
			.orderBy(asc(crisisRegistration.createdAt))
			.limit(1);
		for (let attempt = 0; ; attempt += 1) {
			const code = reference();
			const [created] = await db
				.insert(crisisRegistration)
				.values({
					crisisId: row.id,
					reference: code,
					tokenHash: hashToken(token),
					byRelative: input.byRelative,
					relativeName: input.byRelative ? (input.relativeName ?? null) : null,
					name: input.name,
					peopleCount: input.peopleCount,
					otherPeople: input.otherPeople ?? null,
					phone,
					email,
					country: input.country,
					city: input.city,
					needs: [...new Set(input.needs)],
					notes: input.notes ?? null,
					sameContactAs: earlier?.id ?? null,
					createdAt: ctx.now(),
					updatedAt: ctx.now()
				})
				.onConflictDoNothing()
				.returning();
			if (created) {
				await db.insert(crisisRegistrationEvent).values({ registrationId: created.id, kind: 'registered', status: 'registered', actorUserId: ctx.actor?.userId ?? null, at: ctx.now() });
				// the trail names the registration, never the person
				await recordAudit(db, audit, { action: 'return_crisis.register', resourceType: 'return_crisis_registration', resourceId: created.id, after: { crisis: row.slug, byRelative: input.byRelative } });
				return { registration: created, crisis: row };
			}
			if (attempt > 5) throw new Error('no free registration reference');
		}
	});
	if (saved.registration.email) {
		await mailRecipient(ctx, { email: saved.registration.email, name: saved.registration.byRelative ? (saved.registration.relativeName ?? saved.registration.name) : saved.registration.name, locale: ctx.language }, 'return.email_crisis_registered', () => ({ reference: saved.registration.reference }), `/return/crisis/safe/${token}`);
	}
	return { reference: saved.registration.reference, token, crisisSlug: saved.crisis.slug };
}

async function registrationByToken(db: DbOrTx, token: string) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
	const [row] = await db
		.select({ registration: crisisRegistration, crisisTitle: crisis.title, crisisStatus: crisis.status })
		.from(crisisRegistration)
		.innerJoin(crisis, eq(crisis.id, crisisRegistration.crisisId))
		.where(eq(crisisRegistration.tokenHash, hashToken(token)));
	return row ?? null;
}

/** What the personal link's page shows: the reference, status and last "safe", never the contacts. */
export async function safetyPage(db: DbOrTx, token: string) {
	const found = await registrationByToken(db, token);
	if (!found) return null;
	const { registration } = found;
	return { reference: registration.reference, name: registration.name, status: registration.status, lastSafeAt: registration.lastSafeAt?.toISOString() ?? null, crisisTitle: found.crisisTitle, crisisOpen: found.crisisStatus === 'open' };
}

/** "I am safe", through the personal link: recorded with its time, as often as the person says it. */
export async function checkIn(ctx: RequestContext, token: string) {
	return ctx.transaction(async ({ db, audit }) => {
		const found = await registrationByToken(db, token);
		if (!found) throw new AppError('not_found');
		if (found.crisisStatus !== 'open') throw new AppError('conflict', { extra: { reason: 'crisis_closed' } });
		await db.update(crisisRegistration).set({ lastSafeAt: ctx.now(), updatedAt: ctx.now() }).where(eq(crisisRegistration.id, found.registration.id));
		await db.insert(crisisRegistrationEvent).values({ registrationId: found.registration.id, kind: 'safe', at: ctx.now() });
		await recordAudit(db, audit, { action: 'return_crisis.safe', resourceType: 'return_crisis_registration', resourceId: found.registration.id });
		return ctx.now();
	});
}

// ---------- the cell and the relays ----------

/** The organisations the actor relays for (crisis relay grants limited to them). */
function relayOrganisations(actor: Actor): string[] {
	return [...new Set((actor.grants ?? []).filter((grant) => grant.module === 'return' && grant.role === 'crisis_relay' && grant.organisationId).map((grant) => grant.organisationId!))];
}

/** Who may see a crisis's registrations: the cell all of them, a relay those assigned to its organisations. */
function audience(ctx: RequestContext): { actor: Actor; all: boolean; relays: string[] } {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (ctx.can('return.crisis.manage')) return { actor: ctx.actor, all: true, relays: [] };
	if (!mayReach(ctx.actor, 'return.crisis.relay')) throw new AppError('forbidden');
	return { actor: ctx.actor, all: false, relays: relayOrganisations(ctx.actor) };
}

function visible(who: { all: boolean; relays: string[] }, crisisId: string): SQL {
	const base = and(eq(crisisRegistration.crisisId, crisisId), isNull(crisisRegistration.duplicateOf))!;
	if (who.all) return base;
	return who.relays.length ? and(base, inArray(crisisRegistration.relayOrganisationId, who.relays))! : sql`false`;
}

/** One row of the counts the database keeps (migration 0058): a relay, city, status and set of needs. */
interface CountRow {
	city: string;
	status: string;
	needs_key: string;
	registrations: number;
	people: number;
	safe: number;
	duplicates: number;
}

/**
 * The dashboard's counts: by status, need and city (the cell: every registration; a relay: its own).
 * Summed from the counts the database keeps up to date with every registration (a trigger), so the cost
 * does not grow with the crisis; `countRegistrations` is the same from the registrations themselves.
 */
export async function crisisDashboard(ctx: RequestContext, slug: string) {
	const who = audience(ctx);
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	const relays = who.all ? sql.raw('') : who.relays.length ? sql` and relay_key in (${sql.join(who.relays.map((id) => sql`${id}`), sql`, `)})` : sql` and false`;
	const result = await ctx.db.execute(sql`
		select city, status, needs_key, sum(registrations)::int as registrations, sum(people)::int as people, sum(safe)::int as safe, sum(duplicates)::int as duplicates
		from cache.return_crisis_count where crisis_id = ${row.id} and registrations <> 0${relays}
		group by city, status, needs_key`);
	const counts = rowsOf<CountRow>(result);
	return { ...dashboardOf(counts, who.all), crisis: row, canManage: who.all };
}

/** The dashboard's figures from rows of counts (kept by the database, or counted from the registrations). */
function dashboardOf(counts: readonly CountRow[], all: boolean) {
	const sum = (pick: (item: CountRow) => number, rows: readonly CountRow[] = counts) => rows.reduce((total, item) => total + pick(item), 0);
	const cityTotals = new Map<string, number>();
	for (const item of counts) cityTotals.set(item.city, (cityTotals.get(item.city) ?? 0) + item.registrations);
	const cities = [...cityTotals].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
	return {
		totals: { registrations: sum((item) => item.registrations), people: sum((item) => item.people), safe: sum((item) => item.safe) },
		byStatus: registrationStatuses.map((status) => ({ key: status, count: sum((item) => item.registrations, counts.filter((item) => item.status === status)) })),
		byNeed: crisisNeeds.map((need) => ({ key: need, count: sum((item) => item.registrations, counts.filter((item) => item.needs_key.split(',').includes(need))) })),
		byCity: cities.slice(0, 30),
		// every city as written, for the map (see crisis-places.ts)
		cities,
		// registrations that repeat an earlier one's contact and are not merged yet (the cell's count)
		possibleDuplicates: all ? sum((item) => item.duplicates) : 0
	};
}

/** The same figures counted from the registrations themselves: what the kept counts must always equal (tests). */
export async function countRegistrations(ctx: RequestContext, slug: string) {
	const who = audience(ctx);
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	const registrations = await ctx.db
		.select({ city: crisisRegistration.city, status: crisisRegistration.status, needs: crisisRegistration.needs, people: crisisRegistration.peopleCount, safe: crisisRegistration.lastSafeAt, same: crisisRegistration.sameContactAs })
		.from(crisisRegistration)
		.where(visible(who, row.id));
	const counts = registrations.map((item) => ({
		city: item.city,
		status: item.status,
		needs_key: [...new Set(item.needs)].sort().join(','),
		registrations: 1,
		people: item.people,
		safe: item.safe ? 1 : 0,
		duplicates: item.same ? 1 : 0
	}));
	return dashboardOf(counts, who.all);
}


/**
 * One page of the list with its filters (status, need, city, relay), each row with the registrations
 * sharing its contact (possible duplicates); an audited read.
 */
export async function listRegistrations(ctx: RequestContext, slug: string, rawFilters: unknown) {
	const who = audience(ctx);
	const filters = parseOrThrow(RegistrationFilters, rawFilters);
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	const conditions: SQL[] = [visible(who, row.id)];
	if (filters.status) conditions.push(eq(crisisRegistration.status, filters.status));
	if (filters.need) conditions.push(sql`${filters.need} = any(${crisisRegistration.needs})`);
	if (filters.city) conditions.push(ilike(crisisRegistration.city, filters.city.replace(/[%_\\]/g, '\\$&')));
	if (filters.relay) conditions.push(eq(crisisRegistration.relayOrganisationId, filters.relay));
	const where = and(...conditions);
	const [rows, [{ total }]] = await Promise.all([
		ctx.db
			.select({ registration: crisisRegistration, relayName: organisation.name })
			.from(crisisRegistration)
			.leftJoin(organisation, eq(organisation.id, crisisRegistration.relayOrganisationId))
			.where(where)
			.orderBy(asc(crisisRegistration.createdAt), asc(crisisRegistration.id))
			.limit(PAGE_SIZE)
			.offset((filters.page - 1) * PAGE_SIZE),
		ctx.db.select({ total: count() }).from(crisisRegistration).where(where)
	]);
	const contacts = rows.flatMap(({ registration }) => [registration.phone, registration.email].filter((value): value is string => !!value));
	const sharing = who.all && contacts.length
		? await ctx.db
				.select({ id: crisisRegistration.id, phone: crisisRegistration.phone, email: crisisRegistration.email, reference: crisisRegistration.reference })
				.from(crisisRegistration)
				.where(and(eq(crisisRegistration.crisisId, row.id), isNull(crisisRegistration.duplicateOf), or(inArray(crisisRegistration.phone, contacts), inArray(crisisRegistration.email, contacts))))
		: [];
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'return_crisis_registration', ids: rows.map((item) => item.registration.id), view: 'return_crisis_list' });
	return {
		crisis: row,
		canManage: who.all,
		filters,
		total,
		pageSize: PAGE_SIZE,
		items: rows.map(({ registration, relayName }) => ({
			...registration,
			relayName,
			next: nextStatuses(registration.status),
			sameContact: sharing
				.filter((other) => other.id !== registration.id && ((registration.phone && other.phone === registration.phone) || (registration.email && other.email === registration.email)))
				.map((other) => ({ id: other.id, reference: other.reference }))
		}))
	};
}

/** Every registration of the list's filters, for the consulates' CSV (the cell; an audited read). */
export async function registrationsForExport(ctx: RequestContext, slug: string, rawFilters: unknown) {
	ctx.require('return.crisis.manage');
	const firstPage = await listRegistrations(ctx, slug, { ...(rawFilters as object), page: 1 });
	const pages = Math.ceil(firstPage.total / PAGE_SIZE);
	const items = [...firstPage.items];
	for (let page = 2; page <= pages; page += 1) items.push(...(await listRegistrations(ctx, slug, { ...(rawFilters as object), page })).items);
	return { crisis: firstPage.crisis, items };
}

/** One registration the actor may act on, locked; another's (or a relay's not assigned) is not found. */
async function registrationForChange(ctx: RequestContext, db: DbOrTx, slug: string, registrationId: string) {
	const who = audience(ctx);
	if (!UUID.test(registrationId)) throw new AppError('not_found');
	const row = await crisisBySlug(db, slug);
	if (!row) throw new AppError('not_found');
	const [found] = await db.select().from(crisisRegistration).where(and(eq(crisisRegistration.id, registrationId), visible(who, row.id))).for('update');
	if (!found) throw new AppError('not_found');
	return { who, crisis: row, registration: found };
}

/** A registration moves on (never back); the cell or its relay. */
export async function setRegistrationStatus(ctx: RequestContext, slug: string, registrationId: string, raw: unknown) {
	const { status } = parseOrThrow(StatusForm, raw);
	return ctx.transaction(async (tx) => {
		const { who, registration } = await registrationForChange(tx, tx.db, slug, registrationId);
		if (!nextStatuses(registration.status).includes(status as RegistrationStatus)) throw new AppError('conflict', { extra: { reason: 'status_transition' } });
		await tx.db.update(crisisRegistration).set({ status, updatedAt: ctx.now() }).where(eq(crisisRegistration.id, registration.id));
		await tx.db.insert(crisisRegistrationEvent).values({ registrationId: registration.id, kind: 'status', status, actorUserId: who.actor.userId, at: ctx.now() });
		await recordAudit(tx.db, tx.audit, { action: 'return_crisis.status', resourceType: 'return_crisis_registration', resourceId: registration.id, before: { status: registration.status }, after: { status } });
	});
}

/** The cell assigns a registration to a relay organisation (or takes it back). */
export async function assignRegistration(ctx: RequestContext, slug: string, registrationId: string, raw: unknown) {
	ctx.require('return.crisis.manage');
	const { relayOrganisationId } = parseOrThrow(AssignForm, raw);
	return ctx.transaction(async (tx) => {
		const { who, registration } = await registrationForChange(tx, tx.db, slug, registrationId);
		if (relayOrganisationId) {
			const [exists] = await tx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, relayOrganisationId));
			if (!exists) throw new AppError('invalid_input', { fields: [{ path: 'relayOrganisationId', messageKey: 'field_choice' }] });
		}
		await tx.db.update(crisisRegistration).set({ relayOrganisationId: relayOrganisationId ?? null, updatedAt: ctx.now() }).where(eq(crisisRegistration.id, registration.id));
		await tx.db.insert(crisisRegistrationEvent).values({ registrationId: registration.id, kind: 'assigned', relayOrganisationId: relayOrganisationId ?? null, actorUserId: who.actor.userId, at: ctx.now() });
		await recordAudit(tx.db, tx.audit, { action: 'return_crisis.assign', resourceType: 'return_crisis_registration', resourceId: registration.id, before: { relay: registration.relayOrganisationId }, after: { relay: relayOrganisationId ?? null } });
	});
}

/**
 * The cell merges a duplicate into the registration it repeats: the duplicate leaves the lists and the
 * counts, its needs join the kept one's; nothing is deleted before the crisis's data is.
 */
export async function mergeRegistration(ctx: RequestContext, slug: string, duplicateId: string, keptId: string) {
	ctx.require('return.crisis.manage');
	if (duplicateId === keptId) throw new AppError('invalid_input', { fields: [{ path: 'keptId', messageKey: 'field_choice' }] });
	return ctx.transaction(async (tx) => {
		const { who, registration: duplicate } = await registrationForChange(tx, tx.db, slug, duplicateId);
		const { registration: kept } = await registrationForChange(tx, tx.db, slug, keptId);
		await tx.db.update(crisisRegistration).set({ duplicateOf: kept.id, updatedAt: ctx.now() }).where(eq(crisisRegistration.id, duplicate.id));
		await tx.db
			.update(crisisRegistration)
			.set({
				needs: [...new Set([...kept.needs, ...duplicate.needs])],
				lastSafeAt: [kept.lastSafeAt, duplicate.lastSafeAt].filter(Boolean).sort().at(-1) ?? null,
				// the pair is settled: the kept one no longer repeats the merged one
				sameContactAs: kept.sameContactAs === duplicate.id ? null : kept.sameContactAs,
				updatedAt: ctx.now()
			})
			.where(eq(crisisRegistration.id, kept.id));
		await tx.db.insert(crisisRegistrationEvent).values({ registrationId: duplicate.id, kind: 'merged', actorUserId: who.actor.userId, at: ctx.now() });
		await recordAudit(tx.db, tx.audit, { action: 'return_crisis.merge', resourceType: 'return_crisis_registration', resourceId: duplicate.id, after: { into: kept.id } });
	});
}

/**
 * The organisations a crisis's registrations can be assigned to: those whose people hold the relay
 * grant, and those already assigned some in this crisis (a handful: one select per registration lists them).
 */
export async function relayChoices(ctx: RequestContext, slug: string) {
	ctx.require('return.crisis.manage');
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	const [granted, assigned] = await Promise.all([
		ctx.db
			.selectDistinct({ id: accessGrant.organisationId })
			.from(accessGrant)
			.where(and(eq(accessGrant.module, 'return'), eq(accessGrant.role, 'crisis_relay'))),
		ctx.db.selectDistinct({ id: crisisRegistration.relayOrganisationId }).from(crisisRegistration).where(eq(crisisRegistration.crisisId, row.id))
	]);
	const ids = [...new Set([...granted, ...assigned].map((item) => item.id).filter((id): id is string => !!id))];
	if (ids.length === 0) return [];
	const rows = await ctx.db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(inArray(organisation.id, ids)).orderBy(asc(organisation.name));
	return rows.map((item) => ({ value: item.id, label: item.acronym ? `${item.name} (${item.acronym})` : item.name }));
}

// ---------- data minimisation ----------

/**
 * Deletes the registrations (and their events) of every crisis closed longer ago than its retention
 * period, keeping only counts on the crisis (by status, need and country); audited, one entry per
 * crisis. Run daily (`return:crisis-purge`). Answers the crises purged.
 */
export async function purgeClosedCrises(ctx: Pick<RequestContext, 'db' | 'now' | 'transaction'>): Promise<{ slug: string; registrations: number }[]> {
	const due = await ctx.db
		.select()
		.from(crisis)
		.where(and(eq(crisis.status, 'closed'), isNull(crisis.purgedAt), lte(sql`${crisis.closedAt} + make_interval(days => ${crisis.retentionDays})`, ctx.now())));
	const purged: { slug: string; registrations: number }[] = [];
	for (const row of due) {
		await ctx.transaction(async ({ db, audit }) => {
			const rows = await db.select({ status: crisisRegistration.status, needs: crisisRegistration.needs, country: crisisRegistration.country, people: crisisRegistration.peopleCount }).from(crisisRegistration).where(and(eq(crisisRegistration.crisisId, row.id), isNull(crisisRegistration.duplicateOf)));
			const tally = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
			const summary = { status: tally([...registrationStatuses]), need: tally([...crisisNeeds]), country: {} as Record<string, number>, total: { registrations: rows.length, people: 0 } };
			for (const item of rows) {
				summary.status[item.status] += 1;
				for (const need of item.needs) summary.need[need] += 1;
				summary.country[item.country] = (summary.country[item.country] ?? 0) + 1;
				summary.total.people += item.people;
			}
			const deleted = await db.delete(crisisRegistration).where(eq(crisisRegistration.crisisId, row.id)).returning({ id: crisisRegistration.id });
			await db.update(crisis).set({ purgedAt: ctx.now(), summary, updatedAt: ctx.now() }).where(eq(crisis.id, row.id));
			await recordAudit(db, audit, { action: 'return_crisis.purge', resourceType: 'return_crisis', resourceId: row.id, after: { registrationsDeleted: deleted.length, closedAt: row.closedAt?.toISOString(), retentionDays: row.retentionDays } });
			purged.push({ slug: row.slug, registrations: deleted.length });
		});
	}
	return purged;
}
