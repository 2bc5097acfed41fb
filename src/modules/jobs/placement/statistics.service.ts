// Statistics and open data of international placement (issue 10, item 9): offers abroad and their
// positions, candidates, departures and returns by host country, occupation group (the sector: ISCO-08
// major group of the offer), channel, agency, region of origin (the sourcing agency's region), sex (as the
// candidate declared it, optional: "prefer not to say" and no answer are counted together) and year.
// Public outputs suppress counts of people from 1 to 4 (the platform's small-count rule, with secondary
// suppression); the division's dashboard reads the same figures unsuppressed. Samples are left out unless asked.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { placeNameIn } from '../../../platform/geo/place-choices.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { countText, SMALL_COUNT, suppressBreakdown, suppressed } from '../../../platform/statistics/small-counts.ts';
import { toCsv } from '../../../platform/ui/charts/csv.ts';
import { toXlsx } from '../../../platform/ui/charts/xlsx.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { listOccupationGroups } from '../jobs.service.ts';
import { HOME_COUNTRY } from '../job-offer.model.ts';

export const statisticDimensions = ['country', 'sector', 'channel', 'agency', 'region', 'sex', 'year'] as const;
export type StatisticDimension = (typeof statisticDimensions)[number];
/** The dimensions offers abroad have (an offer has no agency of its own, no region of origin, no sex). */
export const offerDimensions: readonly StatisticDimension[] = ['country', 'sector', 'channel', 'year'];
/** A key for what is not known (a campaign without offer, a person sourced by the division, a sex not stated). */
export const UNKNOWN = 'unknown';

export interface StatisticRow {
	key: string;
	offers: number | null;
	positions: number | null;
	candidates: number | null;
	departures: number | null;
	returns: number | null;
}
export type PlacementStatistics = {
	smallCount: number;
	samples: boolean;
	suppressed: boolean;
	total: Omit<StatisticRow, 'key'>;
	breakdowns: Record<StatisticDimension, StatisticRow[]>;
};

interface RawRow {
	dimension: StatisticDimension;
	key: string;
	offers?: number;
	positions?: number;
	candidates?: number;
	departures?: number;
	returns?: number;
}

const rowsOf = (answer: unknown) => (answer as { rows: Record<string, unknown>[] }).rows;

/**
 * The figures. Offers: offers abroad out of the drafts (published, filled, closed, expired), by year of
 * publication. Candidates: people entered in a campaign's pipeline (by year of entry); departures and returns:
 * people moved to "departed" and to "returned" (by the year of that event). `suppress` (public outputs) hides
 * counts of people from 1 to 4.
 */
