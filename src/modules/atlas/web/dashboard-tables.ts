// The dashboard's figures as tables (header row in the page language, then data rows): the CSV
// downloads of /[lang]/atlas/dashboard/<chart>.csv. Names (regions, themes) are spelled out in the
// page language; each region and theme also keeps its code, so the file can be joined with other data.
import { translate } from '#platform/i18n/translator.ts';
import type { Language } from '#platform/i18n/languages.ts';
import type { CsvCell } from '#platform/ui/charts/csv.ts';
import { regions } from '#platform/geo/morocco.ts';
import type { ChartName, DashboardData } from './atlas-pages.server.ts';

export function regionName(language: Language, iso: string): string {
	const region = regions.find((entry) => entry.iso === iso);
	if (!region) return iso;
	return language === 'ar' ? region.nameAr : language === 'en' ? region.nameEn : region.nameFr;
}

/** The rows of one chart's CSV, header first. */
export function chartTable(language: Language, chart: ChartName, data: DashboardData): CsvCell[][] {
	const t = (key: string) => translate(language, `atlas.${key}`);
	const theme = (code: string) => translate(language, `atlas.theme_${code}`);
	switch (chart) {
		case 'region-theme':
			return [
				[t('col_region_code'), t('col_region'), t('col_theme_code'), t('col_theme'), t('col_initiatives'), t('col_budget_eur')],
				...data.matrix.flatMap((row) =>
					row.cells.map((cell) => [row.region, regionName(language, row.region), cell.theme, theme(cell.theme), cell.count, cell.budgetEur])
				)
			];
		case 'years':
		case 'started':
			return [
				// by year: the amounts of the year (amounts by year, else the budget spread over the active years); started: whole budgets
				[t('col_year'), t(chart === 'years' ? 'col_initiatives_active' : 'col_initiatives_started'), t('col_budget_eur'), t(chart === 'years' ? 'col_amount_unknown_year' : 'col_budget_unknown')],
				...data[chart].map((row) => [row.year, row.count, row.budgetEur, row.budgetUnknown]),
				// the initiatives whose years are unknown: a last row, so that the file's total is the filter's
				[t('year_unknown'), data.undated.count, data.undated.budgetEur, data.undated.budgetUnknown]
			];
		case 'statuses':
		case 'targets':
		case 'countries': {
			const countries = new Intl.DisplayNames([language], { type: 'region' });
			const name = (code: string) =>
				chart === 'countries' ? (countries.of(code) ?? code) : translate(language, `atlas.${chart === 'statuses' ? 'status' : 'target'}_${code}`);
			return [
				[t('col_code'), t('col_name'), t('col_initiatives'), t('col_budget_eur'), t('col_budget_unknown')],
				...data[chart].map((row) => [row.key, name(row.key), row.count, row.budgetEur, row.budgetUnknown])
			];
		}
		case 'funders':
			return [
				[t('col_funder'), t('col_organisation_slug'), t('col_initiatives'), t('col_contributions_known_eur'), t('col_contribution_unknown')],
				...data.funders.map((row) => [row.name, row.slug, row.count, row.budgetEur, row.budgetUnknown])
			];
		case 'implementers':
			return [[t('col_implementer'), t('col_organisation_slug'), t('col_initiatives')], ...data.implementers.map((row) => [row.name, row.slug, row.count])];
		case 'gaps':
			return [
				[t('col_kind'), t('col_code'), t('col_name'), t('col_initiatives')],
				...data.gaps.regions.map((row) => [t('col_region'), row.region, regionName(language, row.region), row.count]),
				...data.gaps.themes.map((row) => [t('col_theme'), row.theme, theme(row.theme), row.count])
			];
	}
}
