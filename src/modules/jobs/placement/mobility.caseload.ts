// The international placement's caseload (issue 10, item 6; ADR 0010): qualified candidates — people in
// the campaign of an individual offer abroad — followed by the division's mobility counsellors. The file's
// team is the division (one team: a reassigned candidate's file follows them to the new counsellor); who
// may open it is the assignment: the counsellor it names, and the division (who may manage campaigns) for all.
import { and, eq, inArray } from 'drizzle-orm';
import type { Caseload } from '../../../platform/casework/caseload.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { can, mayReach } from '../../../platform/policy/policy.ts';
import { supportProgrammes } from '../programmes.ts';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { DIVISION_TEAM_ID, mobilityNeedKinds } from './mobility.model.ts';
import { placementCaseAssignment } from './mobility.table.ts';

/** The division's name as the team of every file (a proper name: the same in every language). */
export const DIVISION_TEAM_NAME = 'ANAPEC';

/** The division sees and reassigns every qualified candidate (its grant, or an administrator). */
export const isDivision = (ctx: RequestContext) => can(ctx.actor, 'placement.campaign.manage');

/** Of these people, those in an individual offer's campaign (qualified candidates). */
export async function qualifiedAmong(db: DbOrTx, personIds: readonly string[]): Promise<Set<string>> {
	const ids = personIds.filter((id) => id && id.length <= 100);
	if (ids.length === 0) return new Set();
	const rows = await db
		.selectDistinct({ userId: placementCandidate.userId })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.where(and(inArray(placementCandidate.userId, ids), eq(placementCampaign.channel, 'individual')));
	return new Set(rows.map((row) => row.userId));
}

/** Of these people, those the actor follows: every qualified candidate for the division, those assigned to them for a counsellor. */
async function followedByActor(ctx: RequestContext, personIds: readonly string[]): Promise<Set<string>> {
	if (!ctx.actor || !mayReach(ctx.actor, 'placement.caseload.work')) return new Set();
	const qualified = await qualifiedAmong(ctx.db, personIds);
	if (qualified.size === 0 || isDivision(ctx)) return qualified;
	const assigned = await ctx.db
		.select({ personUserId: placementCaseAssignment.personUserId })
		.from(placementCaseAssignment)
		.where(and(inArray(placementCaseAssignment.personUserId, [...qualified]), eq(placementCaseAssignment.counsellorUserId, ctx.actor.userId)));
	return new Set(assigned.map((row) => row.personUserId));
}

export const placementFollowUp: Caseload = {
	key: 'jobs.placement',
	async followed(ctx, personId) {
		if (!(await followedByActor(ctx, [personId])).has(personId)) throw new AppError('not_found');
		return { teamId: DIVISION_TEAM_ID, teamName: DIVISION_TEAM_NAME };
	},
	async followedAmong(ctx, personIds) {
		return new Map([...(await followedByActor(ctx, personIds))].map((id) => [id, DIVISION_TEAM_ID]));
	},
	async staffTeams(ctx) {
		if (!ctx.actor) throw new AppError('unauthenticated');
		if (!mayReach(ctx.actor, 'placement.caseload.work')) throw new AppError('forbidden');
		return [{ id: DIVISION_TEAM_ID, name: DIVISION_TEAM_NAME }];
	},
	async teamNames(_db, ids) {
		return new Map(ids.filter((id) => id === DIVISION_TEAM_ID).map((id) => [id, DIVISION_TEAM_NAME]));
	},
	actions: {
		writeNotes: 'placement.caseload.work',
		planAppointments: 'placement.caseload.work',
		refer: 'placement.caseload.work',
		answerReferrals: 'counsellors.referral.respond',
		seeOwn: 'placement.pipeline.own'
	},
	directory: supportProgrammes,
	audit: {
		note: 'placement_case_note',
		appointment: 'placement_appointment',
		referral: 'placement_referral',
		contact: 'placement_candidate_contact',
		teamReferralsView: 'mobility_referrals',
		entryReferralsView: 'programme_referrals'
	},
	emails: 'mobility',
	paths: { person: '/jobs/placement/mine', entryReferrals: '/jobs/programmes/referrals' },
	needs: { kinds: mobilityNeedKinds, messages: 'mobility', audit: 'placement_case_need' }
};