export async function placementStatistics(db: DbOrTx, { samples = false, suppress = true }: { samples?: boolean; suppress?: boolean } = {}): Promise<PlacementStatistics> {
	const offerSample = samples ? sql`true` : sql`o.is_sample = false`;
	const offers = rowsOf(
		await db.execute(sql`
			select case when grouping(o.host_country) = 0 then 'country' when grouping(left(o.occupation_code, 1)) = 0 then 'sector'
				when grouping(coalesce(o.channel, 'individual')) = 0 then 'channel' else 'year' end as dimension,
				coalesce(case when grouping(o.host_country) = 0 then o.host_country end,
					case when grouping(left(o.occupation_code, 1)) = 0 then coalesce(left(o.occupation_code, 1), ${UNKNOWN}) end,
					case when grouping(coalesce(o.channel, 'individual')) = 0 then coalesce(o.channel, 'individual') end,
					extract(year from coalesce(o.published_at, o.created_at))::int::text) as key,
				count(*)::int as offers, coalesce(sum(o.positions), 0)::int as positions
			from jobs.job_offer o
			where o.host_country <> ${HOME_COUNTRY} and o.status not in ('draft', 'pending_validation') and ${offerSample}
			group by grouping sets ((o.host_country), (left(o.occupation_code, 1)), (coalesce(o.channel, 'individual')), (extract(year from coalesce(o.published_at, o.created_at))::int::text))`)
	) as unknown as RawRow[];
	// one row per event: a person entering a pipeline, departing, returning (each person once per kind and key)
	const people = rowsOf(
		await db.execute(sql`
			${peopleFacts(samples ? sql`true` : sql`not f.is_sample`)}
			select ${groupingColumns}, count(distinct candidate_id) filter (where kind = 'candidate')::int as candidates,
				count(distinct candidate_id) filter (where kind = 'departed')::int as departures,
				count(distinct candidate_id) filter (where kind = 'returned')::int as returns
			from facts
			group by grouping sets ((country), (sector), (channel), (agency), (region), (sex), (year), ())`)
	) as unknown as RawRow[];
	// and the people of campaigns whose pipeline the retention job deleted, counted the same way before it did
	const archived = rowsOf(
		await db.execute(sql`
			select ${groupingColumns}, coalesce(sum(people) filter (where kind = 'candidate'), 0)::int as candidates,
				coalesce(sum(people) filter (where kind = 'departed'), 0)::int as departures,
				coalesce(sum(people) filter (where kind = 'returned'), 0)::int as returns
			from jobs.placement_statistics_archive
			where ${samples ? sql`true` : sql`not is_sample`}
			group by grouping sets ((country), (sector), (channel), (agency), (region), (sex), (year), ())`)
	) as unknown as RawRow[];

	const breakdowns = Object.fromEntries(statisticDimensions.map((dimension) => [dimension, [] as StatisticRow[]])) as Record<StatisticDimension, StatisticRow[]>;
	const entry = (dimension: StatisticDimension, key: string) => {
		let row = breakdowns[dimension].find((item) => item.key === key);
		if (!row) {
			row = { key, offers: offerDimensions.includes(dimension) ? 0 : null, positions: offerDimensions.includes(dimension) ? 0 : null, candidates: 0, departures: 0, returns: 0 };
			breakdowns[dimension].push(row);
		}
		return row;
	};
	let total = { offers: 0, positions: 0, candidates: 0, departures: 0, returns: 0 } as Omit<StatisticRow, 'key'>;
	for (const row of offers) Object.assign(entry(row.dimension, row.key), { offers: row.offers, positions: row.positions });
	for (const row of [...people, ...archived]) {
		const target = (row.dimension as string) === 'total' ? total : entry(row.dimension, row.key);
		target.candidates = (target.candidates ?? 0) + (row.candidates ?? 0);
		target.departures = (target.departures ?? 0) + (row.departures ?? 0);
		target.returns = (target.returns ?? 0) + (row.returns ?? 0);
	}
	for (const row of offers.filter((item) => item.dimension === 'country')) {
		total.offers = (total.offers ?? 0) + (row.offers ?? 0);
		total.positions = (total.positions ?? 0) + (row.positions ?? 0);
	}
	for (const dimension of statisticDimensions) {
		breakdowns[dimension].sort((a, b) => (dimension === 'year' ? a.key.localeCompare(b.key) : (b.candidates ?? 0) - (a.candidates ?? 0) || (b.positions ?? 0) - (a.positions ?? 0) || a.key.localeCompare(b.key)));
		if (suppress) breakdowns[dimension] = suppressBreakdown(breakdowns[dimension], ['candidates', 'departures', 'returns']);
	}
	if (suppress) total = { ...total, candidates: suppressed(total.candidates ?? 0), departures: suppressed(total.departures ?? 0), returns: suppressed(total.returns ?? 0) };
	return { smallCount: SMALL_COUNT, samples, suppressed: suppress, total, breakdowns };
}

/** Which breakdown a row of `grouping sets` is, and its key (the total: `total`, ''). */
const groupingColumns = sql.raw(`case when grouping(country) = 0 then 'country' when grouping(sector) = 0 then 'sector' when grouping(channel) = 0 then 'channel'
		when grouping(agency) = 0 then 'agency' when grouping(region) = 0 then 'region' when grouping(sex) = 0 then 'sex' when grouping(year) = 0 then 'year' else 'total' end as dimension,
	coalesce(case when grouping(country) = 0 then country end, case when grouping(sector) = 0 then sector end, case when grouping(channel) = 0 then channel end,
		case when grouping(agency) = 0 then agency end, case when grouping(region) = 0 then region end, case when grouping(sex) = 0 then sex end,
		case when grouping(year) = 0 then year end, '') as key`);

/**
 * The CTE `facts`: one row per person and event — entering a pipeline (year of entry), departing, returning
 * (year of the event; a corrected move did not happen, a correction is no new event) — with the breakdown
 * keys and whether it is a sample; `where` filters the rows (alias `f`: its columns).
 */
