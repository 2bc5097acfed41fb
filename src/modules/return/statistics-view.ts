// The joint platform's pooled statistics as people read them: groups named in the page's language
// (regions, countries, operators, schemes), for the page and for its CSV and XLSX.
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { placeNameIn } from '../../platform/geo/place-choices.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { toCsv } from '../../platform/ui/charts/csv.ts';
import { toXlsx } from '../../platform/ui/charts/xlsx.ts';
import { reintegrationStatistics, SMALL_COUNT } from './reintegration.ts';
import { surveyStatistics } from './survey.ts';
import { schemeNamesBySlug } from './schemes/schemes.service.ts';

const regionName = (code: string, language: Language) => {
	const region = regions.find((item) => item.iso === code);
	return region ? placeNameIn(region, language) : code;
};

/** The statistics with every group named and sorted in the reader's language. */
export async function statisticsView(db: DbOrTx, language: Language, samples: boolean) {
	const [statistics, survey, schemes] = await Promise.all([reintegrationStatistics({ db }, { samples }), surveyStatistics({ db }, { samples }), schemeNamesBySlug(db, language)]);
	const collator = new Intl.Collator(language);
	const named = <Row extends { key: string }>(rows: Row[], name: (row: Row) => string) =>
		rows.map((row) => ({ ...row, label: name(row) })).sort((a, b) => collator.compare(a.label, b.label));
	return {
		smallCount: SMALL_COUNT,
		total: statistics.total,
		byRegion: named(statistics.byRegion, (row) => regionName(row.key, language)),
		byHostCountry: named(statistics.byHostCountry, (row) => countryName(row.key, language)),
		byOperator: statistics.byOperator,
		survey: {
			answered: survey.answered,
			byRound: survey.byRound.map((row) => ({ ...row, label: translate(language, 'return.survey_round', { months: row.key }) })),
			byRegion: named(survey.byRegion, (row) => regionName(row.key, language)),
			// a catalogue scheme by its name in the page's language, another as written, none said so
			byScheme: named(survey.byScheme, (row) => schemes.get(row.key) ?? (row.key || translate(language, 'return.stats_survey_no_scheme')))
		}
	};
}

/**
 * The statistics as one table of rows (tidy open data): what is counted, the group, open and closed
 * cases, answered rounds and mean scores 0–100; a suppressed count is written "<5", a missing score left empty.
 */
export async function statisticsRows(db: DbOrTx, language: Language, samples: boolean): Promise<string[][]> {
	const view = await statisticsView(db, language, samples);
	const t = (key: string, values?: Record<string, string | number>) => translate(language, `return.${key}`, values);
	const count = (value: number | null) => (value === null ? `<${view.smallCount}` : String(value));
	const score = (value: number | null) => (value === null ? '' : String(Math.round(value * 100)));
	const rows: string[][] = [[t('stats_col_table'), t('stats_col_group'), t('stats_open'), t('stats_closed'), t('stats_survey_answers'), t('need_economic'), t('need_social'), t('need_psychosocial'), t('survey_col_overall')]];
	rows.push([t('stats_col_all'), '', count(view.total.open), count(view.total.closed), '', '', '', '', '']);
	for (const [title, items] of [[t('stats_by_region'), view.byRegion], [t('stats_by_country'), view.byHostCountry], [t('stats_by_operator'), view.byOperator]] as const) {
		for (const item of items) rows.push([title, item.label, count(item.open), count(item.closed), '', '', '', '', '']);
	}
	for (const [title, items] of [[t('stats_survey_by_round'), view.survey.byRound], [t('stats_survey_by_region'), view.survey.byRegion], [t('stats_survey_by_scheme'), view.survey.byScheme]] as const) {
		for (const item of items) {
			rows.push([title, item.label, '', '', item.count ? String(item.count) : `<${view.smallCount}`, score(item.economic), score(item.social), score(item.psychosocial), score(item.overall)]);
		}
	}
	return rows;
}

export async function statisticsCsv(db: DbOrTx, language: Language, samples: boolean): Promise<string> {
	return toCsv(await statisticsRows(db, language, samples));
}

export async function statisticsXlsx(db: DbOrTx, language: Language, samples: boolean): Promise<Buffer> {
	return toXlsx(await statisticsRows(db, language, samples), { sheet: translate(language, 'return.stats_sheet'), rightToLeft: language === 'ar' });
}
