// The network's services as open data: CSV and XLSX of the finder's current filter.
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import { toCsv } from '../../platform/ui/charts/csv.ts';
import { toXlsx } from '../../platform/ui/charts/xlsx.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { placeNameIn } from '../../platform/geo/place-choices.ts';
import { findServices, type ServiceQuery } from './network.ts';

const columns = ['organisation', 'service', 'stages', 'regions', 'languages', 'email', 'phone', 'website', 'sample'] as const;

/** Every service matching the filter (the network is small: a few hundred at most), as rows of text. */
export async function serviceRows(db: DbOrTx, query: Omit<ServiceQuery, 'page' | 'pageSize'>, language: Language): Promise<string[][]> {
	const rows: string[][] = [columns.map((column) => translate(language, `return.export_${column}`))];
	for (let page = 1; ; page++) {
		const result = await findServices(db, { ...query, page, pageSize: 100 }, language);
		for (const item of result.items) {
			rows.push([
				item.organisation.name,
				pickText(item.name, language).text,
				item.services.map((stage) => translate(language, `return.stage_${stage}`)).join('; '),
				item.regions.map((code) => { const region = regions.find((row) => row.iso === code); return region ? placeNameIn(region, language) : code; }).join('; '),
				item.languages.join('; '),
				item.contact.email ?? '',
				item.contact.phone ?? '',
				item.contact.website ?? '',
				item.isSample ? translate(language, 'return.export_sample_yes') : ''
			]);
		}
		if (page * 100 >= result.total) break;
	}
	return rows;
}

export async function servicesCsv(db: DbOrTx, query: Omit<ServiceQuery, 'page' | 'pageSize'>, language: Language): Promise<string> {
	return toCsv(await serviceRows(db, query, language));
}

export async function servicesXlsx(db: DbOrTx, query: Omit<ServiceQuery, 'page' | 'pageSize'>, language: Language): Promise<Buffer> {
	return toXlsx(await serviceRows(db, query, language), { sheet: translate(language, 'return.export_sheet'), rightToLeft: language === 'ar' });
}
