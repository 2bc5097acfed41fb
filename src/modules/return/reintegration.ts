// Followed reintegration (issue 12, item 6): a returnee's case kept by one RAMre operator — a member
// organisation whose case workers hold the `return:caseworker` grant limited to it. The case itself
// (consent, return, settlement, needs, plan) is here; notes, appointments and referrals to the
// network's services are the platform's casework (ADR 0010) through the caseload below. Each operator
// sees only its own cases: another operator's case is not found, whatever its id.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../platform/audit/audit.service.ts';
import type { Caseload } from '../../platform/casework/caseload.ts';
import { openCaseFile } from '../../platform/casework/casework.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { fieldProblems, parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mayReach, type Actor } from '../../platform/policy/policy.ts';
import { returnServices } from './network.ts';
import { CloseCaseForm, NeedsForm, PlanActionForm, PlanActionStatusForm, ReintegrationCaseForm } from './return.schemas.ts';
import { networkMember, reintegrationAction, reintegrationCase } from './return.table.ts';
import { schemeForCase, schemeNames } from './schemes/schemes.service.ts';
import { findLink, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The action comes from a grant limited to an operator: reaching it is checked here, the operator per case. */
export function caseworker(ctx: RequestContext): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!mayReach(ctx.actor, 'return.case.work')) throw new AppError('forbidden');
	return ctx.actor;
}

/**
 * The operators the actor works for: the organisations their case-worker grants are limited to, as long
 * as each is a member of the RAMre network (an organisation that left keeps its cases but no access).
 */
export async function caseworkerOperators(ctx: RequestContext): Promise<{ id: string; name: string }[]> {
	const actor = caseworker(ctx);
	const ids = [...new Set((actor.grants ?? []).filter((grant) => grant.module === 'return' && grant.role === 'caseworker' && grant.organisationId).map((grant) => grant.organisationId!))];
	if (ids.length === 0) return [];
	return ctx.db
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.innerJoin(networkMember, eq(networkMember.organisationId, organisation.id))
		.where(and(inArray(organisation.id, ids), eq(networkMember.status, 'member')))
		.orderBy(asc(organisation.name));
}

/** Of these people, those with an open case at one of these operators → the operator (the first one found). */
async function followingOperators(db: DbOrTx, operators: readonly { id: string }[], personIds: readonly string[]): Promise<Map<string, string>> {
	const ids = personIds.filter((id) => id && id.length <= 100);
	if (operators.length === 0 || ids.length === 0) return new Map();
	const rows = await db
		.select({ personUserId: reintegrationCase.personUserId, operatorId: reintegrationCase.operatorOrganisationId })
		.from(reintegrationCase)
		.where(and(inArray(reintegrationCase.personUserId, [...ids]), inArray(reintegrationCase.operatorOrganisationId, operators.map((row) => row.id))))
		.orderBy(asc(reintegrationCase.createdAt));
	const found = new Map<string, string>();
	for (const row of rows) if (!found.has(row.personUserId)) found.set(row.personUserId, row.operatorId);
	return found;
}

/** The returnees followed by RAMre operators; the team of a file is the operator organisation. */
export const reintegrationFollowUp: Caseload = {
	key: 'return.reintegration',
	async followed(ctx, personId) {
		const operators = await caseworkerOperators(ctx);
		const teamId = (await followingOperators(ctx.db, operators, [personId])).get(personId);
		if (!teamId) throw new AppError('not_found');
		return { teamId, teamName: operators.find((row) => row.id === teamId)!.name };
	},
	async followedAmong(ctx, personIds) {
		return followingOperators(ctx.db, await caseworkerOperators(ctx), personIds);
	},
	staffTeams: caseworkerOperators,
	async teamNames(db, ids) {
		if (ids.length === 0) return new Map();
		const rows = await db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, [...ids]));
		return new Map(rows.map((row) => [row.id, row.name]));
	},
	actions: {
		writeNotes: 'return.case.work',
		planAppointments: 'return.case.work',
		refer: 'return.case.work',
		answerReferrals: 'return.network.contribute',
		seeOwn: 'return.checklist.keep'
	},
	directory: returnServices,
	audit: {
		note: 'return_case_note',
		appointment: 'return_appointment',
		referral: 'return_referral',
		contact: 'returnee_contact',
		teamReferralsView: 'return_operator_referrals',
		entryReferralsView: 'return_service_referrals'
	},
	emails: 'return',
	paths: { person: '/return/my-reintegration', entryReferrals: '/return/referrals' }
};

