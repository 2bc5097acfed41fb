// Mobility counsellors' caseload (issue 10, item 6): the qualified candidates a counsellor follows (or, for
// the division, all of them), with each opportunity's stage, open needs and next appointment; taking an
// unassigned candidate, the division's (re)assignment; a candidate's case page. Needs, appointments, notes
// and referrals are the platform's casework through the caseload `jobs.placement`.
import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { recordAudit, recordAudits, recordPersonalDataRead, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { requireStaff } from '../../../platform/casework/casework.access.ts';
import { openCaseFile, refer } from '../../../platform/casework/casework.service.ts';
import { caseAppointment, caseNeed } from '../../../platform/casework/casework.table.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, isAppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { z } from 'zod';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { DIVISION_TEAM_ID } from './mobility.model.ts';
import { CaseloadFilter, MobilityReferralInput } from './mobility.schemas.ts';
import { isDivision, placementFollowUp, qualifiedAmong } from './mobility.caseload.ts';
import { placementCaseAssignment } from './mobility.table.ts';
import { placementOffer } from './placement.table.ts';

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);

/** The page and the API show at most this many; the export takes them all (up to EXPORT_LIMIT). */
const LIMIT = 200;
const EXPORT_LIMIT = 10_000;
const WEEK = 7 * 86_400_000;

function actorOf(ctx: RequestContext) {
	return requireStaff(ctx, 'placement.caseload.work');
}

/** The qualified-channel campaigns (individual offers abroad), for the "offer" filter. */
export async function qualifiedCampaigns(db: DbOrTx) {
	return db
		.select({ id: placementCampaign.id, title: placementCampaign.title, lang: placementCampaign.lang, hostCountry: placementCampaign.hostCountry, isSample: placementCampaign.isSample })
		.from(placementCampaign)
		.where(eq(placementCampaign.channel, 'individual'))
		.orderBy(asc(placementCampaign.title), asc(placementCampaign.id));
}

/**
 * The candidates of the caseload page: the counsellor's own (`mine`, the default), those nobody follows
 * (`unassigned`: to take), or every qualified candidate (`all`: the division only). Each with its
 * opportunities (stage, or where they left), open needs and how many are done, next appointment and
 * counsellor. The names read are written to the audit trail (`export`: the whole list, read for a file).
 */
export async function listCaseload(ctx: RequestContext, raw: unknown, { purpose = 'list' }: { purpose?: 'list' | 'export' } = {}) {
	const actor = actorOf(ctx);
	const filter = parseOrThrow(CaseloadFilter, raw);
	const division = isDivision(ctx);
	const show = filter.show ?? 'mine';
	if (show === 'all' && !division) throw new AppError('invalid_input', { fields: [{ path: 'show', messageKey: 'field_choice' }] });
	const now = ctx.now();
	const conditions: (SQL | undefined)[] = [eq(placementCampaign.channel, 'individual')];
	if (show === 'mine') conditions.push(eq(placementCaseAssignment.counsellorUserId, actor.userId));
	if (show === 'unassigned') conditions.push(isNull(placementCaseAssignment.counsellorUserId));
	if (filter.offer) conditions.push(eq(placementCandidate.campaignId, filter.offer));
	if (filter.stage) conditions.push(and(eq(placementCandidate.stage, filter.stage), isNull(placementCandidate.exitReason)));
	if (filter.need) {
		conditions.push(
			sql`exists (select 1 from ${caseNeed} where ${caseNeed.caseload} = ${placementFollowUp.key} and ${caseNeed.personUserId} = ${placementCandidate.userId} and ${caseNeed.kind} = ${filter.need} and ${caseNeed.status} <> 'done')`
		);
	}
	if (filter.appointments === 'week') {
		conditions.push(
			sql`exists (select 1 from ${caseAppointment} where ${caseAppointment.caseload} = ${placementFollowUp.key} and ${caseAppointment.personUserId} = ${placementCandidate.userId} and ${caseAppointment.status} = 'planned' and ${caseAppointment.startsAt} >= ${now.toISOString()} and ${caseAppointment.startsAt} < ${new Date(now.getTime() + WEEK).toISOString()})`
		);
	}
	const people = await ctx.db
		.selectDistinct({ id: user.id, name: user.name })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(placementCaseAssignment, eq(placementCaseAssignment.personUserId, placementCandidate.userId))
		.where(and(...conditions))
		.orderBy(asc(user.name), asc(user.id))
		.limit((purpose === 'export' ? EXPORT_LIMIT : LIMIT) + 1);
	const limit = purpose === 'export' ? EXPORT_LIMIT : LIMIT;
	const shown = people.slice(0, limit);
	const ids = shown.map((row) => row.id);
	const details = await caseloadDetails(ctx, ids, now);
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'placement_candidate_contact', ids, view: purpose === 'export' ? `mobility_caseload_${show}_export` : `mobility_caseload_${show}` });
	return {
		show,
		division,
		filter,
		more: people.length > limit,
		items: shown.map((row) => ({ id: row.id, name: row.name, ...details.get(row.id)! }))
	};
}

