// Regional concertation (issue #13, item 5): the bodies where a region's actors follow the migration component
// of the regional development plan (the Oriental's regional concertation space, on the model of Kayes in
// Mali), with their terms of reference and member organisations. A body belongs to a country — Morocco or a
// RECOSA partner country — and to a region of that country. Each body's meetings, announcements and
// members' contributions are the platform's workspace `strategy.concertation.<slug>` (ADR 0013), run by the
// body's secretariat (the grant `strategy:secretary`, limited to the body's slug; abroad, also the owners and
// reporters of the country's strategies: concertation-access.ts); its decisions and recommendations are the
// recommendations tracker's, followed there to completion.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisation, organisationMember, user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { grantRole, revokeGrant } from '../../platform/accounts/grant.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mayReach } from '../../platform/policy/policy.ts';
import { slugify, slugWithSuffix } from '../../platform/text/slug.ts';
import { platformDay } from '../../platform/time-zone.ts';
import { runsWorkspace, type Workspace } from '../../platform/workspace/workspace.service.ts';
import { workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { concertationWorkspaceKey, createRecommendation, isLate, listRecommendations, type ShownRecommendation } from './recommendations.service.ts';
import { countryScopes, managesCountry, MANAGE, runsWith, SECRETARIAT } from './concertation-access.ts';
import { isPlaceOf, placeByCode, placeCodes, placeName } from './places.ts';
import { concertationRoles, concertationStatuses, recommendationHorizons, recommendationKinds, STRATEGY_COUNTRIES, type ConcertationRole, type ConcertationStatus } from './strategy.model.ts';
import { Source } from './strategy.schemas.ts';
import { concertationBody, concertationMember, recommendation, strategy, type ConcertationBodyRow, type Translated } from './strategy.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** a calendar day as the date field sends it (YYYY-MM-DD), a real one */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));
const optionalDay = z.preprocess(blankToUndefined, Day.optional());
const texts = (max: number) => z.object({ fr: optionalText(max), ar: optionalText(max), en: optionalText(max) });
const someText = (value: Record<string, string | undefined>) => Object.values(value).some(Boolean);

export const MemberInput = z
	.object({
		organisationId: z.uuid(),
		role: z.enum(concertationRoles).default('member'),
		since: optionalDay,
		until: optionalDay
	})
	.refine((value) => !value.since || !value.until || value.until >= value.since, { path: ['until'], message: 'field_invalid' });

export const BodyInput = z.object({
	/** the country it belongs to: Morocco (the bodies written before countries were) or a RECOSA partner country */
	country: z.enum(STRATEGY_COUNTRIES).default('MA'),
	/** a first-level division of that country (another country's is refused by the service, in words) */
	region: z.enum(placeCodes),
	name: texts(300).refine(someText, { message: 'field_required', path: ['fr'] }),
	termsOfReference: texts(6000).refine(someText, { message: 'field_required', path: ['fr'] }),
	originalLanguage: z.enum(['fr', 'ar', 'en']).default('fr'),
	establishedOn: optionalDay,
	status: z.enum(concertationStatuses).default('active'),
	/** the strategy or regional plan it follows */
	strategyId: z.preprocess(blankToUndefined, z.uuid().optional()),
	members: z.array(MemberInput).max(150).default([]),
	sources: z.array(Source).max(10).optional()
});
export type BodyInput = z.output<typeof BodyInput>;

const clean = (text: Record<string, string | undefined>): Translated => Object.fromEntries(Object.entries(text).filter(([, value]) => value)) as Translated;

/**
 * The input's references checked: the region one of the body's country's (`region_of_another_country`: Senegal's
 * Thiès for a Malian body), the strategy followed one of that country's (`strategy_of_another_country`), each member
 * organisation once and known.
 */
async function checkBody(db: DbOrTx, data: BodyInput) {
	const problems: { path: string; messageKey: string }[] = [];
	let reason: string | undefined;
	if (!isPlaceOf(data.region, data.country)) {
		problems.push({ path: 'region', messageKey: 'field_choice' });
		reason = 'region_of_another_country';
	}
	if (data.strategyId) {
		const [followed] = await db.select({ country: strategy.country }).from(strategy).where(eq(strategy.id, data.strategyId));
		if (!followed) problems.push({ path: 'strategyId', messageKey: 'field_choice' });
		else if (followed.country !== data.country) {
			problems.push({ path: 'strategyId', messageKey: 'field_choice' });
			reason ??= 'strategy_of_another_country';
		}
	}
	const ids = [...new Set(data.members.map((member) => member.organisationId))];
	const known = new Set(ids.length ? (await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids))).map((row) => row.id) : []);
	const seen = new Set<string>();
	data.members.forEach((member, index) => {
		if (!known.has(member.organisationId)) problems.push({ path: `members.${index}.organisationId`, messageKey: 'field_choice' });
		else if (seen.has(member.organisationId)) {
			problems.push({ path: `members.${index}.organisationId`, messageKey: 'field_invalid' });
			reason ??= 'member_twice';
		}
		seen.add(member.organisationId);
	});
	if (problems.length) throw new AppError('invalid_input', { fields: problems, extra: reason ? { reason, country: data.country } : undefined });
}

