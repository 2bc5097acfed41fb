// What the Atlas's public pages read, composed from the Atlas service (searchInitiatives, atlasStats,
// filterCondition) plus the few queries it has no function for (the filter's organisation lists, an
// organisation's initiatives by role).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '#platform/db/database.ts';
import { organisation } from '#platform/accounts/accounts.table.ts';
import { initiative, initiativeOrganisation, type Translated } from '#modules/atlas/atlas.table.ts';
import { initiativeThemes, organisationRoles, type OrganisationRole } from '#modules/atlas/atlas.model.ts';
import { InitiativeQuery, type InitiativeFilters } from '#modules/atlas/atlas.schemas.ts';
import { atlasStats, searchInitiatives, type StatsRow } from '#modules/atlas/initiative.service.ts';
import { regions } from '#platform/geo/morocco.ts';
import { AppError } from '#platform/http/app-error.ts';

export type OrganisationOption = { slug: string; name: string; acronym: string | null; count: number };

/** The organisations that fund or implement at least one initiative, by name, with their number of initiatives. */
export async function organisationOptions(db: DbOrTx): Promise<{ funder: OrganisationOption[]; implementer: OrganisationOption[] }> {
	const rows = await db
		.select({
			role: initiativeOrganisation.role,
			slug: organisation.slug,
			name: organisation.name,
			acronym: organisation.acronym,
			count: sql<number>`count(distinct ${initiativeOrganisation.initiativeId})::int`
		})
		.from(initiativeOrganisation)
		.innerJoin(organisation, eq(organisation.id, initiativeOrganisation.organisationId))
		.where(and(sql`${initiativeOrganisation.role} in ('funder', 'implementer')`, eq(organisation.status, 'active')))
		.groupBy(initiativeOrganisation.role, organisation.slug, organisation.name, organisation.acronym)
		.orderBy(asc(sql`lower(${organisation.name})`));
	const pick = (role: OrganisationRole) =>
		rows.filter((row) => row.role === role).map(({ slug, name, acronym, count }) => ({ slug, name, acronym, count: Number(count) }));
	return { funder: pick('funder'), implementer: pick('implementer') };
}

/** The communes some initiative names (HCP codes): the list page offers these, not all 1,503. */
export async function communesInUse(db: DbOrTx): Promise<string[]> {
	const rows = (await db.execute(sql`select distinct unnest(${initiative.communes}) as code from ${initiative} order by 1`)) as unknown as { rows: { code: string }[] };
	return rows.rows.map((row) => row.code);
}

export type OrganisationInitiative = {
	slug: string;
	title: Translated;
	status: string;
	startYear: number | null;
	endYear: number | null;
	budgetEur: number | null;
	/** this organisation's own contribution (funders), in EUR */
	contributionEur: number | null;
	isSample: boolean;
};

/** How many initiatives an organisation page lists per role before linking to that role's own pages. */
export const ORGANISATION_PAGE_SIZE = 50;

/**
 * An organisation's public Atlas page: its initiatives grouped by role (funder, implementer, partner,
 * beneficiary) — the first ORGANISATION_PAGE_SIZE of each, or one role's page `page` when `role` is
 * given — and totals over all of them: distinct initiatives, their total budget in EUR, and its own
 * contributions. A large funder has thousands: the totals are summed by the database and only the shown
 * rows are read. Throws not_found for an unknown slug.
 */
