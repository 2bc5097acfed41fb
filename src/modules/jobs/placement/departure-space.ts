// What waits for placement staff in their my space (issue 10, items 7–8): the orientation sessions of the
// coming week, the seasonal returns to record and the long-term follow-ups due — counts only (no name is
// read, so not an audited read), scoped as the pages are: the division all, agency staff their agencies'.
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { placementCampaign, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { FOLLOW_UP_LEAD_DAYS } from './departure.model.ts';
import { placementOrientationSession as session, placementReturn } from './departure.table.ts';
import { myAgencyIds, requirePlacementStaff } from './agency-staff.ts';

export interface DepartureCounts {
	/** open sessions starting within the next 7 days */
	sessionsThisWeek: number;
	/** seasonal workers arrived, still in, whose season has ended, without a return recorded */
	returnsToRecord: number;
	/** the campaign to link to when all those returns are in one campaign (else the campaigns' list) */
	returnsCampaignId: string | null;
	/** 3- and 12-month follow-ups late or due within the list's lead days (as the follow-ups page lists them) */
	followUpsDue: number;
}

const WEEK_MS = 7 * 24 * 3600_000;

/** The counts of a staff member's placement my-space entries (`placement.campaign.work`). */
export async function departureCounts(ctx: RequestContext): Promise<DepartureCounts> {
	requirePlacementStaff(ctx);
	const division = ctx.can('placement.campaign.manage');
	const mine = division ? null : await myAgencyIds(ctx);
	if (mine && !mine.length) return { sessionsThisWeek: 0, returnsToRecord: 0, returnsCampaignId: null, followUpsDue: 0 };
	const now = ctx.now();
	const today = platformDay(now);
	const candidateScope = mine ? inArray(placementCandidate.agencyId, mine) : undefined;
	const [[sessions], returns, followUps] = await Promise.all([
		ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(session)
			.where(and(eq(session.status, 'open'), gte(session.startsAt, now), lt(session.startsAt, new Date(now.getTime() + WEEK_MS)), mine ? inArray(session.agencyId, mine) : undefined)),
		ctx.db
			.select({ campaignId: placementCandidate.campaignId, n: sql<number>`count(*)::int` })
			.from(placementCandidate)
			.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
			.leftJoin(placementReturn, eq(placementReturn.candidateId, placementCandidate.id))
			.where(
				and(
					eq(placementCampaign.channel, 'seasonal'),
					lt(placementCampaign.seasonEndsOn, today),
					eq(placementCandidate.stage, 'arrived'),
					isNull(placementCandidate.exitReason),
					isNull(placementReturn.id),
					candidateScope
				)
			)
			.groupBy(placementCandidate.campaignId),
		ctx.db.execute(sql`
			select count(*)::int as n from (
				select ((select max(m.event_on) from ${placementCandidateMove} m where m.candidate_id = ${placementCandidate.id} and m.to_stage = 'arrived' and not exists (select 1 from ${placementCandidateMove} k where k.corrects_move_id = m.id))
					+ case when ${placementCandidate.stage} = 'arrived' then interval '3 months' else interval '12 months' end)::date as due
				from ${placementCandidate}
				join ${placementCampaign} on ${placementCampaign.id} = ${placementCandidate.campaignId}
				where ${placementCampaign.channel} <> 'seasonal' and ${placementCandidate.exitReason} is null
					and ${placementCandidate.stage} in ('arrived', 'follow_up_3')
					${mine ? sql`and ${inArray(placementCandidate.agencyId, mine)}` : sql``}
			) f
			where f.due is not null and f.due <= (${today}::date + ${FOLLOW_UP_LEAD_DAYS}::int)`) as unknown as Promise<{ rows: { n: number }[] }>
	]);
	return {
		sessionsThisWeek: sessions.n,
		returnsToRecord: returns.reduce((sum, row) => sum + row.n, 0),
		returnsCampaignId: returns.length === 1 ? returns[0].campaignId : null,
		followUpsDue: Number(followUps.rows[0]?.n ?? 0)
	};
}