/** Refused at once to whoever manages no body anywhere (before the input is read). */
function requireSomeManagement(ctx: RequestContext) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!mayReach(ctx.actor, MANAGE)) throw new AppError('forbidden');
}

/** Refused unless the actor manages the country's bodies (a Moroccan strategy's reporter, a Malian body). */
async function requireManages(ctx: RequestContext, country: string) {
	if (!(await managesCountry(ctx, country))) throw new AppError('forbidden');
}

/** Refused unless the actor runs the body: its secretariat, or abroad the owners and reporters of its country's strategies. */
async function requireRuns(ctx: RequestContext, body: Pick<ConcertationBodyRow, 'slug' | 'country'>) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!runsWith(ctx, body.slug, await countryScopes(ctx.db, body.country))) throw new AppError('forbidden');
}

const auditView = (row: ConcertationBodyRow, members: BodyInput['members']) => ({
	slug: row.slug,
	country: row.country,
	region: row.region,
	name: row.name,
	termsOfReference: row.termsOfReference,
	establishedOn: row.establishedOn,
	status: row.status,
	strategyId: row.strategyId,
	members: members.map((member) => ({ organisationId: member.organisationId, role: member.role, since: member.since ?? null, until: member.until ?? null }))
});

/**
 * A free slug for a new body, from its name (French, else English; else its region's code); never a strategy's,
 * since grants limited to a strategy and to a body both name a slug.
 */
async function freeSlug(db: DbOrTx, data: BodyInput): Promise<string> {
	const base = slugify(data.name.fr ?? data.name.en ?? '') || `concertation-${data.region.toLowerCase()}`;
	const prefix = `${base.slice(0, 70)}%`;
	const taken = new Set([
		...(await db.select({ slug: concertationBody.slug }).from(concertationBody).where(like(concertationBody.slug, prefix))).map((row) => row.slug),
		...(await db.select({ slug: strategy.slug }).from(strategy).where(like(strategy.slug, prefix))).map((row) => row.slug)
	]);
	for (let n = 1; ; n++) if (!taken.has(slugWithSuffix(base, n))) return slugWithSuffix(base, n);
}

/**
 * A moderator (or, for a partner country, an owner or reporter of one of its strategies) creates a body with its
 * members; its address (slug) comes from its name and never changes (grants name it).
 */
export async function createBody(ctx: RequestContext, input: unknown): Promise<ConcertationBodyRow> {
	requireSomeManagement(ctx);
	const data = parseOrThrow(BodyInput, input);
	await requireManages(ctx, data.country);
	return ctx.transaction((tx) => insertBody(tx, data));
}

