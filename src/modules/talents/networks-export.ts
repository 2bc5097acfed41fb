// The networks as open data: CSV (RFC 4180) or XLSX, headers stable, names in the three languages.
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../platform/db/database.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import { listNetworks } from './networks.service.ts';

const columns = ['slug', 'kind', 'name_fr', 'name_ar', 'name_en', 'country', 'area', 'skill', 'joining', 'members', 'sources', 'linked', 'is_sample'] as const;

export async function networkRows(db: DbOrTx): Promise<(string | number)[][]> {
	return (await listNetworks(db)).map((entry) => [
		entry.slug,
		entry.kind,
		entry.name.fr ?? '',
		entry.name.ar ?? '',
		entry.name.en ?? '',
		entry.country ?? '',
		entry.area ?? '',
		entry.skill ?? '',
		entry.joining,
		// fewer than 5: left empty, as on the pages
		entry.members ?? '',
		entry.sources.map((source) => source.citation).join(' | '),
		entry.linked.join(' | '),
		entry.isSample ? 'true' : 'false'
	]);
}

export const networksCsv = (rows: (string | number)[][]) => toCsv([[...columns], ...rows]);

export async function networksXlsx(rows: (string | number)[][], language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(translate(language, 'talents.networks_title'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...columns]).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
