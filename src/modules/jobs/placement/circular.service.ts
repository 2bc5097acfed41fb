// Circular migration and return (issue 10, item 8): seasonal workers' returns per season (on time, early
// with a reason, did not return), the re-hire decision, invitations to a campaign of the next season that
// the worker accepts or declines from their page (accepting puts them in its pipeline), and, for
// long-term departures, the follow-ups 3 and 12 months after arrival.
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { campaignAccess, type CampaignAccess } from './campaigns.service.ts';
import { announceStage } from './pipeline.service.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { addMonths, FOLLOW_UP_LEAD_DAYS, seasonOf, type FollowUpMonths } from './departure.model.ts';
import { EligibilityInput, FollowUpInput, ReturnInput } from './departure.schemas.ts';
import { placementFollowUp, placementInvitation, placementOrientationRegistration, placementReturn } from './departure.table.ts';
import { myAgencyIds, requirePlacementStaff } from './agency-staff.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function seasonalAccess(access: CampaignAccess) {
	if (access.campaign.channel !== 'seasonal') throw new AppError('not_found');
	return access;
}
const inScope = (access: CampaignAccess) => (access.agencyIds ? inArray(placementCandidate.agencyId, access.agencyIds) : undefined);

/** The season's workers who arrived (or came back), each with their return and the re-hire decision (an audited staff read). */
export async function seasonReturns(ctx: RequestContext, campaignId: string) {
	const access = seasonalAccess(await campaignAccess(ctx, campaignId));
	const rows = await ctx.db
		.select({
			candidateId: placementCandidate.id,
			name: user.name,
			email: user.email,
			agencyName: agency.name,
			stage: placementCandidate.stage,
			stageOn: placementCandidate.stageOn,
			outcome: placementReturn.outcome,
			returnedOn: placementReturn.returnedOn,
			earlyReason: placementReturn.earlyReason,
			note: placementReturn.note,
			eligible: placementReturn.eligible
		})
		.from(placementCandidate)
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.leftJoin(placementReturn, eq(placementReturn.candidateId, placementCandidate.id))
		.where(and(eq(placementCandidate.campaignId, campaignId), inArray(placementCandidate.stage, ['arrived', 'returned']), inScope(access)))
		.orderBy(sql`${placementReturn.id} is not null`, asc(user.name), asc(placementCandidate.id))
		.limit(1000);
	await recordAudit(ctx.db, ctx.audit, { action: 'placement_candidate.returns_read', resourceType: 'placement_campaign', resourceId: campaignId, after: { count: rows.length } });
	return { access, rows };
}

