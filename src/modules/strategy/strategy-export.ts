// A strategy's actions as open data: CSV (RFC 4180) or XLSX, one row per action with its path in the tree; the XLSX
// also holds the actions' budget lines and the structure (domains, programmes, objectives): the import's template.
import ExcelJS from 'exceljs';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import type { TreeNode } from './strategy.schemas.ts';
import type { BudgetLineRow } from './strategy.table.ts';

const columns = ['id', 'domain', 'programme', 'objective', 'objective_id', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg', 'sources', 'is_sample'] as const;

export function actionTable(rows: { domain: string; programme: string; objective: string; objectiveId: string; action: TreeNode }[], language: Language): (string | number)[][] {
	return rows.map(({ domain, programme, objective, objectiveId, action }) => [
		action.id,
		domain,
		programme,
		objective,
		objectiveId,
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

const structureColumns = ['id', 'kind', 'parent_id', 'parent', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg', 'sources', 'is_sample'] as const;

/** The domains, programmes and objectives of a tree, a row each in the tree's order, with their parent (id and title). */
export function structureTable(tree: TreeNode[], language: Language): (string | number)[][] {
	const rows: (string | number)[][] = [];
	const walk = (items: TreeNode[], parent: TreeNode | null) => {
		for (const item of items) {
			if (item.kind === 'action') continue;
			rows.push([
				item.id,
				translate(language, `strategy.kind_${item.kind}`),
				parent?.id ?? '',
				parent?.title ?? '',
				item.titles.fr ?? '',
				item.titles.ar ?? '',
				item.titles.en ?? '',
				translate(language, `strategy.node_status_${item.status}`),
				item.periodStart ?? '',
				item.periodEnd ?? '',
				item.lead ?? '',
				item.partners.join('; '),
				item.national ? 'true' : 'false',
				item.regions.join('; '),
				item.gcm.join('; '),
				item.sdg.join('; '),
				item.sources.map((source) => source.citation).join(' | '),
				item.isSample ? 'true' : 'false'
			]);
			walk(item.children, item);
		}
	};
	walk(tree, null);
	return rows;
}

export const budgetCsv = (table: (string | number)[][]) => toCsv([[...budgetColumns], ...table]);

export const structureCsv = (table: (string | number)[][]) => toCsv([[...structureColumns], ...table]);

export const actionsCsv = (table: (string | number)[][]) => toCsv([[...columns], ...table]);

type Table = { name: string; rows: (string | number)[][] };

/** The workbook: the actions' sheet, then (when given) the budget lines' and the structure's. */
export async function actionsXlsx(table: (string | number)[][], sheetName: string, language: Language, budget?: Table, structure?: Table): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const add = (name: string, header: readonly string[], rows: (string | number)[][]) => {
		// a sheet's name is at most 31 characters and has no []:*?/\
		const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
		sheet.addRow([...header]).font = { bold: true };
		for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	};
	add(sheetName, columns, table);
	if (budget) add(budget.name, budgetColumns, budget.rows);
	if (structure) add(structure.name, structureColumns, structure.rows);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
