// The Talents module's public statistics in one answer (issue #11, item 7: `GET /api/v1/talents/statistics`): the
// talents by host country, skill and kind of contribution, the networks, the missions (the same counts as the
// missions' statistics page) and the mentoring. Counts are of people or of what few people do, so every count from
// 1 to 4 is suppressed (null, "<5"), with the next smallest cell of a breakdown whose one cell is hidden (the
// platform's small counts). Real records only, unless the demo's samples are asked for.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/database.ts';
import { suppressBreakdown, suppressed } from '../../platform/statistics/small-counts.ts';
import { MissionStatisticsQuery, missionStatistics } from './missions/statistics.ts';
import { mentoringOffer, mentoringRequest } from './mentoring/mentoring.table.ts';
import { contributions, mentoringStatuses, missionStatuses, networkKinds, sectors } from './talents.model.ts';
import { network, networkMember, talentProfile } from './talents.table.ts';

export const TalentsStatisticsQuery = MissionStatisticsQuery.meta({ id: 'TalentsStatisticsQuery' });

const Count = z.number().int().nullable().describe('null: from 1 to 4, suppressed');
const cells = <K extends string>(key: K, description: string) =>
	z.array(z.object({ value: z.string() }).extend({ [key]: Count } as Record<K, typeof Count>)).describe(description);
export const TalentsStatisticsView = z
	.object({
		samplesIncluded: z.boolean(),
		talents: z.object({
			total: Count.describe('talent profiles'),
			byHostCountry: cells('talents', 'ISO 3166-1 alpha-2, the countries with talents only, by code'),
			bySkill: cells('talents', 'keys of the controlled list of skills (a talent counts once in each of their skills)'),
			byContribution: cells('talents', 'the kinds of contribution talents offer (every kind, zero included; a talent counts once in each)')
		}),
		networks: z.object({
			total: z.number().int().describe('networks (chapters); not people: never suppressed'),
			byKind: z.array(z.object({ value: z.enum(networkKinds), networks: z.number().int() })),
			members: Count.describe('people who are members of at least one network')
		}),
		missions: z.object({
			total: Count.describe('published missions'),
			byStatus: cells('missions', `every status: ${missionStatuses.join(', ')}`),
			bySector: cells('missions', `every sector: ${sectors.join(', ')}`),
			byRegion: cells('missions', 'ISO 3166-2:MA, the regions with missions only'),
			byHostCountry: cells('missions', 'the host countries of the talents selected (a mission counts once in each)')
		}),
		mentoring: z.object({
			offersListed: Count.describe('open offers of talents with a public card'),
			requestsByStatus: cells('requests', `every status: ${mentoringStatuses.join(', ')}`)
		})
	})
	.meta({ id: 'TalentsStatistics' });
export type TalentsStatistics = z.output<typeof TalentsStatisticsView>;

/** Every value of a controlled list, zero where nothing has it, in the list's order. */
const complete = <K extends string>(values: readonly string[], rows: readonly { value: string; n: number }[], key: K) => {
	const byValue = new Map(rows.map((row) => [row.value, row.n]));
	return values.map((value) => ({ value, [key]: byValue.get(value) ?? 0 }) as { value: string } & Record<K, number>);
};
const named = <K extends string>(rows: readonly { value: string; n: number }[], key: K) => rows.map((row) => ({ value: row.value, [key]: row.n }) as { value: string } & Record<K, number>);

export async function talentsStatistics(db: DbOrTx, query: z.output<typeof TalentsStatisticsQuery>): Promise<TalentsStatistics> {
	const all = query.samples === 'include';
	const realTalents: SQL | undefined = all ? undefined : eq(talentProfile.isSample, false);
	const realNetworks: SQL | undefined = all ? undefined : eq(network.isSample, false);
	const unnested = (column: typeof talentProfile.skills | typeof talentProfile.contributions) =>
		db
			.select({ value: sql<string>`value`, n: sql<number>`count(*)::int` })
			.from(sql`${talentProfile}, unnest(${column}) as value`)
			.where(realTalents)
			.groupBy(sql`value`)
			.orderBy(sql`value`);
	const [[talents], byCountry, bySkill, byContribution, [networks], byKind, [members], missions, [offers], requests] = await Promise.all([
		db.select({ n: count() }).from(talentProfile).where(realTalents),
		db
			.select({ value: talentProfile.hostCountry, n: sql<number>`count(*)::int` })
			.from(talentProfile)
			.where(and(realTalents, sql`${talentProfile.hostCountry} is not null`))
			.groupBy(talentProfile.hostCountry)
			.orderBy(talentProfile.hostCountry),
		unnested(talentProfile.skills),
		unnested(talentProfile.contributions),
		db.select({ n: count() }).from(network).where(realNetworks),
		db.select({ value: network.kind, n: sql<number>`count(*)::int` }).from(network).where(realNetworks).groupBy(network.kind),
		db
			.select({ n: sql<number>`count(distinct ${networkMember.userId})::int` })
			.from(networkMember)
			.innerJoin(network, eq(network.id, networkMember.networkId))
			.where(and(eq(networkMember.status, 'member'), realNetworks)),
		missionStatistics(db, query),
		db
			.select({ n: count() })
			.from(mentoringOffer)
			.innerJoin(talentProfile, eq(talentProfile.userId, mentoringOffer.mentorUserId))
			.where(and(eq(mentoringOffer.status, 'open'), eq(talentProfile.consentLevel, 'public'), all ? undefined : eq(mentoringOffer.isSample, false))),
		db
			.select({ value: mentoringRequest.status, n: sql<number>`count(*)::int` })
			.from(mentoringRequest)
			.where(all ? undefined : eq(mentoringRequest.isSample, false))
			.groupBy(mentoringRequest.status)
	]);
	const { samplesIncluded: _samples, ...missionCounts } = missions;
	return {
		samplesIncluded: all,
		talents: {
			total: suppressed(talents.n),
			byHostCountry: suppressBreakdown(named(byCountry.map((row) => ({ value: row.value!, n: row.n })), 'talents'), ['talents']),
			bySkill: suppressBreakdown(named(bySkill, 'talents'), ['talents']),
			byContribution: suppressBreakdown(complete(contributions, byContribution, 'talents'), ['talents'])
		},
		networks: { total: networks.n, byKind: complete(networkKinds, byKind, 'networks') as { value: (typeof networkKinds)[number]; networks: number }[], members: suppressed(members.n) },
		missions: missionCounts,
		mentoring: { offersListed: suppressed(offers.n), requestsByStatus: suppressBreakdown(complete(mentoringStatuses, requests, 'requests'), ['requests']) }
	};
}