/** A candidate of the campaign within the staff member's reach, locked for the change. */
async function candidateInReach(db: DbOrTx, access: CampaignAccess, candidateId: string) {
	const [row] = await db
		.select()
		.from(placementCandidate)
		.where(and(eq(placementCandidate.id, candidateId), eq(placementCandidate.campaignId, access.campaign.id), inScope(access)))
		.for('update');
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * Records a seasonal worker's return: on time or early (with its reason) moves them from "arrived" to
 * "returned" on the day they came back; "did not return" keeps the stage and closes re-hire. Once per
 * worker and season; audited with the move's history row.
 */
export async function recordReturn(ctx: RequestContext, campaignId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(ReturnInput, raw);
	const problems = [];
	if (input.outcome !== 'did_not_return' && !input.returnedOn) problems.push({ path: 'returnedOn', messageKey: 'field_required' });
	if (input.outcome === 'early' && !input.earlyReason) problems.push({ path: 'earlyReason', messageKey: 'field_required' });
	if (input.returnedOn && input.returnedOn > platformDay(ctx.now())) problems.push({ path: 'returnedOn', messageKey: 'field_date_past' });
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	const done = await ctx.transaction(async (tx) => {
		const access = seasonalAccess(await campaignAccess(tx, campaignId));
		const candidate = await candidateInReach(tx.db, access, input.candidateId);
		const [already] = await tx.db.select({ id: placementReturn.id }).from(placementReturn).where(eq(placementReturn.candidateId, candidate.id));
		if (already) throw new AppError('invalid_input', { fields: [{ path: 'candidateId', messageKey: 'field_return_recorded' }] });
		if (candidate.exitReason !== null || candidate.stage !== 'arrived') throw new AppError('invalid_input', { fields: [{ path: 'candidateId', messageKey: 'field_return_not_arrived' }] });
		const now = tx.now();
		const season = seasonOf(access.campaign.seasonStartsOn, access.campaign.createdAt);
		const didNotReturn = input.outcome === 'did_not_return';
		const [saved] = await tx.db
			.insert(placementReturn)
			.values({
				candidateId: candidate.id,
				userId: candidate.userId,
				campaignId,
				season,
				outcome: input.outcome,
				returnedOn: didNotReturn ? null : input.returnedOn,
				earlyReason: input.outcome === 'early' ? input.earlyReason : null,
				note: input.note,
				eligible: didNotReturn ? false : null,
				eligibilityBy: didNotReturn ? actor.userId : null,
				eligibilityAt: didNotReturn ? now : null,
				recordedBy: actor.userId,
				recordedAt: now
			})
			.returning();
		const batchId = crypto.randomUUID();
		if (!didNotReturn) {
			// announced: the person is e-mailed the stage after the commit
			await tx.db.insert(placementCandidateMove).values({ candidateId: candidate.id, fromStage: 'arrived', toStage: 'returned', eventOn: input.returnedOn, announced: true, batchId, byUserId: actor.userId, at: now });
			await tx.db.update(placementCandidate).set({ stage: 'returned', stageOn: input.returnedOn, stageChangedAt: now, eligibleNextSeason: null }).where(eq(placementCandidate.id, candidate.id));
		} else {
			await tx.db.update(placementCandidate).set({ eligibleNextSeason: false }).where(eq(placementCandidate.id, candidate.id));
		}
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_return.record',
			resourceType: 'placement_campaign',
			resourceId: campaignId,
			after: { returnId: saved.id, candidateId: candidate.id, season, outcome: input.outcome, returnedOn: saved.returnedOn, earlyReason: saved.earlyReason, batchId: didNotReturn ? null : batchId }
		});
		return { saved, campaign: access.campaign.title };
	});
	// back home: the person is told of the stage, in their language
	if (done.saved.outcome !== 'did_not_return') await announceStage(ctx, [done.saved.userId], done.campaign, 'returned');
	return done.saved;
}

/** Staff decide whether a returned worker may be re-hired next season (changeable; audited before/after). */
export async function decideEligibility(ctx: RequestContext, campaignId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(EligibilityInput, raw);
	return ctx.transaction(async (tx) => {
		const access = seasonalAccess(await campaignAccess(tx, campaignId));
		const candidate = await candidateInReach(tx.db, access, input.candidateId);
		const [found] = await tx.db.select().from(placementReturn).where(eq(placementReturn.candidateId, candidate.id));
		if (!found || found.outcome === 'did_not_return') throw new AppError('invalid_input', { fields: [{ path: 'candidateId', messageKey: 'field_return_missing' }] });
		const now = tx.now();
		await tx.db.update(placementReturn).set({ eligible: input.eligible, eligibilityBy: actor.userId, eligibilityAt: now }).where(eq(placementReturn.id, found.id));
		await tx.db.update(placementCandidate).set({ eligibleNextSeason: input.eligible }).where(eq(placementCandidate.id, candidate.id));
		await recordAudit(tx.db, tx.audit, { action: 'placement_return.eligibility', resourceType: 'placement_campaign', resourceId: campaignId, before: { eligible: found.eligible }, after: { eligible: input.eligible, candidateId: candidate.id } });
		return { eligible: input.eligible };
	});
}

const previousCampaign = alias(placementCampaign, 'previous_campaign');

/**
 * Workers a seasonal campaign may invite: back from an earlier season of a seasonal campaign in the same
 * host country, judged eligible, neither in this campaign nor invited to it yet (agency staff: their
 * agencies' people). The most recent season of each person only.
 */