export function peopleFacts(where: SQL) {
	return sql`
		with events as (
			select p.id as candidate_id, 'candidate' as kind, p.created_at::date as on_day from jobs.placement_candidate p
			union all
			select m.candidate_id, m.to_stage, coalesce(m.event_on, m.at::date) from jobs.placement_candidate_move m where m.to_stage in ('departed', 'returned')
				and m.corrects_move_id is null and not exists (select 1 from jobs.placement_candidate_move k where k.corrects_move_id = m.id)
		), all_facts as (
			select e.candidate_id, e.kind, p.campaign_id, c.host_country as country, coalesce(left(o.occupation_code, 1), ${UNKNOWN}) as sector, c.channel,
				coalesce(p.agency_id::text, 'division') as agency, coalesce(a.region_code, ${UNKNOWN}) as region,
				case when s.sex in ('female', 'male') then s.sex else ${UNKNOWN} end as sex, extract(year from e.on_day)::int::text as year,
				(p.is_sample or c.is_sample) as is_sample
			from events e
			join jobs.placement_candidate p on p.id = e.candidate_id
			join jobs.placement_campaign c on c.id = p.campaign_id
			left join jobs.job_offer o on o.id = c.offer_id
			left join jobs.agency a on a.id = p.agency_id
			left join jobs.placement_profile s on s.user_id = p.user_id
		), facts as (select * from all_facts f where ${where})`;
}

// ---------- as people read them (page, CSV, XLSX) ----------

/** Each breakdown's groups named in the reader's language (countries, occupation groups, channels, agencies, regions). */
export async function statisticsView(db: DbOrTx, language: Language, { samples = false, suppress = true }: { samples?: boolean; suppress?: boolean } = {}) {
	const [stats, groups, agencies] = await Promise.all([
		placementStatistics(db, { samples, suppress }),
		listOccupationGroups(db, language),
		db.select({ id: agency.id, name: agency.name }).from(agency)
	]);
	const t = (key: string) => translate(language, `placement_stats.${key}`);
	const unknown = t('unknown');
	const groupTitle = new Map(groups.filter((group) => group.level === 1).map((group) => [group.code, group.title]));
	const agencyName = new Map(agencies.map((row) => [row.id, row.name]));
	const label: Record<StatisticDimension, (key: string) => string> = {
		country: (key) => countryName(key, language),
		sector: (key) => groupTitle.get(key) ?? unknown,
		channel: (key) => translate(language, `placement.channel_${key}`),
		agency: (key) => (key === 'division' ? t('division') : (agencyName.get(key) ?? unknown)),
		region: (key) => {
			const region = regions.find((item) => item.iso === key);
			return region ? placeNameIn(region, language) : unknown;
		},
		sex: (key) => t(`sex_${key}`),
		year: (key) => key
	};
	return {
		...stats,
		breakdowns: statisticDimensions.map((dimension) => ({ dimension, title: t(`by_${dimension}`), rows: stats.breakdowns[dimension].map((row) => ({ ...row, label: label[dimension](row.key) })) }))
	};
}
export type StatisticsView = Awaited<ReturnType<typeof statisticsView>>;

/** Tidy open data: one line per breakdown and group, with its code; a suppressed count written "<5", a figure that does not apply left empty. */
export async function statisticsRows(db: DbOrTx, language: Language, samples: boolean): Promise<string[][]> {
	const view = await statisticsView(db, language, { samples });
	const t = (key: string) => translate(language, `placement_stats.${key}`);
	const cell = (value: number | null, applies: boolean) => (!applies ? '' : countText(value));
	const rows = [[t('col_breakdown'), t('col_group'), t('col_code'), t('offers'), t('positions'), t('candidates'), t('departures'), t('returns')]];
	rows.push([t('all'), '', '', String(view.total.offers), String(view.total.positions), countText(view.total.candidates), countText(view.total.departures), countText(view.total.returns)]);
	for (const breakdown of view.breakdowns) {
		const offersApply = offerDimensions.includes(breakdown.dimension);
		for (const row of breakdown.rows) rows.push([breakdown.title, row.label, row.key, cell(row.offers, offersApply), cell(row.positions, offersApply), countText(row.candidates), countText(row.departures), countText(row.returns)]);
	}
	return rows;
}

export async function statisticsCsv(db: DbOrTx, language: Language, samples: boolean) {
	return toCsv(await statisticsRows(db, language, samples));
}

export async function statisticsXlsx(db: DbOrTx, language: Language, samples: boolean) {
	return toXlsx(await statisticsRows(db, language, samples), { sheet: translate(language, 'placement_stats.sheet'), rightToLeft: language === 'ar' });
}