/** The same, checked and audited; who acts is checked by the caller (a page, or the seeds' reference data and the demo). */
export async function insertBody(ctx: RequestContext, data: BodyInput, options: { isSample?: boolean } = {}): Promise<ConcertationBodyRow> {
	await checkBody(ctx.db, data);
	const [row] = await ctx.db
		.insert(concertationBody)
		.values({
			slug: await freeSlug(ctx.db, data),
			country: data.country,
			region: data.region,
			name: clean(data.name),
			termsOfReference: clean(data.termsOfReference),
			originalLanguage: data.originalLanguage,
			establishedOn: data.establishedOn ?? null,
			status: data.status,
			strategyId: data.strategyId ?? null,
			sources: data.sources ?? [],
			isSample: options.isSample ?? false,
			createdBy: ctx.actor?.userId ?? null,
			createdAt: ctx.now(),
			updatedAt: ctx.now()
		})
		.returning();
	if (data.members.length) await ctx.db.insert(concertationMember).values(data.members.map((member) => ({ bodyId: row.id, organisationId: member.organisationId, role: member.role, since: member.since ?? null, until: member.until ?? null })));
	await recordAudit(ctx.db, ctx.audit, { action: 'strategy_concertation.create', resourceType: 'strategy_concertation_body', resourceId: row.id, after: auditView(row, data.members) });
	return row;
}

/**
 * Whoever manages the body's country corrects it and its members (the members given replace the list; the sources
 * stay unless given); moving it to another country needs that country's too.
 */
export async function updateBody(ctx: RequestContext, slug: string, input: unknown): Promise<ConcertationBodyRow> {
	requireSomeManagement(ctx);
	const data = parseOrThrow(BodyInput, input);
	return ctx.transaction(async (tx) => {
		const current = await bodyBySlug(tx.db, slug, true);
		await requireManages(tx, current.country);
		if (data.country !== current.country) await requireManages(tx, data.country);
		const before = await tx.db.select().from(concertationMember).where(eq(concertationMember.bodyId, current.id)).orderBy(asc(concertationMember.id));
		await checkBody(tx.db, data);
		const [row] = await tx.db
			.update(concertationBody)
			.set({
				country: data.country,
				region: data.region,
				name: clean(data.name),
				termsOfReference: clean(data.termsOfReference),
				originalLanguage: data.originalLanguage,
				establishedOn: data.establishedOn ?? null,
				status: data.status,
				strategyId: data.strategyId ?? null,
				...(data.sources ? { sources: data.sources } : {}),
				updatedAt: tx.now()
			})
			.where(eq(concertationBody.id, current.id))
			.returning();
		await tx.db.delete(concertationMember).where(eq(concertationMember.bodyId, current.id));
		if (data.members.length) await tx.db.insert(concertationMember).values(data.members.map((member) => ({ bodyId: row.id, organisationId: member.organisationId, role: member.role, since: member.since ?? null, until: member.until ?? null })));
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_concertation.update',
			resourceType: 'strategy_concertation_body',
			resourceId: row.id,
			before: auditView(current, before.map((member) => ({ ...member, since: member.since ?? undefined, until: member.until ?? undefined }))),
			after: auditView(row, data.members)
		});
		return row;
	});
}

