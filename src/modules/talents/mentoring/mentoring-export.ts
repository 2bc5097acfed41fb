// The listed mentoring offers as open data: CSV (RFC 4180) or XLSX, stable headers; each talent only as their
// public card shows them (the same rows as the API).
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../../platform/ui/charts/csv.ts';
import { listOffers } from './mentoring.service.ts';

const columns = ['id', 'mentor', 'mentor_host_country', 'skills', 'occupation_isco08', 'languages', 'remote', 'hours_per_month', 'capacity', 'places_left', 'about', 'about_language', 'updated_at', 'is_sample'] as const;

/** Every page of the list with these filters (at most 1,200 offers). */
export async function offerRows(db: DbOrTx, filters: Record<string, string>): Promise<(string | number)[][]> {
	const rows: (string | number)[][] = [];
	for (let page = 1; page <= 50; page++) {
		const result = await listOffers(db, { ...filters, page });
		for (const item of result.items) {
			rows.push([
				item.id,
				item.mentor.name ?? item.mentor.pseudonym,
				item.mentor.hostCountry ?? '',
				item.skills.join(' | '),
				item.occupationCode ?? '',
				item.languages.join(' | '),
				item.remote ? 'true' : 'false',
				item.hoursPerMonth,
				item.capacity,
				item.placesLeft,
				item.about ?? '',
				item.aboutLanguage ?? '',
				item.updatedAt,
				item.isSample ? 'true' : 'false'
			]);
		}
		if (page * result.pageSize >= result.total) break;
	}
	return rows;
}

export const offersCsv = (rows: (string | number)[][]) => toCsv([[...columns], ...rows]);

export async function offersXlsx(rows: (string | number)[][], language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(translate(language, 'mentoring.sheet_title'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...columns]).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