/** A case of one of the actor's operators, locked for a change when asked; anything else is not found. */
export async function caseOfMine(ctx: RequestContext, db: DbOrTx, caseId: string, forUpdate = false) {
	const operators = await caseworkerOperators(ctx);
	if (!UUID.test(caseId) || operators.length === 0) throw new AppError('not_found');
	const query = db
		.select()
		.from(reintegrationCase)
		.where(and(eq(reintegrationCase.id, caseId), inArray(reintegrationCase.operatorOrganisationId, operators.map((row) => row.id))));
	const [row] = forUpdate ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return { row, operator: operators.find((operator) => operator.id === row.operatorOrganisationId)! };
}

/** A closed case keeps its needs and plan as they were when it closed. */
export function stillOpen(row: { closedAt: Date | null }) {
	if (row.closedAt) throw new AppError('conflict', { extra: { reason: 'case_closed' } });
}

/**
 * A case worker opens a case for a returnee who has an account, with the returnee's consent (its
 * purpose, the date, who recorded it). One case a returnee per operator: a second is a conflict.
 */
export async function openReintegrationCase(ctx: RequestContext, raw: unknown) {
	const actor = caseworker(ctx);
	const input = parseOrThrow(ReintegrationCaseForm, raw);
	const operators = await caseworkerOperators(ctx);
	if (!operators.some((row) => row.id === input.operatorOrganisationId)) {
		throw new AppError('invalid_input', { fields: [{ path: 'operatorOrganisationId', messageKey: 'field_choice' }] });
	}
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.id, input.personUserId));
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'personUserId', messageKey: 'field_choice' }] });
	if (input.schemeId) await schemeForCase(ctx.db, input.schemeId, input.hostCountry);
	const now = ctx.now();
	return ctx.transaction(async ({ db, audit }) => {
		const [existing] = await db
			.select({ id: reintegrationCase.id })
			.from(reintegrationCase)
			.where(and(eq(reintegrationCase.operatorOrganisationId, input.operatorOrganisationId), eq(reintegrationCase.personUserId, input.personUserId)));
		if (existing) throw new AppError('conflict', { extra: { reason: 'case_exists', caseId: existing.id } });
		const [row] = await db
			.insert(reintegrationCase)
			.values({
				operatorOrganisationId: input.operatorOrganisationId,
				personUserId: input.personUserId,
				consentPurpose: input.consentPurpose,
				consentAt: now,
				consentRecordedBy: actor.userId,
				returnDate: input.returnDate,
				hostCountry: input.hostCountry,
				schemeId: input.schemeId ?? null,
				scheme: input.scheme ?? null,
				regionCode: input.regionCode,
				provinceCode: input.provinceCode ?? null,
				commune: input.commune ?? null,
				householdSize: input.householdSize,
				createdAt: now,
				updatedAt: now
			})
			.returning();
		// the trail names the case and the consent, never the returnee's details
		await recordAudit(db, audit, {
			action: 'return_case.create',
			resourceType: 'return_case',
			resourceId: row.id,
			after: { operatorId: row.operatorOrganisationId, personId: row.personUserId, consentAt: now.toISOString(), consentPurpose: row.consentPurpose }
		});
		return row;
	});
}

/** The cases of the actor's operators, newest return first (a list without the needs or notes). */
export async function listReintegrationCases(ctx: RequestContext) {
	const operators = await caseworkerOperators(ctx);
	if (operators.length === 0) return [];
	const rows = await ctx.db
		.select({ case: reintegrationCase, name: user.name })
		.from(reintegrationCase)
		.innerJoin(user, eq(user.id, reintegrationCase.personUserId))
		.where(inArray(reintegrationCase.operatorOrganisationId, operators.map((row) => row.id)))
		.orderBy(desc(reintegrationCase.returnDate), asc(reintegrationCase.id));
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'return_case', ids: rows.map((row) => row.case.id), view: 'return_caseload' });
	return rows.map((row) => ({ ...row.case, personName: row.name, operatorName: operators.find((operator) => operator.id === row.case.operatorOrganisationId)!.name }));
}

/**
 * A case with its plan and the platform's file (notes, appointments, referrals) as the operator keeps
 * it; the read is written to the audit trail.
 */