export async function organisationAtlas(db: DbOrTx, slug: string, { role, page = 1 }: { role?: OrganisationRole; page?: number } = {}) {
	const [org] = await db
		.select({ id: organisation.id, slug: organisation.slug, name: organisation.name, acronym: organisation.acronym, type: organisation.type, country: organisation.country, website: organisation.website })
		.from(organisation)
		// a pending organisation (from a partner's import, not yet accepted) has no public page
		.where(and(eq(organisation.slug, slug.toLowerCase()), eq(organisation.status, 'active')));
	if (!org) throw new AppError('not_found');
	const size = ORGANISATION_PAGE_SIZE;
	const first = role ? (page - 1) * size : 0;
	const [totalsResult, countsResult, rowsResult] = await Promise.all([
		db.execute(sql`select count(*)::int as initiatives, count(budget_eur)::int as with_budget, sum(budget_eur)::float8 as budget_eur,
				(select sum(io.amount_eur)::float8 from ${initiativeOrganisation} io where io.organisation_id = ${org.id} and io.role = 'funder') as contribution_eur
			from ${initiative} i where exists (select 1 from ${initiativeOrganisation} io where io.initiative_id = i.id and io.organisation_id = ${org.id})`),
		db.execute(sql`select io.role, count(*)::int as count from ${initiativeOrganisation} io where io.organisation_id = ${org.id} group by io.role`),
		db.execute(sql`select * from (
				select io.role, i.slug, i.title, i.status, i.start_year, i.end_year, i.budget_eur::float8 as budget_eur,
					io.amount_eur::float8 as contribution_eur, i.is_sample,
					row_number() over (partition by io.role order by i.start_year desc nulls last,
						lower(coalesce(i.title->>'fr', i.title->>'en', i.title->>'ar')), i.id) as position
				from ${initiativeOrganisation} io join ${initiative} i on i.id = io.initiative_id
				where io.organisation_id = ${org.id} ${role ? sql`and io.role = ${role}` : sql``}
			) ranked where position > ${first} and position <= ${first + size} order by role, position`)
	]);
	type Row = { role: OrganisationRole; slug: string; title: Translated; status: string; start_year: number | null; end_year: number | null; budget_eur: number | null; contribution_eur: number | null; is_sample: boolean };
	const rows = (rowsResult as unknown as { rows: Row[] }).rows;
	const counts = new Map((countsResult as unknown as { rows: { role: OrganisationRole; count: number }[] }).rows.map((row) => [row.role, Number(row.count)]));
	const groups = organisationRoles
		.filter((entry) => (role ? entry === role : true) && counts.has(entry))
		.map((entry) => ({
			role: entry,
			count: counts.get(entry)!,
			initiatives: rows
				.filter((row) => row.role === entry)
				.map(
					(row): OrganisationInitiative => ({
						slug: row.slug,
						title: row.title,
						status: row.status,
						startYear: row.start_year,
						endYear: row.end_year,
						budgetEur: row.budget_eur == null ? null : Number(row.budget_eur),
						contributionEur: row.contribution_eur == null ? null : Number(row.contribution_eur),
						isSample: row.is_sample
					})
				)
		}));
	const totals = (totalsResult as unknown as { rows: { initiatives: number; with_budget: number; budget_eur: number | null; contribution_eur: number | null }[] }).rows[0]!;
	return {
		organisation: org,
		groups,
		/** the role whose pages are shown (?role=), and the page */
		role: role ?? null,
		page,
		pageSize: size,
		totals: {
			initiatives: Number(totals.initiatives),
			budgetEur: totals.with_budget > 0 && totals.budget_eur != null ? round(Number(totals.budget_eur)) : null,
			/** initiatives whose budget is unknown (left out of budgetEur) */
			withoutBudget: Number(totals.initiatives) - Number(totals.with_budget),
			contributionEur: totals.contribution_eur == null ? null : round(Number(totals.contribution_eur))
		}
	};
}
export type OrganisationAtlas = Awaited<ReturnType<typeof organisationAtlas>>;

const round = (value: number) => Math.round(value * 100) / 100;

/** The dashboard's charts (names used in URLs: /atlas/dashboard/<chart>.csv). */
export const CHARTS = ['region-theme', 'years', 'started', 'statuses', 'targets', 'countries', 'funders', 'implementers', 'gaps'] as const;
export type ChartName = (typeof CHARTS)[number];

/** How many regions and themes the "gaps" list shows (the ones with the fewest initiatives). */
export const GAP_COUNT = 3;

/**
 * Every figure of the decision makers' dashboard for a filter (the region × theme table, initiatives
 * active per year, budget by funder (top 15), top implementers (top 15 by number of initiatives), and
 * the regions and themes with the fewest initiatives).
 */
