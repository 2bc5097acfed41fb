import { countryName } from '../../../platform/geo/countries.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { AgreementView } from './placement.service.ts';
import type { HostMarkets, MarketFigure } from './placement-dashboard.ts';

/** One agreement as the public page shows it: country name, kind and sector in the page's language. */
export function agreementCard(row: AgreementView, language: Language) {
	return {
		...row,
		countryName: countryName(row.hostCountry, language),
		title: { text: row.title, lang: row.lang, dir: row.lang === 'ar' ? ('rtl' as const) : ('ltr' as const), fallback: row.lang !== language },
		summary: row.summary ? { text: row.summary, lang: row.lang, dir: row.lang === 'ar' ? ('rtl' as const) : ('ltr' as const), fallback: row.lang !== language } : null
	};
}

/** The CSV of the public list: header in the page's language, codes as they are (open data). */
export function agreementRows(rows: AgreementView[], language: Language) {
	const header = ['id', 'kind', 'partner', 'sector', 'host_country', 'title', 'starts_on', 'ends_on', 'occupations', 'quotas', 'status', 'source', 'sample'].map(
		(key) => translate(language, `placement.csv_${key}`)
	);
	return [
		header,
		...rows.map((row) => [
			row.id,
			row.kind,
			row.partnerName,
			row.sector,
			row.hostCountry,
			row.title,
			row.startsOn,
			row.endsOn,
			row.occupationCodes.join(' '),
			row.quotas.map((quota) => `${quota.year}:${quota.positions}`).join(' '),
			row.status,
			row.source,
			row.isSample
		])
	];
}

/** The dashboard's figures as chart items, named and formatted in the page's language. */
export function marketCharts(markets: HostMarkets, language: Language, groupTitles: Map<string, string>) {
	const format = new Intl.NumberFormat(language);
	const items = (rows: MarketFigure[], label: (value: string) => string) =>
		rows.map((row) => ({ label: label(row.value), value: row.positions, display: format.format(row.positions), extra: [format.format(row.offers)] }));
	return {
		samples: markets.samples,
		byCountry: items(markets.byCountry, (code) => countryName(code, language)),
		byChannel: items(markets.byChannel, (channel) => translate(language, `placement.channel_${channel}`)),
		byGroup: items(markets.byGroup, (code) => groupTitles.get(code) ?? code),
		byYear: items(markets.byYear, (year) => year),
		quotaYears: markets.quotaYears.map(String),
		agreements: markets.agreements.map((row) => ({
			label: countryName(row.value, language),
			value: row.agreements,
			display: format.format(row.agreements),
			extra: [format.format(row.active), ...row.quotas.map((positions) => format.format(positions))]
		}))
	};
}