export async function getReintegrationCase(ctx: RequestContext, caseId: string) {
	const { row, operator } = await caseOfMine(ctx, ctx.db, caseId);
	const [plan, file, schemes] = await Promise.all([
		ctx.db.select().from(reintegrationAction).where(eq(reintegrationAction.caseId, row.id)).orderBy(asc(reintegrationAction.dueDate), asc(reintegrationAction.createdAt)),
		openCaseFile(ctx, reintegrationFollowUp, row.personUserId),
		schemeNames(ctx.db, row.schemeId ? [row.schemeId] : [], ctx.language)
	]);
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'return_case', ids: [row.id], view: 'return_case' });
	return { case: row, operator, plan: await withResolvedLinks(ctx.db, plan, ctx.language), file, scheme: row.schemeId ? (schemes.get(row.schemeId) ?? null) : null };
}

/** The case worker records (or updates) the needs assessment; the trail says which levels, not the notes. */
export async function recordNeeds(ctx: RequestContext, caseId: string, raw: unknown) {
	caseworker(ctx);
	const needs = parseOrThrow(NeedsForm, raw);
	// inside the transaction every read goes through it (one connection)
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const [after] = await db.update(reintegrationCase).set({ needs, updatedAt: ctx.now() }).where(eq(reintegrationCase.id, row.id)).returning();
		const levels = (value: typeof row.needs) => Object.fromEntries(Object.entries(value).map(([dimension, need]) => [dimension, need?.level]));
		await recordAudit(db, audit, { action: 'return_case.needs', resourceType: 'return_case', resourceId: row.id, before: { needs: levels(row.needs) }, after: { needs: levels(after.needs) } });
		return after;
	});
}

/** An action added to the case's reintegration plan. */
export async function addPlanAction(ctx: RequestContext, caseId: string, raw: unknown) {
	caseworker(ctx);
	const input = parseOrThrow(PlanActionForm, raw);
	const links = await planActionLinks(ctx, input);
	// inside the transaction every read goes through it (one connection)
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const now = ctx.now();
		const [created] = await db
			.insert(reintegrationAction)
			.values({ caseId: row.id, dimension: input.dimension, action: input.action, owner: input.owner, dueDate: input.dueDate ?? null, links, createdAt: now, updatedAt: now })
			.returning();
		await recordAudit(db, audit, { action: 'return_plan_action.create', resourceType: 'return_plan_action', resourceId: created.id, after: { caseId: row.id, dimension: input.dimension, dueDate: created.dueDate, status: created.status, links: created.links } });
		return created;
	});
}

/** The kinds of Jobs records a plan action may lead to (shown only when the Jobs module is installed). */
export const PROGRAMME_LINK = 'jobs.programme';
export const OFFER_LINK = 'jobs.offer';

/** A plan action's links, checked: a programme from the picker, an offer from its pasted address; anything else is a field error. */
async function planActionLinks(ctx: RequestContext, input: { programme?: string; offer?: string }): Promise<string[]> {
	const links: string[] = [];
	const fields: { path: string; messageKey: string }[] = [];
	if (input.programme) {
		const link = parseLink(input.programme);
		if (link?.kind !== PROGRAMME_LINK || (await unknownLinks(ctx.db, [input.programme], ctx.language)).length) fields.push({ path: 'programme', messageKey: 'field_choice' });
		else links.push(input.programme);
	}
	if (input.offer) {
		const found = await findLink(ctx.db, OFFER_LINK, input.offer);
		if (!found) fields.push({ path: 'offer', messageKey: 'field_invalid' });
		else links.push(found);
	}
	if (fields.length) throw new AppError('invalid_input', { fields });
	return links;
}

/** Each action's links resolved (the records still there), for the plan's table. */
export async function withResolvedLinks<Action extends { links: string[] }>(db: DbOrTx, plan: readonly Action[], language: Language): Promise<(Omit<Action, 'links'> & { links: ResolvedLink[] })[]> {
	const resolved = await resolveLinks(db, [...new Set(plan.flatMap((action) => action.links))], language);
	const byValue = new Map(resolved.map((link) => [link.value, link]));
	return plan.map((action) => ({ ...action, links: action.links.flatMap((value) => (byValue.has(value) ? [byValue.get(value)!] : [])) }));
}

