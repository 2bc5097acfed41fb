import { countryName } from '../../../platform/geo/countries.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { AgreementView } from './placement.service.ts';

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