export async function eligibleReturnees(ctx: RequestContext, campaignId: string) {
	const access = seasonalAccess(await campaignAccess(ctx, campaignId));
	const season = seasonOf(access.campaign.seasonStartsOn, access.campaign.createdAt);
	const rows = await ctx.db
		.selectDistinctOn([placementReturn.userId], {
			candidateId: placementReturn.candidateId,
			userId: placementReturn.userId,
			name: user.name,
			season: placementReturn.season,
			campaignTitle: previousCampaign.title,
			campaignLang: previousCampaign.lang,
			agencyId: placementCandidate.agencyId,
			agencyName: agency.name
		})
		.from(placementReturn)
		.innerJoin(placementCandidate, eq(placementCandidate.id, placementReturn.candidateId))
		.innerJoin(previousCampaign, eq(previousCampaign.id, placementReturn.campaignId))
		.innerJoin(user, eq(user.id, placementReturn.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.where(
			and(
				eq(placementReturn.eligible, true),
				lt(placementReturn.season, season),
				eq(previousCampaign.hostCountry, access.campaign.hostCountry),
				eq(previousCampaign.channel, 'seasonal'),
				ne(placementReturn.campaignId, campaignId),
				inScope(access),
				sql`not exists (select 1 from ${placementCandidate} c2 where c2.campaign_id = ${campaignId} and c2.user_id = ${placementReturn.userId})`,
				sql`not exists (select 1 from ${placementInvitation} i where i.campaign_id = ${campaignId} and i.user_id = ${placementReturn.userId})`
			)
		)
		.orderBy(placementReturn.userId, desc(placementReturn.season))
		.limit(2000);
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The campaign's invitations and their answers. */
export async function campaignInvitations(ctx: RequestContext, access: CampaignAccess) {
	return ctx.db
		.select({ id: placementInvitation.id, name: user.name, status: placementInvitation.status, invitedAt: placementInvitation.invitedAt, answeredAt: placementInvitation.answeredAt, agencyName: agency.name })
		.from(placementInvitation)
		.innerJoin(user, eq(user.id, placementInvitation.userId))
		.leftJoin(agency, eq(agency.id, placementInvitation.agencyId))
		.where(and(eq(placementInvitation.campaignId, access.campaign.id), access.agencyIds ? inArray(placementInvitation.agencyId, access.agencyIds) : undefined))
		.orderBy(desc(placementInvitation.invitedAt), asc(user.name))
		.limit(2000);
}

/**
 * Invites eligible returnees (by their last season's pipeline entry) to this open seasonal campaign; each
 * gets, after the commit, an e-mail in their language with a link to their page, where they accept or decline.
 */
export async function inviteReturnees(ctx: RequestContext, campaignId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const ids = [...new Set((Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && UUID.test(value)))];
	if (!ids.length) throw new AppError('invalid_input', { fields: [{ path: 'candidateIds', messageKey: 'field_required' }] });
	const eligible = await eligibleReturnees(ctx, campaignId);
	const chosen = eligible.filter((row) => ids.includes(row.candidateId));
	if (chosen.length !== ids.length) throw new AppError('invalid_input', { fields: [{ path: 'candidateIds', messageKey: 'field_choice' }] });
	const campaign = await ctx.transaction(async (tx) => {
		const access = seasonalAccess(await campaignAccess(tx, campaignId));
		if (access.campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		const now = tx.now();
		await tx.db
			.insert(placementInvitation)
			.values(chosen.map((row) => ({ campaignId, userId: row.userId, fromCandidateId: row.candidateId, agencyId: row.agencyId, invitedBy: actor.userId, invitedAt: now })))
			.onConflictDoNothing();
		await recordAudit(tx.db, tx.audit, { action: 'placement_invitation.create', resourceType: 'placement_campaign', resourceId: campaignId, after: { fromCandidateIds: ids, count: ids.length } });
		return access.campaign;
	});
	const people = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(inArray(user.id, chosen.map((row) => row.userId)));
	let sent = 0;
	for (const person of people) {
		const country = (lang: string) => new Intl.DisplayNames([lang], { type: 'region' }).of(campaign.hostCountry) ?? campaign.hostCountry;
		if (await mailRecipient(ctx, person, 'departure.email_invitation', (lang) => ({ campaign: campaign.title, country: country(lang), region: campaign.hostRegion }), '/jobs/placement/mine')) sent++;
	}
	return { invited: chosen.length, sent };
}

/** The person's invitations (open first). */
export async function myInvitations(ctx: RequestContext) {
	const actor = ctx.require('placement.pipeline.own');
	const rows = await ctx.db
		.select({ id: placementInvitation.id, status: placementInvitation.status, invitedAt: placementInvitation.invitedAt, campaign: placementCampaign })
		.from(placementInvitation)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementInvitation.campaignId))
		.where(eq(placementInvitation.userId, actor.userId))
		.orderBy(sql`${placementInvitation.status} <> 'invited'`, desc(placementInvitation.invitedAt));
	return rows.map((row) => ({
		id: row.id,
		status: row.status,
		invitedAt: row.invitedAt.toISOString(),
		open: row.campaign.status === 'open',
		campaign: { id: row.campaign.id, title: row.campaign.title, lang: row.campaign.lang, hostCountry: row.campaign.hostCountry, hostRegion: row.campaign.hostRegion, seasonStartsOn: row.campaign.seasonStartsOn, seasonEndsOn: row.campaign.seasonEndsOn }
	}));
}

/**
 * The returnee answers an invitation. Accepting puts them in the campaign's pipeline through the agency
 * that sourced them last season: preselected straight away (they were vetted and came back) while the
 * agency's share has room — the division's own people too —, else registered for the agency to preselect.
 */
export async function answerInvitation(ctx: RequestContext, invitationId: string, accept: boolean) {
	const actor = ctx.require('placement.pipeline.own');
	if (!UUID.test(invitationId)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const [found] = await tx.db.select().from(placementInvitation).where(and(eq(placementInvitation.id, invitationId), eq(placementInvitation.userId, actor.userId))).for('update');
		if (!found) throw new AppError('not_found');
		if (found.status !== 'invited') throw new AppError('conflict', { extra: { reason: 'invitation_answered' } });
		const [campaign] = await tx.db.select().from(placementCampaign).where(eq(placementCampaign.id, found.campaignId));
		if (!campaign || campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		const now = tx.now();
		await tx.db.update(placementInvitation).set({ status: accept ? 'accepted' : 'declined', answeredAt: now }).where(eq(placementInvitation.id, found.id));
		let candidateId: string | null = null;
		let stage: 'registered' | 'preselected' | null = null;
		if (accept) {
			// the agency keeps them when it has a share in this campaign; else the division's
			const [quota] = found.agencyId ? await tx.db.select().from(placementCampaignQuota).where(and(eq(placementCampaignQuota.campaignId, campaign.id), eq(placementCampaignQuota.agencyId, found.agencyId))) : [];
			const agencyId = quota ? quota.agencyId : null;
			let room = true;
			if (quota) {
				const [{ used }] = await tx.db
					.select({ used: sql<number>`count(*)::int` })
					.from(placementCandidate)
					.where(and(eq(placementCandidate.campaignId, campaign.id), eq(placementCandidate.agencyId, quota.agencyId), isNull(placementCandidate.exitReason), ne(placementCandidate.stage, 'registered')));
				room = used < quota.positions;
			}
			stage = room ? 'preselected' : 'registered';
			const [added] = await tx.db
				.insert(placementCandidate)
				.values({ campaignId: campaign.id, userId: actor.userId, agencyId, stage, stageOn: platformDay(now), stageChangedAt: now, addedBy: actor.userId, createdAt: now })
				.onConflictDoNothing()
				.returning({ id: placementCandidate.id });
			if (added) {
				candidateId = added.id;
				const batchId = crypto.randomUUID();
				await tx.db.insert(placementCandidateMove).values([
					{ candidateId: added.id, fromStage: null, toStage: 'registered', batchId, byUserId: actor.userId, at: now },
					...(stage === 'preselected' ? [{ candidateId: added.id, fromStage: 'registered', toStage: 'preselected', eventOn: platformDay(now), batchId, byUserId: actor.userId, at: new Date(now.getTime() + 1) }] : [])
				]);
			}
		}
		await recordAudit(tx.db, tx.audit, { action: `placement_invitation.${accept ? 'accept' : 'decline'}`, resourceType: 'placement_campaign', resourceId: campaign.id, after: { invitationId: found.id, candidateId, stage } });
		return { accepted: accept, stage, campaignId: campaign.id };
	});
}

// ---------- follow-ups of long-term departures ----------

/** The arrival day of a pipeline entry (its move to "arrived"). */
const arrivedOn = sql<string>`(select max(m.event_on) from ${placementCandidateMove} m where m.candidate_id = ${placementCandidate.id} and m.to_stage = 'arrived' and not exists (select 1 from ${placementCandidateMove} k where k.corrects_move_id = m.id))`;

/**
 * Follow-ups due (or due within 14 days) for long-term departures: people arrived and not yet followed up
 * at 3 months, or followed at 3 and not at 12; with the due day (arrival + 3 or 12 months) and whether it
 * is late. The division sees all; agency staff their agencies' people. An audited read.
 */
export async function dueFollowUps(ctx: RequestContext) {
	requirePlacementStaff(ctx);
	const division = ctx.can('placement.campaign.manage');
	const mine = division ? [] : await myAgencyIds(ctx);
	const today = platformDay(ctx.now());
	const due = sql<string>`((${arrivedOn}) + case when ${placementCandidate.stage} = 'arrived' then interval '3 months' else interval '12 months' end)::date`;
	const result = (await ctx.db.execute(sql`
		select * from (
			select ${placementCandidate.id} as "candidateId", ${user.name} as name, ${user.email} as email, ${placementCampaign.title} as "campaignTitle", ${placementCampaign.lang} as "campaignLang",
				${placementCampaign.id} as "campaignId", ${placementCampaign.hostCountry} as "hostCountry", ${agency.name} as "agencyName", ${placementCandidate.stage} as stage,
				(${arrivedOn})::text as "arrivedOn", (${due})::text as "dueOn"
			from ${placementCandidate}
			join ${placementCampaign} on ${placementCampaign.id} = ${placementCandidate.campaignId}
			join ${user} on ${user.id} = ${placementCandidate.userId}
			left join ${agency} on ${agency.id} = ${placementCandidate.agencyId}
			where ${placementCampaign.channel} <> 'seasonal' and ${placementCandidate.exitReason} is null
				and ${placementCandidate.stage} in ('arrived', 'follow_up_3')
				${division ? sql`` : mine.length ? sql`and ${inArray(placementCandidate.agencyId, mine)}` : sql`and false`}
		) f
		where f."dueOn" is not null and f."dueOn"::date <= (${today}::date + ${FOLLOW_UP_LEAD_DAYS}::int)
		order by f."dueOn", f.name
		limit 1000`)) as unknown as { rows: { candidateId: string; name: string; email: string; campaignTitle: string; campaignLang: string; campaignId: string; hostCountry: string; agencyName: string | null; stage: 'arrived' | 'follow_up_3'; arrivedOn: string; dueOn: string }[] };
	await recordAudit(ctx.db, ctx.audit, { action: 'placement_follow_up.list', resourceType: 'placement_follow_up', resourceId: 'due', after: { count: result.rows.length } });
	return result.rows.map((row) => ({ ...row, months: (row.stage === 'arrived' ? 3 : 12) as FollowUpMonths, late: row.dueOn < today }));
}
export type DueFollowUp = Awaited<ReturnType<typeof dueFollowUps>>[number];

/** Records a follow-up (3 or 12 months) with what it found, and moves the person to that stage; audited. */
export async function recordFollowUp(ctx: RequestContext, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(FollowUpInput, raw);
	if (input.doneOn > platformDay(ctx.now())) throw new AppError('invalid_input', { fields: [{ path: 'doneOn', messageKey: 'field_date_past' }] });
	const [entry] = await ctx.db.select({ campaignId: placementCandidate.campaignId }).from(placementCandidate).where(eq(placementCandidate.id, input.candidateId));
	if (!entry) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const access = await campaignAccess(tx, entry.campaignId);
		if (access.campaign.channel === 'seasonal') throw new AppError('not_found');
		const candidate = await candidateInReach(tx.db, access, input.candidateId);
		const expected = input.months === 3 ? 'arrived' : 'follow_up_3';
		if (candidate.exitReason !== null || candidate.stage !== expected) throw new AppError('invalid_input', { fields: [{ path: 'months', messageKey: 'field_follow_up_not_due' }] });
		const [{ arrived }] = await tx.db.select({ arrived: sql<string | null>`(select max(m.event_on)::text from ${placementCandidateMove} m where m.candidate_id = ${candidate.id} and m.to_stage = 'arrived' and not exists (select 1 from ${placementCandidateMove} k where k.corrects_move_id = m.id))` }).from(sql`(select 1) one`);
		const dueOn = addMonths(arrived ?? input.doneOn, input.months);
		const now = tx.now();
		const [saved] = await tx.db
			.insert(placementFollowUp)
			.values({ candidateId: candidate.id, userId: candidate.userId, months: input.months, dueOn, doneOn: input.doneOn, outcome: input.outcome, note: input.note, recordedBy: actor.userId, recordedAt: now })
			.returning();
		const to = input.months === 3 ? 'follow_up_3' : 'follow_up_12';
		await tx.db.insert(placementCandidateMove).values({ candidateId: candidate.id, fromStage: expected, toStage: to, eventOn: input.doneOn, batchId: crypto.randomUUID(), byUserId: actor.userId, at: now });
		await tx.db.update(placementCandidate).set({ stage: to, stageOn: input.doneOn, stageChangedAt: now }).where(eq(placementCandidate.id, candidate.id));
		await recordAudit(tx.db, tx.audit, { action: 'placement_follow_up.record', resourceType: 'placement_campaign', resourceId: entry.campaignId, after: { followUpId: saved.id, candidateId: candidate.id, months: input.months, dueOn, doneOn: input.doneOn, outcome: input.outcome } });
		return saved;
	});
}

