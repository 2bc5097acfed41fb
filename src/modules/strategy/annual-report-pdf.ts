// The annual monitoring report as a PDF in the page's language: the same report as the page, its charts
// drawn as bars inside the tables of figures (the platform's booklet typesets tables, not SVG).
import { countryName } from '../../platform/geo/countries.ts';
import { placeLabel } from './places.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { createTranslator } from '../../platform/i18n/translator.ts';
import { formatInPlatformZone } from '../../platform/time-zone.ts';
import { bookletPdf, type BookletSection, type BookletTable } from '../../platform/pdf/booklet.ts';
import type { AnnualReport } from './strategy.schemas.ts';

/**
 * The PDFs made, by language, address and the report's figures (its date left aside): typesetting takes a
 * few hundred milliseconds of the server's time, and the same report is asked again until its data change.
 */
const made = new Map<string, { pdf: Uint8Array; fileName: string }>();
const KEPT = 24;

/** The report's PDF and the name it is saved under. */
export async function annualReportPdf(report: AnnualReport, language: Language, publicUrl: string) {
	const key = JSON.stringify([language, publicUrl, { ...report, generatedAt: report.generatedAt.slice(0, 10) }]);
	const known = made.get(key);
	if (known) return known;
	const result = await typeset(report, language, publicUrl);
	made.set(key, result);
	if (made.size > KEPT) made.delete(made.keys().next().value!);
	return result;
}