export async function bodyBySlug(db: DbOrTx, slug: string, lock = false): Promise<ConcertationBodyRow> {
	if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new AppError('not_found');
	const query = db.select().from(concertationBody).where(eq(concertationBody.slug, slug));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

/** A member is current from the day it joined (when known) until the day it left (when it did). */
const currentMember = (today: string) => and(or(isNull(concertationMember.since), lte(concertationMember.since, today)), or(isNull(concertationMember.until), gte(concertationMember.until, today)));

/**
 * A body's space, on the platform's workspaces: run by its secretariat (a grant limited to the body's slug);
 * its members are the people of its current member organisations (they read and contribute).
 */
export function concertationSpace(body: Pick<ConcertationBodyRow, 'id' | 'slug' | 'name'>, otherScopes: readonly string[] = []): Workspace {
	const current = (now: Date) => and(eq(concertationMember.bodyId, body.id), currentMember(platformDay(now)));
	return {
		key: concertationWorkspaceKey(body.slug),
		manageAction: SECRETARIAT,
		scope: body.slug,
		// abroad, the owners and reporters of the country's strategies run it too
		otherScopes,
		async memberOrganisations(ctx) {
			const mine = ctx.actor?.organisationIds ?? [];
			if (!mine.length) return [];
			return ctx.db
				.select({ id: organisation.id, name: organisation.name })
				.from(concertationMember)
				.innerJoin(organisation, eq(organisation.id, concertationMember.organisationId))
				.where(and(current(ctx.now()), inArray(concertationMember.organisationId, mine)))
				.orderBy(asc(organisation.name));
		},
		// everyone listed, former members too (who attended an earlier meeting)
		async allMemberOrganisations(db) {
			return db
				.select({ id: organisation.id, name: organisation.name })
				.from(concertationMember)
				.innerJoin(organisation, eq(organisation.id, concertationMember.organisationId))
				.where(eq(concertationMember.bodyId, body.id))
				.orderBy(asc(organisation.name));
		},
		async members(db) {
			return db
				.selectDistinct({ email: user.email, name: user.name, locale: user.locale })
				.from(concertationMember)
				.innerJoin(organisationMember, eq(organisationMember.organisationId, concertationMember.organisationId))
				.innerJoin(user, eq(user.id, organisationMember.userId))
				.where(current(new Date()));
		},
		path: `/strategy/concertation/${body.slug}/space`,
		titleKey: 'strategy.concertation_space_title',
		title: (language) => {
			const name = pickText(body.name as Record<string, string>, language);
			return { text: name.text, lang: name.lang };
		},
		auditResource: 'strategy_concertation'
	};
}

/** A body's space by the body's address (the space's pages), with the scopes that run it abroad. */
export async function spaceOf(db: DbOrTx, slug: string): Promise<Workspace> {
	const body = await bodyBySlug(db, slug);
	return concertationSpace(body, await countryScopes(db, body.country));
}

/** Whether the actor enters a body's space: whoever runs it, or a person of one of its current member organisations. */
export async function mayEnterSpace(ctx: RequestContext, space: Workspace): Promise<boolean> {
	if (!ctx.actor) return false;
	if (runsWorkspace(ctx, space)) return true;
	return (await space.memberOrganisations(ctx)).length > 0;
}

// ---------- public reading ----------

export interface BodySummary {
	slug: string;
	name: string;
	nameLanguage: string;
	names: Translated;
	/** the country (ISO 3166-1 alpha-2) and its name in the language */
	country: string;
	countryName: string;
	/** the region (ISO 3166-2), its name and the language it is written in (French where no Arabic name is known) */
	region: string;
	regionName: string;
	regionLanguage: string;
	status: ConcertationStatus;
	establishedOn: string | null;
	strategy: { slug: string; title: string } | null;
	/** current member organisations */
	members: number;
	/** the last meeting held (not cancelled) */
	lastMeeting: string | null;
	/** decisions and recommendations neither done nor dropped */
	openDecisions: number;
	isSample: boolean;
	sources: { citation: string; url?: string }[];
}

const held = (now: Date) => lt(workspaceMeeting.startsAt, now);
const workspaceOf = sql`'strategy.concertation.' || ${concertationBody.slug}`;

/** The bodies (of one country or region, or all), real before samples, with their counts; by country (Morocco first), region, then name. */
export async function listBodies(db: DbOrTx, language: Language, filters: { country?: string; region?: string } = {}, now = new Date()): Promise<BodySummary[]> {
	const today = platformDay(now);
	const rows = await db
		.select({
			row: concertationBody,
			strategySlug: strategy.slug,
			strategyTitle: strategy.title,
			strategyPublished: strategy.published,
			members: sql<number>`(select count(*)::int from ${concertationMember} where ${concertationMember.bodyId} = ${concertationBody.id} and (${concertationMember.since} is null or ${concertationMember.since} <= ${today}::date) and (${concertationMember.until} is null or ${concertationMember.until} >= ${today}::date))`,
			lastMeeting: sql<Date | string | null>`(select max(${workspaceMeeting.startsAt}) from ${workspaceMeeting} where ${workspaceMeeting.workspace} = ${workspaceOf} and ${workspaceMeeting.startsAt} < ${now} and ${workspaceMeeting.cancelledAt} is null)`,
			openDecisions: sql<number>`(select count(*)::int from ${recommendation} where ${recommendation.concertationBodyId} = ${concertationBody.id} and ${recommendation.status} in ('open', 'in_progress'))`
		})
		.from(concertationBody)
		.leftJoin(strategy, eq(strategy.id, concertationBody.strategyId))
		.where(and(filters.country ? eq(concertationBody.country, filters.country) : undefined, filters.region ? eq(concertationBody.region, filters.region) : undefined))
		.orderBy(sql`array_position(array[${sql.join(STRATEGY_COUNTRIES.map((code) => sql`${code}`), sql`, `)}]::text[], ${concertationBody.country})`, asc(concertationBody.region), asc(concertationBody.isSample), asc(concertationBody.slug));
	return rows.map((entry) => {
		const name = pickText(entry.row.name as Record<string, string>, language);
		const place = placeByCode(entry.row.region);
		const regionName = place ? placeName(place, language) : { text: entry.row.region, lang: language };
		return {
			slug: entry.row.slug,
			name: name.text,
			nameLanguage: name.lang,
			names: entry.row.name,
			country: entry.row.country,
			countryName: countryName(entry.row.country, language),
			region: entry.row.region,
			regionName: regionName.text,
			regionLanguage: regionName.lang,
			status: entry.row.status,
			establishedOn: entry.row.establishedOn,
			strategy: entry.strategySlug && entry.strategyPublished ? { slug: entry.strategySlug, title: pickText(entry.strategyTitle as Record<string, string>, language).text } : null,
			members: Number(entry.members),
			lastMeeting: entry.lastMeeting ? new Date(entry.lastMeeting).toISOString() : null,
			openDecisions: Number(entry.openDecisions),
			isSample: entry.row.isSample,
			sources: entry.row.sources
		};
	});
}

/** A region's bodies (its page), and whether the person may create one there: whoever manages its country's (no query for a visitor). */
export async function bodiesOfRegion(ctx: RequestContext, region: { iso: string; country: string }): Promise<{ bodies: BodySummary[]; canCreate: boolean }> {
	const bodies = await listBodies(ctx.db, ctx.language, { region: region.iso }, ctx.now());
	return { bodies, canCreate: ctx.actor ? await managesCountry(ctx, region.country) : false };
}

export interface BodyDetail extends BodySummary {
	termsOfReference: { text: string; lang: string; fallback: boolean };
	termsOfReferenceByLanguage: Translated;
	memberList: { organisation: { id: string; name: string; acronym: string | null }; role: ConcertationRole; since: string | null; until: string | null; current: boolean }[];
	/** meetings held (newest first) and to come: their day, title and agenda (the minutes stay in the space) */
	meetings: { id: string; title: string; language: string; startsAt: string; agenda: string; held: boolean; hasMinutes: boolean }[];
	decisions: ShownRecommendation[];
}

/** A body's public summary: terms of reference, members and roles, meetings, decisions and where they stand. */
export async function bodyDetail(db: DbOrTx, slug: string, language: Language, now = new Date()): Promise<BodyDetail> {
	const row = await bodyBySlug(db, slug);
	const [summary] = (await listBodies(db, language, { region: row.region }, now)).filter((entry) => entry.slug === slug);
	const today = platformDay(now);
	const members = await db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym, role: concertationMember.role, since: concertationMember.since, until: concertationMember.until })
		.from(concertationMember)
		.innerJoin(organisation, eq(organisation.id, concertationMember.organisationId))
		.where(eq(concertationMember.bodyId, row.id))
		.orderBy(sql`array_position(array['chair','secretariat','member','observer'], ${concertationMember.role})`, asc(organisation.name));
	const meetings = await db
		.select()
		.from(workspaceMeeting)
		.where(and(eq(workspaceMeeting.workspace, concertationWorkspaceKey(row.slug)), isNull(workspaceMeeting.cancelledAt)))
		.orderBy(desc(workspaceMeeting.startsAt))
		.limit(200);
	const terms = pickText(row.termsOfReference as Record<string, string>, language);
	return {
		...summary,
		termsOfReference: { text: terms.text, lang: terms.lang, fallback: terms.fallback },
		termsOfReferenceByLanguage: row.termsOfReference,
		memberList: members.map((member) => ({
			organisation: { id: member.id, name: member.name, acronym: member.acronym },
			role: member.role,
			since: member.since,
			until: member.until,
			current: (!member.since || member.since <= today) && (!member.until || member.until >= today)
		})),
		meetings: meetings.map((meeting) => ({ id: meeting.id, title: meeting.title, language: meeting.language, startsAt: meeting.startsAt.toISOString(), agenda: meeting.agenda, held: meeting.startsAt.getTime() < now.getTime(), hasMinutes: !!meeting.minutes })),
		decisions: (await listRecommendations(db, { body: slug }, language, now)).items
	};
}

