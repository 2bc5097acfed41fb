// The placement benchmark's campaign at issue #10's scale, filled with set-based SQL (`generate_series`):
// N candidate accounts on a reserved domain (no password), one seasonal campaign of N positions split into
// equal quotas across A agencies, each candidate at a stage spread over the seasonal track (weighted to the
// front, as a campaign in its sourcing weeks; one in twelve out with a reason), each with its first move in
// the history. Five statements whatever N, then VACUUM ANALYZE (as autovacuum would).
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { agency } from '../../src/modules/jobs/counsellors/counsellors.table.ts';
import { exitReasons, stagesOf, type PipelineStage } from '../../src/modules/jobs/placement/campaigns.model.ts';
import { placementCampaign, placementCampaignQuota } from '../../src/modules/jobs/placement/campaigns.table.ts';

export const BENCH_CANDIDATE_DOMAIN = 'candidats.bench.sharaka.invalid';
const track = stagesOf('seasonal');
/** Stages weighted to the front of the pipeline. */
const weighted: PipelineStage[] = [...Array(6).fill('registered'), ...Array(4).fill('preselected'), 'shortlisted', 'shortlisted', 'interview', ...track.slice(4)];

export async function fillPlacementCampaign(db: Db, { candidates, agencies }: { candidates: number; agencies: number }) {
	const existing = await db.select({ id: agency.id }).from(agency).orderBy(asc(agency.slug));
	const more = Math.max(0, agencies - existing.length);
	if (more) {
		await db.insert(agency).values(Array.from({ length: more }, (_, index) => ({ slug: `bench-agence-${index + 1}`, name: `Agence de mesure ${index + 1}`, city: 'Rabat', regionCode: 'MA-04' })));
	}
	const agencyIds = (await db.select({ id: agency.id }).from(agency).orderBy(asc(agency.slug))).slice(0, agencies).map((row) => row.id);
	const [campaign] = await db
		.insert(placementCampaign)
		.values({ title: 'Campagne de mesure', hostCountry: 'ES', hostRegion: 'Andalousie', channel: 'seasonal', positions: candidates, seasonStartsOn: '2027-03-15', seasonEndsOn: '2027-07-15', isSample: true })
		.returning();
	const share = Math.ceil(candidates / agencies);
	await db.insert(placementCampaignQuota).values(agencyIds.map((agencyId) => ({ campaignId: campaign.id, agencyId, positions: share })));
	const stages = `{${weighted.join(',')}}`;
	const trackList = `{${track.join(',')}}`;
	const reasons = `{${exitReasons.join(',')}}`;
	const agencyList = `{${agencyIds.join(',')}}`;
	await db.execute(sql`
		insert into "user" (id, email, name, role, email_verified, locale)
		select gen_random_uuid()::text, 'candidat.' || i || '@' || ${BENCH_CANDIDATE_DOMAIN}, 'Candidat ' || i || ' (mesure)', 'member', false, (array['fr','ar','en'])[1 + i % 3]
		from generate_series(0, ${candidates - 1}) i`);
	// a stage drawn from the weighted list by a hash of the index (the same campaign on every run)
	await db.execute(sql`
		insert into jobs.placement_candidate (campaign_id, user_id, agency_id, stage, stage_on, exit_reason, exited_at, stage_changed_at, is_sample)
		select ${campaign.id}::uuid, u.id, (${agencyList}::uuid[])[1 + p.i % ${agencies}], p.stage,
			(current_date - (40 - 2 * (array_position(${trackList}::text[], p.stage) - 1)))::date,
			case when p.i % 12 = 7 then (${reasons}::text[])[1 + (p.h / 7) % ${exitReasons.length}] end,
			case when p.i % 12 = 7 then now() - interval '1 day' end,
			now() - (40 - 2 * (array_position(${trackList}::text[], p.stage) - 1)) * interval '1 day', true
		from (
			select i, h, (${stages}::text[])[1 + h % ${weighted.length}] as stage
			from (select i, abs(hashtext('placement-bench-' || i)) as h from generate_series(0, ${candidates - 1}) i) hashed
		) p
		join "user" u on u.email = 'candidat.' || p.i || '@' || ${BENCH_CANDIDATE_DOMAIN}`);
	await db.execute(sql`
		insert into jobs.placement_candidate_move (candidate_id, from_stage, to_stage, batch_id, at)
		select id, null, 'registered', ${crypto.randomUUID()}::uuid, now() - interval '45 days'
		from jobs.placement_candidate where campaign_id = ${campaign.id}::uuid`);
	await db.execute(sql`vacuum analyze`);
	return { campaignId: campaign.id, agencyIds };
}
