// A strategy's actions as open data: CSV (RFC 4180) or XLSX, one row per action with its path in the tree.
import ExcelJS from 'exceljs';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import type { TreeNode } from './strategy.schemas.ts';
import type { BudgetLineRow } from './strategy.table.ts';

const columns = ['id', 'domain', 'programme', 'objective', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg', 'sources', 'is_sample'] as const;

export function actionTable(rows: { domain: string; programme: string; objective: string; action: TreeNode }[], language: Language): (string | number)[][] {
	return rows.map(({ domain, programme, objective, action }) => [
		action.id,
		domain,
		programme,
		objective,
		action.titles.fr ?? '',
		action.titles.ar ?? '',
		action.titles.en ?? '',
		translate(language, `strategy.node_status_${action.status}`),
		action.periodStart ?? '',
		action.periodEnd ?? '',
		action.lead ?? '',
		action.partners.join('; '),
		action.national ? 'true' : 'false',
		action.regions.join('; '),
		action.gcm.join('; '),
		action.sdg.join('; '),
		action.sources.map((source) => source.citation).join(' | '),
		action.isSample ? 'true' : 'false'
	]);
}

const budgetColumns = ['action_id', 'action', 'year', 'funding_source', 'currency', 'planned', 'committed', 'executed', 'note', 'is_sample'] as const;

/** The budget lines of the exported actions, one row each (a second table: an action has many). */
export function budgetTable(lines: BudgetLineRow[], titles: Map<string, string>): (string | number)[][] {
	return lines.map((line) => [line.nodeId, titles.get(line.nodeId) ?? '', line.year, line.fundingSource, line.currency, Number(line.planned), Number(line.committed), Number(line.executed), line.note ?? '', line.isSample ? 'true' : 'false']);
}

export const budgetCsv = (table: (string | number)[][]) => toCsv([[...budgetColumns], ...table]);

export const actionsCsv = (table: (string | number)[][]) => toCsv([[...columns], ...table]);

export async function actionsXlsx(table: (string | number)[][], sheetName: string, language: Language, budget?: { name: string; rows: (string | number)[][] }): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	// a sheet's name is at most 31 characters and has no []:*?/\
	const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...columns]).font = { bold: true };
	for (const row of table) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	if (budget) {
		const second = workbook.addWorksheet(budget.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
		second.addRow([...budgetColumns]).font = { bold: true };
		for (const row of budget.rows) second.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
