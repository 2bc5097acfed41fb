// The published missions as open data: CSV (RFC 4180) or XLSX, stable headers, texts in the three languages.
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../../platform/ui/charts/csv.ts';
import { listMissions } from './missions.service.ts';

const columns = ['slug', 'title_fr', 'title_ar', 'title_en', 'organisation', 'region', 'sector', 'skills', 'occupation_isco08', 'mode', 'starts_on', 'ends_on', 'status', 'published_at', 'is_sample'] as const;

/** Every page of the list with these filters (at most 1,000 missions). */
export async function missionRows(db: DbOrTx, filters: Record<string, string>): Promise<(string | number)[][]> {
	const rows: (string | number)[][] = [];
	for (let page = 1; page <= 50; page++) {
		const result = await listMissions(db, { ...filters, page });
		for (const item of result.items) {
			rows.push([
				item.slug,
				item.title.fr ?? '',
				item.title.ar ?? '',
				item.title.en ?? '',
				item.organisation.name,
				item.region,
				item.sector,
				item.skills.join(' | '),
				item.occupationCode ?? '',
				item.mode,
				item.startsOn ?? '',
				item.endsOn ?? '',
				item.status,
				item.publishedAt,
				item.isSample ? 'true' : 'false'
			]);
		}
		if (page * result.pageSize >= result.total) break;
	}
	return rows;
}

export const missionsCsv = (rows: (string | number)[][]) => toCsv([[...columns], ...rows]);

export async function missionsXlsx(rows: (string | number)[][], language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(translate(language, 'missions.list_title'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...columns]).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