/** A plan action moves on (planned, in progress, done, dropped). */
export async function setPlanActionStatus(ctx: RequestContext, caseId: string, actionId: string, raw: unknown) {
	caseworker(ctx);
	const { status } = parseOrThrow(PlanActionStatusForm, raw);
	if (!UUID.test(actionId)) throw new AppError('not_found');
	// inside the transaction every read goes through it (one connection)
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const [before] = await db.select().from(reintegrationAction).where(and(eq(reintegrationAction.id, actionId), eq(reintegrationAction.caseId, row.id)));
		if (!before) throw new AppError('not_found');
		if (before.status === status) return before;
		const [after] = await db.update(reintegrationAction).set({ status, updatedAt: ctx.now() }).where(eq(reintegrationAction.id, actionId)).returning();
		await recordAudit(db, audit, { action: 'return_plan_action.status', resourceType: 'return_plan_action', resourceId: actionId, before: { status: before.status }, after: { status } });
		return after;
	});
}

/**
 * The case worker closes a case, saying why; a closed case keeps its history (and stays in the pooled
 * statistics) but its plan no longer moves. Closing a closed case is a conflict.
 */
export async function closeReintegrationCase(ctx: RequestContext, caseId: string, raw: unknown) {
	caseworker(ctx);
	const { reason } = parseOrThrow(CloseCaseForm, raw);
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		if (row.closedAt) throw new AppError('conflict', { extra: { reason: 'case_closed' } });
		const [after] = await db.update(reintegrationCase).set({ closedAt: ctx.now(), closeReason: reason, updatedAt: ctx.now() }).where(eq(reintegrationCase.id, row.id)).returning();
		await recordAudit(db, audit, { action: 'return_case.close', resourceType: 'return_case', resourceId: row.id, before: { closedAt: null }, after: { closedAt: after.closedAt!.toISOString(), closeReason: reason } });
		return after;
	});
}

/**
 * Who and where one of the actor's cases is about, without its needs or notes: the casework forms of
 * the case's page are kept by person, the referral page names the returnee and starts at their region.
 */
export async function reintegrationCaseHeader(ctx: RequestContext, caseId: string) {
	caseworker(ctx);
	const { row } = await caseOfMine(ctx, ctx.db, caseId);
	const [person] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, row.personUserId));
	return { id: row.id, personId: row.personUserId, personName: person?.name ?? '', regionCode: row.regionCode, closed: row.closedAt !== null };
}

/** The case worker's queue for my space: open cases per operator. */
export async function openCaseCount(ctx: RequestContext): Promise<number> {
	const operators = await caseworkerOperators(ctx);
	if (operators.length === 0) return 0;
	const rows = await ctx.db
		.select({ id: reintegrationCase.id, closedAt: reintegrationCase.closedAt })
		.from(reintegrationCase)
		.where(inArray(reintegrationCase.operatorOrganisationId, operators.map((row) => row.id)));
	return rows.filter((row) => row.closedAt === null).length;
}

/**
 * The case worker's "open a case" form: the returnee is found by the e-mail of their account (never by
 * a typed id); an unknown address is a field error on `email`, nothing is created.
 */
export async function openReintegrationCaseByEmail(ctx: RequestContext, raw: Record<string, unknown>) {
	caseworker(ctx);
	const email = typeof raw.email === 'string' ? raw.email.trim().toLowerCase() : '';
	const [person] = email && email.length <= 320 ? await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, email)) : [];
	// every field's problem at once, the address's first
	const parsed = ReintegrationCaseForm.safeParse({ ...raw, personUserId: person?.id ?? 'unknown' });
	const fields = parsed.success ? [] : fieldProblems(parsed.error.issues);
	if (!person) fields.unshift({ path: 'email', messageKey: 'field_choice' });
	if (fields.length > 0) throw new AppError('invalid_input', { fields });
	return openReintegrationCase(ctx, { ...raw, personUserId: person!.id });
}

/** Counts under this are not shown in pooled statistics (a returnee could be recognised). */
export const SMALL_COUNT = 5;

/**
 * The joint platform's pooled statistics, public (open data): open and closed cases
 * by region, by host country and by operator, across operators; a count under 5 is suppressed (null), and so are the
 * totals that would let it be worked out from the others. Sample cases are left out unless `samples`.
 */
