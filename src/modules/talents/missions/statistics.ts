// Mission statistics (issue #11): public counts of the published missions by status, sector, region of Morocco
// and the host country of the talents selected for them. Every count from 1 to 4 is suppressed (null, "<5"),
// and with it the next smallest cell of a breakdown whose one cell is hidden (the platform's small counts), so
// that no count points at a few people or institutions. Real missions only, unless the demo's samples are asked for.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { suppressBreakdown, suppressed } from '../../../platform/statistics/small-counts.ts';
import { missionStatuses, sectors } from '../talents.model.ts';
import { talentProfile } from '../talents.table.ts';
import { mission, missionCandidate } from './missions.table.ts';

export const MissionStatisticsQuery = z.object({
	samples: z
		.preprocess((value) => (value === '' ? undefined : value), z.enum(['include']).optional())
		.describe('`include`: count the demo’s sample missions too (left out by default)')
});

type Cell = { value: string; missions: number };

/** Every value of a controlled list, zero where no mission has it, in the list's order. */
const complete = (values: readonly string[], rows: readonly Cell[]) => {
	const byValue = new Map(rows.map((row) => [row.value, row.missions]));
	return values.map((value) => ({ value, missions: byValue.get(value) ?? 0 }));
};

/** The four breakdowns, suppressed; `total` is the published missions' number (suppressed under 5 too). */
export async function missionStatistics(db: DbOrTx, query: z.output<typeof MissionStatisticsQuery>) {
	const real = query.samples === 'include' ? undefined : eq(mission.isSample, false);
	const by = (column: typeof mission.status | typeof mission.sector | typeof mission.region) =>
		db
			.select({ value: sql<string>`${column}`, missions: sql<number>`count(*)::int` })
			.from(mission)
			.where(real)
			.groupBy(column)
			.orderBy(column);
	const [[{ total }], byStatus, bySector, byRegion, byHostCountry] = await Promise.all([
		db.select({ total: sql<number>`count(*)::int` }).from(mission).where(real),
		by(mission.status),
		by(mission.sector),
		by(mission.region),
		// a mission counts once in each host country of the talents selected for it
		db
			.select({ value: talentProfile.hostCountry, missions: sql<number>`count(distinct ${mission.id})::int` })
			.from(missionCandidate)
			.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
			.innerJoin(talentProfile, eq(talentProfile.userId, missionCandidate.talentUserId))
			.where(and(eq(missionCandidate.selected, true), real, query.samples === 'include' ? undefined : eq(talentProfile.isSample, false)))
			.groupBy(talentProfile.hostCountry)
			.orderBy(talentProfile.hostCountry)
	]);
	return {
		total: suppressed(total),
		samplesIncluded: query.samples === 'include',
		byStatus: suppressBreakdown(complete(missionStatuses, byStatus), ['missions']),
		bySector: suppressBreakdown(complete(sectors, bySector), ['missions']),
		// regions and countries without missions are left out; ordered by code, so the order gives no hidden count away
		byRegion: suppressBreakdown(byRegion, ['missions']),
		byHostCountry: suppressBreakdown(byHostCountry, ['missions'])
	};
}
export type MissionStatistics = Awaited<ReturnType<typeof missionStatistics>>;