async function typeset(report: AnnualReport, language: Language, publicUrl: string) {
	const { t: translate, number, currency, locale, list, date: formatDate } = createTranslator(language);
	const t = (key: string, values?: Record<string, string | number>) => translate(`strategy.${key}`, values);
	const { strategy, year, region } = report;
	const sample = (text: string, isSample: boolean) => (isSample ? `${text} (${t('sample_badge')})` : text);
	const rate = (value: number | null) => (value === null ? '—' : t('rate', { rate: number(value) }));
	const figure = (value: number | null) => (value === null ? '–' : number(value));
	const regionName = (code: string) => {
		if (code === 'national') return t('execution_national');
		return placeLabel(code, language);
	};
	const currencies = new Set([...report.budget.totals, ...report.budget.national].map((row) => row.currency));
	const withCurrency = (label: string, code: string) => (currencies.size > 1 ? `${label} (${code})` : label);
	const moneyHeaders = [t('budget_planned'), t('budget_committed'), t('budget_executed'), t('execution_rate')];
	const moneyCells = (row: AnnualReport['budget']['totals'][number]) => [currency(row.planned, row.currency), currency(row.committed, row.currency), currency(row.executed, row.currency), rate(row.rate)];
	const bar = (percent: number | null) => (percent === null ? null : percent / 100);
	const blank = { steps: [], sourcesTitle: '', sources: [], meta: '', language };

	// budget: the totals per currency and, beside them, converted to MAD (with the rates used, in a paragraph)
	const madRow = (inMad: AnnualReport['budget']['inMad']) => (inMad ? [[t('in_mad_currency'), ...moneyCells({ ...inMad, currency: 'MAD' })]] : []);
	const ratesParagraphs = [report.budget.inMad, report.budget.nationalInMad].flatMap((inMad) => {
		if (!inMad) return [];
		const rates = inMad.rates.map((entry) =>
			t('in_mad_rate', {
				currency: entry.currency,
				rate: number(entry.perEur, { maximumFractionDigits: 4 }),
				year: String(entry.year),
				source: entry.source ?? t('in_mad_no_source'),
				checked: entry.checkedAt ? t('in_mad_checked', { date: formatDate(entry.checkedAt) }) : t('in_mad_approximate')
			})
		);
		return [[...(rates.length ? [`${t('in_mad_rates')} ${list(rates)}.`] : []), ...(inMad.notConverted.length ? [t('in_mad_not_converted', { currencies: list(inMad.notConverted) })] : [])].join(' ')];
	});
	const budgetTables: BookletTable[] = [];
	if (report.budget.totals.length) {
		budgetTables.push({
			caption: t(region ? 'annual_budget_totals_region' : 'annual_budget_totals'),
			headers: [t('budget_currency_short'), ...moneyHeaders],
			numeric: [1, 2, 3, 4],
			rows: [...report.budget.totals.map((row) => [row.currency, ...moneyCells(row)]), ...madRow(report.budget.inMad)]
		});
		budgetTables.push({
			caption: t('annual_chart_domain', { year }),
			headers: [t('col_domain'), ...moneyHeaders],
			numeric: [1, 2, 3, 4],
			rows: report.budget.byDomain.map((row) => [withCurrency(row.domain, row.currency), ...moneyCells(row)]),
			bars: report.budget.byDomain.map((row) => bar(row.rate))
		});
	}
	if (report.budget.byRegion.length)
		budgetTables.push({
			caption: t('annual_chart_region', { year }),
			headers: [t('col_region'), ...moneyHeaders],
			numeric: [1, 2, 3, 4],
			rows: report.budget.byRegion.map((row) => [withCurrency(regionName(row.region), row.currency), ...moneyCells(row)]),
			bars: report.budget.byRegion.map((row) => bar(row.rate))
		});
	if (report.budget.national.length)
		budgetTables.push({ caption: t('annual_budget_national'), headers: [t('budget_currency_short'), ...moneyHeaders], numeric: [1, 2, 3, 4], rows: [...report.budget.national.map((row) => [row.currency, ...moneyCells(row)]), ...madRow(report.budget.nationalInMad)] });

	// indicators
	const light = (value: AnnualReport['indicators'][number]['light'], ratio: number | null) => `${t(`light_${value}`)}${ratio === null ? '' : ` (${rate(ratio)})`}`;
	const indicatorLabel = (item: AnnualReport['indicators'][number]) => sample(`${item.code} — ${item.definition}`, item.isSample);
	const baseline = (item: AnnualReport['indicators'][number]) => (item.baselineValue === null ? '–' : t('annual_baseline', { value: number(item.baselineValue), year: item.baselineYear ?? '…' }));
	const indicatorTable: BookletTable = region
		? {
				caption: t('annual_results_title'),
				headers: [t('col_indicator'), t('annual_col_unit'), t('annual_col_region_value'), t('annual_col_national_actual'), t('annual_col_national_target'), t('annual_col_national_light')],
				numeric: [2, 3, 4],
				rows: report.indicators.map((item) => [indicatorLabel(item), item.unit, figure(item.regionValue), figure(item.actual), figure(item.target), light(item.light, item.ratio)])
			}
		: {
				caption: t('annual_chart_results', { year }),
				headers: [t('col_indicator'), t('annual_col_unit'), t('annual_col_baseline'), t('col_target'), t('col_actual'), t('col_light')],
				numeric: [2, 3, 4],
				rows: report.indicators.map((item) => [indicatorLabel(item), item.unit, baseline(item), figure(item.target), figure(item.actual), light(item.light, item.ratio)]),
				bars: report.indicators.map((item) => bar(item.ratio))
			};

	// completeness
	const { completeness } = report;
	const completenessParagraphs = [t(region ? 'annual_completeness_counts_region' : 'annual_completeness_counts', { year, reported: completeness.reported, total: completeness.indicators, approved: completeness.approved })];
	if (completeness.reporters) completenessParagraphs.push(`${t('annual_reporters_total', { count: completeness.reporters.total })} ${completeness.reporters.total ? t('annual_reporters_missing', { count: completeness.reporters.notReported }) : ''}`.trim());
	if (completeness.indicators && !completeness.missing.length) completenessParagraphs.push(t('annual_completeness_all'));
	const completenessTables: BookletTable[] = [];
	if (completeness.missing.length)
		completenessTables.push({ caption: t('annual_completeness_missing'), headers: [t('col_indicator')], rows: completeness.missing.map((entry) => [`${entry.code} — ${entry.definition}`]) });
	if (completeness.reporters?.people?.length)
		completenessTables.push({
			caption: t('annual_reporters_named'),
			headers: [t('annual_col_reporter'), t('annual_col_reported')],
			rows: completeness.reporters.people.map((person) => [person.name, person.values ? t('completeness_values', { count: person.values }) : t('completeness_missing')])
		});

	// initiatives and the gap
	const { actions } = report;
	const domainOf = new Map(actions.byDomain.map((entry) => [entry.domainId, entry.domain]));
	const gapTables: BookletTable[] = actions.total
		? [
				{
					caption: t('annual_gap_caption'),
					headers: [t('col_domain'), t('annual_col_actions'), t('annual_col_without')],
					numeric: [1, 2],
					rows: actions.byDomain.map((entry) => [entry.domain, number(entry.actions), number(entry.withoutInitiatives)]),
					bars: actions.byDomain.map((entry) => (entry.actions ? entry.withoutInitiatives / entry.actions : null))
				},
				...(actions.gap.length
					? [{ caption: t('annual_gap_list', { count: actions.gap.length }), headers: [t('col_domain'), t('annual_col_action')], rows: actions.gap.map((entry) => [domainOf.get(entry.domainId) ?? '', sample(entry.title, entry.isSample)]) }]
					: [])
			]
		: [];

	const sections: BookletSection[] = [
		{ ...blank, title: t('annual_budget_title', { year }), paragraphs: [t('annual_budget_intro'), ...(region ? [t('region_budget_intro')] : []), ...(report.budget.totals.length || report.budget.national.length ? [] : [t('annual_budget_none', { year })]), ...[...new Set(ratesParagraphs)]], tables: budgetTables },
		{
			...blank,
			title: t('annual_results_title'),
			paragraphs: [
				t(region ? 'annual_results_intro_region' : 'annual_results_intro'),
				t('light_rule'),
				...(report.indicators.length ? [] : [t(region ? 'annual_results_none_region' : 'annual_results_none')]),
				...(report.nationalOnlyIndicators && region ? [t('annual_national_only', { count: report.nationalOnlyIndicators })] : [])
			],
			tables: report.indicators.length ? [indicatorTable] : []
		},
		{ ...blank, title: t('annual_completeness_title', { year }), paragraphs: completenessParagraphs, tables: completenessTables },
		{
			...blank,
			title: t('annual_initiatives_title'),
			paragraphs: [t('annual_initiatives_intro', { year }), ...(report.initiatives.length ? [] : [t('annual_initiatives_none')])],
			tables: report.initiatives.length
				? [{ caption: t('annual_initiatives_title'), headers: [t('annual_col_initiative'), t('annual_col_carried')], rows: report.initiatives.map((entry) => [sample(entry.title, entry.isSample), list(entry.actions.map((action) => action.title))]) }]
				: []
		},
		{
			...blank,
			title: t('annual_gap_title'),
			paragraphs: [t('annual_gap_intro', { year }), ...(actions.total ? (actions.withoutInitiatives ? [] : [t('annual_gap_none')]) : [t('annual_actions_none', { year })])],
			tables: gapTables
		},
		{
			...blank,
			title: t('annual_recommendations_title'),
			paragraphs: [t(region ? 'annual_recommendations_intro_region' : 'annual_recommendations_intro'), ...(report.recommendations.length ? [] : [t('annual_recommendations_none')])],
			tables: report.recommendations.length
				? [
						{
							caption: t('annual_recommendations_title'),
							headers: [t('recommendation_text'), t('recommendation_horizon'), t('recommendation_status'), t('annual_col_owner'), t('annual_col_due')],
							rows: report.recommendations.map((item) => [
								sample(item.text, item.isSample),
								t(`horizon_${item.horizon}`),
								`${t(`recommendation_status_${item.status}`)}${item.late ? ` — ${t('recommendation_late')}` : ''}`,
								item.owner ?? '–',
								item.dueYear === null ? '–' : String(item.dueYear)
							])
						}
					]
				: []
		}
	];

	const date = formatInPlatformZone(locale, report.generatedAt, { dateStyle: 'long' });
	const title = region ? t('annual_doc_title_region', { year, strategy: strategy.title, region: region.name }) : t('annual_doc_title', { year, strategy: strategy.title });
	const address = `${publicUrl.replace(/\/$/, '')}/${language}/strategy/${strategy.slug}/annual-report?year=${year}${region ? `&region=${region.code}` : ''}`;
	const identity = [
		countryName(strategy.country, language),
		strategy.periodStart || strategy.periodEnd ? t('period', { start: strategy.periodStart ?? '…', end: strategy.periodEnd ?? '…' }) : t('period_unknown'),
		t(`status_${strategy.status}`),
		...(strategy.owner ? [t('lead', { name: strategy.owner })] : [])
	].join(' · ');
	const pdf = await bookletPdf({
		language,
		title,
		intro: [
			identity,
			region ? t('annual_scope_region', { region: region.name }) : t('annual_scope_national'),
			t('annual_intro'),
			...(region ? [t('annual_intro_region')] : []),
			...(report.hasSamples ? [t('sample_note')] : []),
			t('annual_pdf_made', { date, address }),
			t('annual_pdf_note')
		],
		contentsTitle: t('annual_contents'),
		footer: `${translate('common.site_name')} — ${title}`,
		continuous: true,
		sections
	});
	return { pdf, fileName: `${t('annual_pdf_file', { strategy: strategy.slug, year })}${region ? `-${region.code}` : ''}.pdf` };
}