/** A body as its edit form shows it, to whoever manages its country's bodies. */
export async function bodyForEdit(ctx: RequestContext, slug: string) {
	requireSomeManagement(ctx);
	const db = ctx.db;
	const row = await bodyBySlug(db, slug);
	await requireManages(ctx, row.country);
	const members = await db
		.select({ organisationId: concertationMember.organisationId, role: concertationMember.role, since: concertationMember.since, until: concertationMember.until })
		.from(concertationMember)
		.innerJoin(organisation, eq(organisation.id, concertationMember.organisationId))
		.where(eq(concertationMember.bodyId, row.id))
		.orderBy(sql`array_position(array['chair','secretariat','member','observer'], ${concertationMember.role})`, asc(organisation.name));
	return { row, members };
}

// ---------- decisions ----------

export const DecisionInput = z.object({
	kind: z.enum(recommendationKinds).default('decision'),
	/** the language the text is written in */
	language: z.enum(['fr', 'ar', 'en']),
	text: z.string().trim().min(3).max(400),
	horizon: z.enum(recommendationHorizons).default('short'),
	ownerOrganisationId: z.preprocess(blankToUndefined, z.uuid().optional()),
	dueOn: optionalDay
});

/**
 * The secretariat records a decision (or a recommendation) of one of its body's meetings in the tracker: its
 * owner, its due day (not before the meeting) and its horizon; it is then followed on the tracker's page.
 */
