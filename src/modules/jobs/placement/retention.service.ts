// Retention of the candidate pipeline (issue 10; the module checklist's retention rule): the scheduled job
// deletes the pipeline entries of campaigns closed more than PIPELINE_RETENTION_MONTHS ago. Deleted rather
// than anonymised: an entry kept without its person would still be a trajectory (campaign, agency, dates of
// every move, sex) that identifies people in small campaigns; what outlives the people — the public
// statistics — is first written as aggregate counts (`placement_statistics_archive`), so the figures stay.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { recordAudit, systemContext, type AuditContext } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { PIPELINE_RETENTION_MONTHS } from './campaigns.model.ts';
import { placementCampaign, placementCandidate, placementStatisticsArchive } from './campaigns.table.ts';
import { placementInvitation } from './departure.table.ts';
import { peopleFacts } from './statistics.service.ts';

/**
 * Deletes the pipeline entries (and, by their keys, history, returns, follow-ups, partners' decisions and
 * orientation registrations) and the next-season invitations of every campaign closed more than
 * PIPELINE_RETENTION_MONTHS ago, after archiving their statistics; the campaigns themselves stay, marked.
 * One transaction and one audit event per run that deleted something (a run finding nothing changes
 * nothing). Answers what it did.
 */
export async function deleteClosedPipelines(db: DbOrTx, now: Date, audit: AuditContext = systemContext()) {
	const closedBefore = sql`${now.toISOString()}::timestamptz - make_interval(months => ${PIPELINE_RETENTION_MONTHS})`;
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: placementCampaign.id })
			.from(placementCampaign)
			.where(
				and(
					eq(placementCampaign.status, 'closed'),
					// closed before the column existed: its last change is when it closed
					sql`coalesce(${placementCampaign.closedAt}, ${placementCampaign.updatedAt}) < ${closedBefore}`,
					or(
						sql`exists (select 1 from ${placementCandidate} where ${placementCandidate.campaignId} = ${placementCampaign.id})`,
						sql`exists (select 1 from ${placementInvitation} where ${placementInvitation.campaignId} = ${placementCampaign.id})`
					)
				)
			)
			.orderBy(placementCampaign.id)
			// nobody reopens one meanwhile
			.for('update');
		const ids = due.map((row) => row.id);
		if (!ids.length) return { campaigns: 0, candidates: 0, invitations: 0 };
		const idList = `{${ids.join(',')}}`;
		await tx.execute(sql`
			insert into ${placementStatisticsArchive} (kind, country, sector, channel, agency, region, sex, year, is_sample, people, archived_at)
			${peopleFacts(sql`f.campaign_id = any(${idList}::uuid[])`)}
			select kind, country, sector, channel, agency, region, sex, year, is_sample, count(distinct candidate_id)::int, ${now.toISOString()}::timestamptz
			from facts
			group by kind, country, sector, channel, agency, region, sex, year, is_sample`);
		const candidates = await tx.delete(placementCandidate).where(inArray(placementCandidate.campaignId, ids)).returning({ id: placementCandidate.id });
		const invitations = await tx.delete(placementInvitation).where(inArray(placementInvitation.campaignId, ids)).returning({ id: placementInvitation.id });
		await tx.update(placementCampaign).set({ pipelineDeletedAt: now }).where(inArray(placementCampaign.id, ids));
		// the campaigns and the counts, never who
		await recordAudit(tx, audit, {
			action: 'placement_campaign.pipeline_retention',
			resourceType: 'placement_campaign',
			after: { campaignIds: ids, candidates: candidates.length, invitations: invitations.length, months: PIPELINE_RETENTION_MONTHS }
		});
		return { campaigns: ids.length, candidates: candidates.length, invitations: invitations.length };
	});
}