/** For each person: opportunities, open needs and the number done, next planned appointment, counsellor (a few queries for the whole page). */
async function caseloadDetails(ctx: RequestContext, ids: string[], now: Date) {
	const result = new Map<
		string,
		{
			opportunities: { candidateId: string; campaignId: string; title: string; lang: string; hostCountry: string; stage: string; exitReason: string | null; isSample: boolean }[];
			needs: { kind: string; status: string; dueOn: string | null }[];
			needsDone: number;
			nextAppointment: string | null;
			counsellor: { id: string; name: string } | null;
			way: string | null;
			isSample: boolean;
		}
	>();
	for (const id of ids) result.set(id, { opportunities: [], needs: [], needsDone: 0, nextAppointment: null, counsellor: null, way: null, isSample: false });
	if (ids.length === 0) return result;
	const [opportunities, needs, appointments, assignments] = await Promise.all([
		ctx.db
			.select({
				userId: placementCandidate.userId,
				candidateId: placementCandidate.id,
				campaignId: placementCampaign.id,
				title: placementCampaign.title,
				lang: placementCampaign.lang,
				hostCountry: placementCampaign.hostCountry,
				stage: placementCandidate.stage,
				exitReason: placementCandidate.exitReason,
				isSample: placementCandidate.isSample
			})
			.from(placementCandidate)
			.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
			.where(and(inArray(placementCandidate.userId, ids), eq(placementCampaign.channel, 'individual')))
			.orderBy(asc(placementCandidate.createdAt), asc(placementCandidate.id)),
		ctx.db
			.select({ userId: caseNeed.personUserId, kind: caseNeed.kind, status: caseNeed.status, dueOn: caseNeed.dueOn })
			.from(caseNeed)
			.where(and(eq(caseNeed.caseload, placementFollowUp.key), eq(caseNeed.teamId, DIVISION_TEAM_ID), inArray(caseNeed.personUserId, ids)))
			.orderBy(sql`${caseNeed.dueOn} asc nulls last`, asc(caseNeed.id)),
		ctx.db
			.select({ userId: caseAppointment.personUserId, next: sql<string>`min(${caseAppointment.startsAt})` })
			.from(caseAppointment)
			.where(
				and(
					eq(caseAppointment.caseload, placementFollowUp.key),
					inArray(caseAppointment.personUserId, ids),
					eq(caseAppointment.status, 'planned'),
					gte(caseAppointment.startsAt, now)
				)
			)
			.groupBy(caseAppointment.personUserId),
		ctx.db
			.select({ personUserId: placementCaseAssignment.personUserId, counsellorId: user.id, counsellorName: user.name, way: placementCaseAssignment.way, isSample: placementCaseAssignment.isSample })
			.from(placementCaseAssignment)
			.leftJoin(user, eq(user.id, placementCaseAssignment.counsellorUserId))
			.where(inArray(placementCaseAssignment.personUserId, ids))
	]);
	for (const row of opportunities) {
		const { userId, ...rest } = row;
		result.get(userId)!.opportunities.push(rest);
		if (row.isSample) result.get(userId)!.isSample = true;
	}
	for (const row of needs) {
		const entry = result.get(row.userId)!;
		if (row.status === 'done') entry.needsDone++;
		else entry.needs.push({ kind: row.kind, status: row.status, dueOn: row.dueOn });
	}
	for (const row of appointments) result.get(row.userId)!.nextAppointment = new Date(row.next).toISOString();
	for (const row of assignments) {
		const entry = result.get(row.personUserId)!;
		entry.counsellor = row.counsellorId ? { id: row.counsellorId, name: row.counsellorName ?? '' } : null;
		entry.way = row.counsellorId ? row.way : null;
	}
	return result;
}