export async function recordDecision(ctx: RequestContext, slug: string, meetingId: string, input: unknown) {
	const body = await bodyBySlug(ctx.db, slug);
	// another body's secretariat, another country's strategy: refused before anything is read from the form
	await requireRuns(ctx, body);
	const meeting = await heldMeeting(ctx, body, meetingId);
	const data = parseOrThrow(DecisionInput, input);
	return createRecommendation(ctx, {
		kind: data.kind,
		text: { [data.language]: data.text },
		originalLanguage: data.language,
		horizon: data.horizon,
		ownerOrganisationId: data.ownerOrganisationId,
		dueOn: data.dueOn,
		concertationBodyId: body.id,
		meetingId: meeting.id
	});
}

/** One of the body's meetings, held (decisions are taken at a meeting that took place). */
async function heldMeeting(ctx: RequestContext, body: Pick<ConcertationBodyRow, 'slug'>, meetingId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(meetingId)) throw new AppError('not_found');
	const [meeting] = await ctx.db
		.select({ id: workspaceMeeting.id, startsAt: workspaceMeeting.startsAt, title: workspaceMeeting.title, language: workspaceMeeting.language })
		.from(workspaceMeeting)
		.where(and(eq(workspaceMeeting.id, meetingId), eq(workspaceMeeting.workspace, concertationWorkspaceKey(body.slug))));
	if (!meeting) throw new AppError('not_found');
	if (meeting.startsAt.getTime() > ctx.now().getTime()) throw new AppError('conflict', { extra: { reason: 'meeting_not_held' } });
	return meeting;
}

/** The decision form's page: the body's secretariat only, for one of its held meetings. */
export async function decisionPage(ctx: RequestContext, slug: string, meetingId: string) {
	const body = await bodyBySlug(ctx.db, slug);
	await requireRuns(ctx, body);
	const meeting = await heldMeeting(ctx, body, meetingId);
	const name = pickText(body.name as Record<string, string>, ctx.language);
	return { body: { slug: body.slug, name: name.text, nameLanguage: name.lang }, meeting: { ...meeting, startsAt: meeting.startsAt.toISOString(), day: platformDay(meeting.startsAt) } };
}

// ---------- my space ----------

/**
 * For a body's secretariat (and abroad the owners and reporters of the country's strategies): the bodies it runs,
 * their meetings held without minutes, and their decisions neither done nor dropped that are due within a month or late.
 */