// ---------- personal data ----------

/** The person's returns, invitations and follow-ups (`/api/v1/me/export`). */
export async function exportCircular(db: DbOrTx, userId: string) {
	const returns = await db.select({ season: placementReturn.season, campaignId: placementReturn.campaignId, outcome: placementReturn.outcome, returnedOn: placementReturn.returnedOn, earlyReason: placementReturn.earlyReason, note: placementReturn.note, eligible: placementReturn.eligible }).from(placementReturn).where(eq(placementReturn.userId, userId));
	const invitations = await db.select({ campaignId: placementInvitation.campaignId, status: placementInvitation.status, invitedAt: placementInvitation.invitedAt, answeredAt: placementInvitation.answeredAt }).from(placementInvitation).where(eq(placementInvitation.userId, userId));
	const followUps = await db.select({ months: placementFollowUp.months, dueOn: placementFollowUp.dueOn, doneOn: placementFollowUp.doneOn, outcome: placementFollowUp.outcome, note: placementFollowUp.note }).from(placementFollowUp).where(eq(placementFollowUp.userId, userId));
	return { placementReturns: returns, placementInvitations: invitations, placementFollowUps: followUps };
}

/** Deleting the account removes them (and the orientation registrations). */
export async function eraseCircular(tx: DbOrTx, userId: string) {
	const registrations = await tx.delete(placementOrientationRegistration).where(eq(placementOrientationRegistration.userId, userId)).returning({ id: placementOrientationRegistration.id });
	const returns = await tx.delete(placementReturn).where(eq(placementReturn.userId, userId)).returning({ id: placementReturn.id });
	const invitations = await tx.delete(placementInvitation).where(eq(placementInvitation.userId, userId)).returning({ id: placementInvitation.id });
	const followUps = await tx.delete(placementFollowUp).where(eq(placementFollowUp.userId, userId)).returning({ id: placementFollowUp.id });
	return { registrations: registrations.length, returns: returns.length, invitations: invitations.length, followUps: followUps.length };
}