/** A grant that opens the caseload: the mobility counsellor's or the division's, unlimited (the grant roles holding `placement.caseload.work`). */
const mobilityGrant = and(eq(accessGrant.module, 'jobs'), inArray(accessGrant.role, ['placement_counsellor', 'placement_division']), isNull(accessGrant.organisationId), isNull(accessGrant.scope));

/**
 * The people who can be given candidates — the division's picker when it assigns one, the offer form's when it
 * names an offer's mobility counsellor: holders of the mobility counsellor's or the division's grant, by name
 * (`only`: among these people, to check a choice).
 */
export async function mobilityCounsellors(db: DbOrTx, only?: readonly string[]) {
	if (only && !only.length) return [];
	return db
		.selectDistinct({ id: user.id, name: user.name })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(mobilityGrant, only ? inArray(user.id, [...only]) : undefined))
		.orderBy(asc(user.name), asc(user.id));
}

/** The assignment row of a person, locked for the change. */
async function assignmentOf(db: DbOrTx, personId: string) {
	const [row] = await db.select().from(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, personId)).for('update');
	return row ?? null;
}

/**
 * A counsellor takes a qualified candidate nobody follows; someone else's candidate is a conflict
 * (`already_assigned`), a person who is no qualified candidate is not found.
 */
export async function takeCandidate(ctx: RequestContext, personId: string) {
	const actor = actorOf(ctx);
	if (!(await qualifiedAmong(ctx.db, [personId])).has(personId)) throw new AppError('not_found');
	return ctx.transaction(async ({ db, audit }) => {
		const before = await assignmentOf(db, personId);
		if (before?.counsellorUserId === actor.userId) return before;
		if (before?.counsellorUserId) throw new AppError('conflict', { extra: { reason: 'already_assigned' } });
		const values = { counsellorUserId: actor.userId, way: 'taken' as const, byUserId: actor.userId, assignedAt: ctx.now(), isSample: false };
		const [after] = before
			? await db.update(placementCaseAssignment).set(values).where(eq(placementCaseAssignment.personUserId, personId)).returning()
			: await db.insert(placementCaseAssignment).values({ personUserId: personId, ...values }).returning();
		await recordAudit(db, audit, { action: 'placement_case_assignment.take', resourceType: 'placement_case_assignment', resourceId: personId, before: { counsellorId: null }, after: { counsellorId: actor.userId, way: 'taken' } });
		return after;
	});
}

export const AssignInput = z.object({ counsellorUserId: z.preprocess(blank, z.string().min(1).max(100).optional()) });

/**
 * The division assigns a qualified candidate to a mobility counsellor, reassigns them, or (no counsellor
 * chosen) leaves them unassigned; the audit trail keeps who followed them before. Not the division: forbidden.
 */