export async function reintegrationStatistics(ctx: Pick<RequestContext, 'db'>, { samples = false }: { samples?: boolean } = {}) {
	// counted by the database in one scan (the whole and each grouping), never every case brought over
	const region = reintegrationCase.regionCode;
	const country = reintegrationCase.hostCountry;
	const operator = reintegrationCase.operatorOrganisationId;
	const rows = await ctx.db
		.select({
			regionCode: region,
			hostCountry: country,
			operatorId: operator,
			level: sql<number>`grouping(${region}, ${country}, ${operator})::int`,
			open: sql<number>`(count(*) filter (where ${reintegrationCase.closedAt} is null))::int`,
			closed: sql<number>`count(${reintegrationCase.closedAt})::int`
		})
		.from(reintegrationCase)
		// the fictional sample cases only when asked for
		.where(samples ? undefined : eq(reintegrationCase.isSample, false))
		.groupBy(sql`grouping sets ((), (${region}), (${country}), (${operator}))`);
	// grouping(region, country, operator): the bit of each column left out, region's the highest
	const whole = rows.find((row) => row.level === 7) ?? { open: 0, closed: 0 };
	const operatorIds = rows.filter((row) => row.level === 6).map((row) => row.operatorId!);
	const names = new Map(
		operatorIds.length ? (await ctx.db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, operatorIds))).map((row) => [row.id, row.name]) : []
	);
	const shown = (count: number) => (count < SMALL_COUNT ? null : count);
	const groups = (level: number, key: (row: (typeof rows)[number]) => string, label: (key: string) => string) =>
		rows
			.filter((row) => row.level === level)
			.map((row) => ({ key: key(row), label: label(key(row)), open: shown(row.open), closed: shown(row.closed) }))
			.sort((a, b) => a.label.localeCompare(b.label));
	return {
		total: { open: shown(whole.open), closed: shown(whole.closed) },
		byRegion: groups(3, (row) => row.regionCode!, (key) => key),
		byHostCountry: groups(5, (row) => row.hostCountry!, (key) => key),
		byOperator: groups(6, (row) => row.operatorId!, (key) => names.get(key) ?? key)
	};
}

/** How many fictional sample cases there are (the statistics page offers to count them). */
export async function sampleCaseCount(db: DbOrTx): Promise<number> {
	const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(reintegrationCase).where(eq(reintegrationCase.isSample, true));
	return row?.count ?? 0;
}

/**
 * The returnee's own cases: facts, needs levels, plan, operator. Never the case workers' notes (the
 * appointments and referrals come from the platform's casework, `loadMyCasework`).
 */
export async function myReintegrationCases(ctx: RequestContext) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const rows = await ctx.db
		.select({ case: reintegrationCase, operatorName: organisation.name })
		.from(reintegrationCase)
		.innerJoin(organisation, eq(organisation.id, reintegrationCase.operatorOrganisationId))
		.where(eq(reintegrationCase.personUserId, ctx.actor.userId))
		.orderBy(desc(reintegrationCase.returnDate));
	if (rows.length === 0) return [];
	const schemes = await schemeNames(ctx.db, rows.flatMap((row) => (row.case.schemeId ? [row.case.schemeId] : [])), ctx.language);
	const plan = await ctx.db
		.select()
		.from(reintegrationAction)
		.where(inArray(reintegrationAction.caseId, rows.map((row) => row.case.id)))
		.orderBy(asc(reintegrationAction.dueDate), asc(reintegrationAction.createdAt));
	const resolvedPlan = await withResolvedLinks(ctx.db, plan, ctx.language);
	return rows.map(({ case: row, operatorName }) => ({
		id: row.id,
		operatorName,
		returnDate: row.returnDate,
		hostCountry: row.hostCountry,
		scheme: (row.schemeId ? schemes.get(row.schemeId)?.name : null) ?? row.scheme,
		regionCode: row.regionCode,
		provinceCode: row.provinceCode,
		commune: row.commune,
		householdSize: row.householdSize,
		consentPurpose: row.consentPurpose,
		consentAt: row.consentAt,
		closedAt: row.closedAt,
		closeReason: row.closeReason,
		needLevels: Object.fromEntries(Object.entries(row.needs).map(([dimension, need]) => [dimension, need?.level])),
		plan: resolvedPlan.filter((action) => action.caseId === row.id).map(({ id, dimension, action, owner, dueDate, status, links }) => ({ id, dimension, action, owner, dueDate, status, links }))
	}));
}
