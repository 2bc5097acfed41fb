// A strategy's indicators with their targets and approved values as open data: one row per indicator,
// year and place (the national total, or a region), and one per part of a value broken down by sex, age
// group or nationality (columns dimension and category), CSV (RFC 4180) or XLSX.
import ExcelJS from 'exceljs';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { IndicatorView } from './results.service.ts';

const columns = ['indicator_code', 'definition_fr', 'definition_ar', 'definition_en', 'unit', 'level', 'disaggregations', 'baseline_value', 'baseline_year', 'year', 'region', 'target', 'actual', 'light', 'ratio_percent', 'is_sample', 'dimension', 'category'] as const;

export function indicatorTable(items: IndicatorView[]): (string | number)[][] {
	const rows: (string | number)[][] = [];
	for (const item of items) {
		const head = [item.code, item.definitions.fr ?? '', item.definitions.ar ?? '', item.definitions.en ?? '', item.unit, item.level, item.disaggregations.join('; '), item.baselineValue ?? '', item.baselineYear ?? ''];
		for (const year of item.years) {
			if (year.target == null && year.actual == null) continue;
			// the year's total (or sum of regions) first, then each region's approved value
			const sample = item.isSample ? 'true' : 'false';
			rows.push([...head, year.year, '', year.target ?? '', year.actual ?? '', year.light, year.ratio ?? '', sample, '', '']);
			// the national total's parts, then each region's value and its parts (dimension sex|age|nationality)
			for (const part of year.parts) rows.push([...head, year.year, '', '', part.value, '', '', sample, part.dimension, part.category]);
			for (const region of year.regions) {
				rows.push([...head, year.year, region.region, '', region.value, '', '', sample, '', '']);
				for (const part of region.parts) rows.push([...head, year.year, region.region, '', part.value, '', '', sample, part.dimension, part.category]);
			}
		}
	}
	return rows;
}

export const indicatorsCsv = (table: (string | number)[][]) => toCsv([[...columns], ...table]);

export async function indicatorsXlsx(table: (string | number)[][], sheetName: string, language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...columns]).font = { bold: true };
	for (const row of table) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