export async function assignCandidate(ctx: RequestContext, personId: string, raw: unknown) {
	actorOf(ctx);
	if (!isDivision(ctx)) throw new AppError('forbidden');
	const { counsellorUserId } = parseOrThrow(AssignInput, raw);
	if (!(await qualifiedAmong(ctx.db, [personId])).has(personId)) throw new AppError('not_found');
	if (counsellorUserId && !(await mobilityCounsellors(ctx.db)).some((row) => row.id === counsellorUserId)) {
		throw new AppError('invalid_input', { fields: [{ path: 'counsellorUserId', messageKey: 'field_choice' }] });
	}
	return ctx.transaction(async ({ db, audit }) => {
		const before = await assignmentOf(db, personId);
		const target = counsellorUserId ?? null;
		if ((before?.counsellorUserId ?? null) === target) return before;
		const values = { counsellorUserId: target, way: 'division' as const, byUserId: ctx.actor!.userId, assignedAt: ctx.now(), isSample: false };
		const [after] = before
			? await db.update(placementCaseAssignment).set(values).where(eq(placementCaseAssignment.personUserId, personId)).returning()
			: await db.insert(placementCaseAssignment).values({ personUserId: personId, ...values }).returning();
		await recordAudit(db, audit, {
			action: before?.counsellorUserId ? 'placement_case_assignment.reassign' : 'placement_case_assignment.assign',
			resourceType: 'placement_case_assignment',
			resourceId: personId,
			before: { counsellorId: before?.counsellorUserId ?? null },
			after: { counsellorId: target, way: 'division' }
		});
		return after;
	});
}

/**
 * The offer's own mobility counsellor (`placement_offer.counsellor_user_id`, the offer handled by a counsellor)
 * follows the candidates of its qualified campaign once they are shortlisted, when nobody follows them yet — a
 * candidate someone follows keeps them. Only a counsellor who may open the caseload (a mobility counsellor's or
 * the division's grant) is given candidates: anyone else would not see them. Called in the transaction that
 * shortlists them (a staff move, a partner's decision); one audit event per candidate given
 * (`placement_case_assignment.assign`, way `offer`). Answers the people assigned.
 */
export async function assignShortlistedToOfferCounsellor(db: DbOrTx, audit: AuditContext, campaignId: string, personIds: readonly string[], now: Date): Promise<string[]> {
	if (!personIds.length) return [];
	const [offer] = await db
		.select({ offerId: placementOffer.offerId, counsellorUserId: placementOffer.counsellorUserId })
		.from(placementCampaign)
		.innerJoin(placementOffer, eq(placementOffer.offerId, placementCampaign.offerId))
		.where(and(eq(placementCampaign.id, campaignId), eq(placementCampaign.channel, 'individual')));
	const counsellorId = offer?.counsellorUserId;
	if (!counsellorId) return [];
	const [grant] = await db
		.select({ userId: accessGrant.userId })
		.from(accessGrant)
		.where(and(eq(accessGrant.userId, counsellorId), mobilityGrant))
		.limit(1);
	if (!grant) return [];
	const ids = [...new Set(personIds)];
	// nobody follows them: no assignment yet, or one left without a counsellor (unassigned, or the counsellor's account gone)
	const followed = new Set(
		(
			await db
				.select({ id: placementCaseAssignment.personUserId })
				.from(placementCaseAssignment)
				.where(and(inArray(placementCaseAssignment.personUserId, ids), sql`${placementCaseAssignment.counsellorUserId} is not null`))
		).map((row) => row.id)
	);
	const given = ids.filter((id) => !followed.has(id));
	if (!given.length) return [];
	const values = { counsellorUserId: counsellorId, way: 'offer' as const, byUserId: null, assignedAt: now, isSample: false };
	await db
		.insert(placementCaseAssignment)
		.values(given.map((personUserId) => ({ personUserId, ...values })))
		.onConflictDoUpdate({ target: placementCaseAssignment.personUserId, set: values, setWhere: sql`${placementCaseAssignment.counsellorUserId} is null` });
	await recordAudits(
		db,
		audit,
		given.map((personId) => ({
			action: 'placement_case_assignment.assign',
			resourceType: 'placement_case_assignment',
			resourceId: personId,
			before: { counsellorId: null },
			after: { counsellorId, way: 'offer', offerId: offer.offerId, campaignId }
		}))
	);
	return given;
}

/**
 * A candidate's case page: the platform's file (needs, appointments, notes, referrals), their qualified
 * opportunities with the stage of each, and who follows them; another counsellor's candidate is not found.
 * Opening it is an audited read.
 */