export async function secretariatQueues(ctx: RequestContext) {
	if (!ctx.actor || !mayReach(ctx.actor, SECRETARIAT)) return { bodies: [], withoutMinutes: 0, due: 0 };
	const all = await ctx.db.select({ id: concertationBody.id, slug: concertationBody.slug, name: concertationBody.name, country: concertationBody.country }).from(concertationBody).orderBy(asc(concertationBody.slug));
	const scopes = new Map<string, string[]>();
	for (const country of new Set(all.map((body) => body.country))) scopes.set(country, await countryScopes(ctx.db, country));
	const bodies = all.filter((body) => runsWith(ctx, body.slug, scopes.get(body.country) ?? []));
	if (!bodies.length) return { bodies: [], withoutMinutes: 0, due: 0 };
	const now = ctx.now();
	const soon = platformDay(new Date(now.getTime() + 30 * 86_400_000));
	const [[minutes], [due]] = await Promise.all([
		ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(workspaceMeeting)
			.where(and(inArray(workspaceMeeting.workspace, bodies.map((body) => concertationWorkspaceKey(body.slug))), held(now), isNull(workspaceMeeting.minutes), isNull(workspaceMeeting.cancelledAt))),
		ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(recommendation)
			.where(
				and(
					inArray(recommendation.concertationBodyId, bodies.map((body) => body.id)),
					inArray(recommendation.status, ['open', 'in_progress']),
					or(and(isNotNull(recommendation.dueOn), sql`${recommendation.dueOn} <= ${soon}::date`), isLate(now))
				)
			)
	]);
	return { bodies, withoutMinutes: minutes?.n ?? 0, due: due?.n ?? 0 };
}

/** The bodies whose current member organisations the person belongs to (their spaces). */
export async function bodiesOfMember(ctx: RequestContext) {
	const mine = ctx.actor?.organisationIds ?? [];
	if (!mine.length) return [];
	return ctx.db
		.selectDistinct({ id: concertationBody.id, slug: concertationBody.slug, name: concertationBody.name })
		.from(concertationMember)
		.innerJoin(concertationBody, eq(concertationBody.id, concertationMember.bodyId))
		.where(and(inArray(concertationMember.organisationId, mine), currentMember(platformDay(ctx.now()))));
}

/** What a person entered about bodies, for their data export (the bodies they created). */
export async function concertationDataOf(db: DbOrTx, userId: string) {
	return db.select({ slug: concertationBody.slug, name: concertationBody.name, createdAt: concertationBody.createdAt }).from(concertationBody).where(eq(concertationBody.createdBy, userId));
}

// ---------- the secretariat of a body ----------

/** The people holding a body's secretariat through the grant `strategy:secretary` scoped to it (administrators appoint them). */
export async function secretariesOf(ctx: RequestContext, slug: string) {
	ctx.require('user.manage');
	const body = await bodyBySlug(ctx.db, slug);
	return ctx.db
		.select({ grantId: accessGrant.id, userId: user.id, name: user.name, email: user.email, since: accessGrant.createdAt })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(accessGrant.module, 'strategy'), eq(accessGrant.role, 'secretary'), eq(accessGrant.scope, body.slug)))
		.orderBy(asc(user.name));
}

export const AppointSecretary = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

/** Gives a person with an account the body's secretariat (the platform's grant, audited); their address names them. */
export async function appointSecretary(ctx: RequestContext, slug: string, input: unknown) {
	ctx.require('user.manage');
	const data = parseOrThrow(AppointSecretary, input);
	const body = await bodyBySlug(ctx.db, slug);
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, data.email));
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_unknown_account' }], extra: { reason: 'unknown_email' } });
	return grantRole(ctx, person.id, { role: 'strategy:secretary', scope: body.slug });
}

/** Takes the secretariat back from one of its holders (only a grant of this body's secretariat). */
export async function removeSecretary(ctx: RequestContext, slug: string, grantId: string) {
	const holders = await secretariesOf(ctx, slug);
	const holder = holders.find((entry) => entry.grantId === grantId);
	if (!holder) throw new AppError('not_found');
	await revokeGrant(ctx, holder.userId, grantId);
}