export async function dashboardData(db: DbOrTx, filters: Partial<InitiativeFilters>) {
	const byRegion = atlasStats(db, 'region', filters);
	const byTheme = atlasStats(db, 'theme', filters);
	const byYear = atlasStats(db, 'year', filters);
	const byFunder = atlasStats(db, 'funder', filters);
	const breakdowns = Promise.all((['started', 'status', 'target', 'country'] as const).map((by) => atlasStats(db, by, filters)));
	// under a year filter, the initiatives of unknown years it leaves out are counted, to be said
	const yearFiltered = (filters.from !== undefined || filters.to !== undefined) && (filters.undated ?? 'exclude') === 'exclude';
	const leftOut = yearFiltered
		? atlasStats(db, 'status', { ...filters, from: undefined, to: undefined, undated: 'only' }).then((stats) => stats.rows.reduce((sum, row) => sum + row.count, 0))
		: Promise.resolve(0);
	// One region query per theme: a region × theme cross table from the service's own counting.
	const perTheme = Promise.all(
		initiativeThemes.map(async (theme) => {
			const themes = filters.theme?.length ? filters.theme.filter((entry) => entry === theme) : [theme];
			if (!themes.length) return { theme, rows: [] as StatsRow[] };
			return { theme, rows: (await atlasStats(db, 'region', { ...filters, theme: themes })).rows };
		})
	);
	const implementers = searchInitiatives(db, InitiativeQuery.parse({ ...filters, pageSize: 1 })).then((result) => result.facets.implementer.slice(0, 15));
	const [regionStats, themeStats, yearStats, funderStats, themeRegion, topImplementers, [startedStats, statusStats, targetStats, countryStats]] = await Promise.all([
		byRegion,
		byTheme,
		byYear,
		byFunder,
		perTheme,
		implementers,
		breakdowns
	]);
	const undatedLeftOut = await leftOut;
	// the years' charts are time lines: the initiatives whose years are unknown are said apart, never dropped
	const dated = (rows: StatsRow[]) =>
		rows.filter((row) => row.key !== 'unknown').map((row) => ({ year: Number(row.key), count: row.count, budgetEur: row.budgetEur, budgetUnknown: row.budgetUnknown }));
	const undated = yearStats.rows.find((row) => row.key === 'unknown') ?? { count: 0, budgetEur: 0, budgetUnknown: 0 };
	const breakdown = (rows: StatsRow[]) => rows.map((row) => ({ key: row.key, count: row.count, budgetEur: row.budgetEur, budgetUnknown: row.budgetUnknown }));

	const themeCounts = new Map(themeStats.rows.map((row) => [row.key, row]));
	const themesShown = filters.theme?.length ? initiativeThemes.filter((theme) => filters.theme!.includes(theme)) : [...initiativeThemes];
	const themeTotals = themesShown.map((theme) => ({ theme, count: themeCounts.get(theme)?.count ?? 0, budgetEur: themeCounts.get(theme)?.budgetEur ?? 0 }));
	const regionsShown = filters.region?.length ? regionStats.rows.filter((row) => filters.region!.includes(row.key)) : regionStats.rows;
	const matrix = regionsShown.map((region) => ({
		region: region.key,
		count: region.count,
		budgetEur: region.budgetEur,
		budgetUnknown: region.budgetUnknown,
		cells: themesShown.map((theme) => {
			const cell = themeRegion.find((entry) => entry.theme === theme)?.rows.find((row) => row.key === region.key);
			return { theme, count: cell?.count ?? 0, budgetEur: cell?.budgetEur ?? 0 };
		})
	}));
	const fewest = <T extends { count: number }>(list: T[]) =>
		[...list].sort((a, b) => a.count - b.count).slice(0, GAP_COUNT);
	return {
		/** whether the figures count the sample initiatives (statistics leave them out unless asked) */
		samples: filters.sample ?? 'include',
		regions: regionStats.rows,
		themes: themeTotals,
		matrix,
		years: dated(yearStats.rows),
		started: dated(startedStats.rows),
		undated: { count: undated.count, budgetEur: undated.budgetEur, budgetUnknown: undated.budgetUnknown },
		/** initiatives of unknown years that the year filter leaves out */
		undatedLeftOut,
		statuses: breakdown(statusStats.rows),
		targets: breakdown(targetStats.rows),
		countries: breakdown(countryStats.rows),
		funders: funderStats.rows.slice(0, 15).map((row) => ({ slug: row.key, name: row.label ?? row.key, count: row.count, budgetEur: row.budgetEur, budgetUnknown: row.budgetUnknown })),
		implementers: topImplementers.map((row) => ({ slug: row.key, name: row.name, count: row.count })),
		gaps: {
			regions: fewest(regionsShown.map((row) => ({ region: row.key, count: row.count }))),
			themes: fewest(themeTotals.map((row) => ({ theme: row.theme, count: row.count })))
		}
	};
}
export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;

/** The region codes in map order (for tables). */
export const regionCodes = regions.map((region) => region.iso);