export async function openMobilityCase(ctx: RequestContext, personId: string) {
	const file = await openCaseFile(ctx, placementFollowUp, personId);
	const now = ctx.now();
	const [details, counsellors] = await Promise.all([caseloadDetails(ctx, [personId], now), isDivision(ctx) ? mobilityCounsellors(ctx.db) : Promise.resolve(null)]);
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'placement_candidate_contact', ids: [personId], view: 'mobility_case' });
	const detail = details.get(personId)!;
	return {
		...file,
		opportunities: detail.opportunities,
		counsellor: detail.counsellor,
		way: detail.way,
		mine: detail.counsellor?.id === ctx.actor!.userId,
		counsellors
	};
}
export type MobilityCase = Awaited<ReturnType<typeof openMobilityCase>>;

/** My space: the counsellor's candidates, those with open needs, and appointments in the coming week. */
export async function caseloadCounts(ctx: RequestContext) {
	const actor = actorOf(ctx);
	const now = ctx.now();
	const mine = (
		await ctx.db.select({ id: placementCaseAssignment.personUserId }).from(placementCaseAssignment).where(eq(placementCaseAssignment.counsellorUserId, actor.userId))
	).map((row) => row.id);
	const followed = [...(await qualifiedAmong(ctx.db, mine))];
	if (followed.length === 0) return { candidates: 0, withOpenNeeds: 0, appointmentsThisWeek: 0 };
	const [[needs], [appointments]] = await Promise.all([
		ctx.db
			.select({ n: sql<number>`count(distinct ${caseNeed.personUserId})::int` })
			.from(caseNeed)
			.where(and(eq(caseNeed.caseload, placementFollowUp.key), inArray(caseNeed.personUserId, followed), or(eq(caseNeed.status, 'open'), eq(caseNeed.status, 'in_progress')))),
		ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(caseAppointment)
			.where(
				and(
					eq(caseAppointment.caseload, placementFollowUp.key),
					inArray(caseAppointment.personUserId, followed),
					eq(caseAppointment.status, 'planned'),
					gte(caseAppointment.startsAt, now),
					lt(caseAppointment.startsAt, new Date(now.getTime() + WEEK))
				)
			)
	]);
	return { candidates: followed.length, withOpenNeeds: Number(needs.n), appointmentsThisWeek: Number(appointments.n) };
}

/** The person's assignment, for their data export (who follows them, how, since when). */
export async function exportAssignment(db: DbOrTx, userId: string) {
	const [row] = await db
		.select({ counsellor: user.name, way: placementCaseAssignment.way, assignedAt: placementCaseAssignment.assignedAt })
		.from(placementCaseAssignment)
		.leftJoin(user, eq(user.id, placementCaseAssignment.counsellorUserId))
		.where(eq(placementCaseAssignment.personUserId, userId));
	return row ? { counsellor: row.counsellor, way: row.way, assignedAt: row.assignedAt.toISOString() } : null;
}

/** Deleting the account removes the person's assignment (the counsellor's own account going away only unassigns). */
export async function eraseAssignment(tx: DbOrTx, userId: string) {
	return (await tx.delete(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, userId)).returning({ id: placementCaseAssignment.personUserId })).length;
}

/**
 * Through the API, the candidate referred to a support programme with their agreement: the casework's referral
 * (the file page's form), so the same checks, e-mails and audit; a programme that is not an active entry of the
 * directory is a field error on `programmeId` (the name the API gives it).
 */
export async function referCandidate(ctx: RequestContext, personId: string, raw: unknown) {
	const input = parseOrThrow(MobilityReferralInput, raw);
	try {
		return await refer(ctx, placementFollowUp, personId, { entryId: input.programmeId, kind: input.kind, message: input.message, agreed: input.agreed });
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'invalid_input' && failure.fields.some((field) => field.path === 'entryId')) {
			throw new AppError('invalid_input', { fields: failure.fields.map((field) => (field.path === 'entryId' ? { ...field, path: 'programmeId' } : field)) });
		}
		throw failure;
	}
}
