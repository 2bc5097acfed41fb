// The differences between two programme versions as open data (CSV, RFC 4180, or XLSX): one row per changed
// field of a node, per budget line added, removed or changed, and per total by year and currency. Titles and
// texts stay in every language the snapshots hold; amounts are before / after / difference, never converted.
import ExcelJS from 'exceljs';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { Amount, NodeRef, ProgrammeDiff } from './programme-versions.schemas.ts';

export const diffColumns = [
	'section',
	'change',
	'node_id',
	'kind',
	'path_fr',
	'title_fr',
	'title_ar',
	'title_en',
	'field',
	'before',
	'after',
	'year',
	'funding_source',
	'currency',
	'planned_before',
	'planned_after',
	'planned_difference',
	'committed_before',
	'committed_after',
	'committed_difference',
	'executed_before',
	'executed_after',
	'executed_difference',
	'note',
	'is_sample'
] as const;

type Row = (string | number)[];
const blank = (count: number): Row => Array.from({ length: count }, () => '');
const text = (value: unknown): string => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value));
const amounts = (value: Amount): Row => [value.before ?? '', value.after ?? '', value.difference];
// the place in the tree, in French (the snapshots' default language), then each title in its language
const nodeCells = (item: NodeRef): Row => [item.id, item.kind, item.path.map((title) => title.fr ?? title.en ?? title.ar ?? '').join(' › '), item.title.fr ?? '', item.title.ar ?? '', item.title.en ?? ''];

/** The rows of the differences, in the order the comparison page shows them. */
export function diffTable(diff: ProgrammeDiff): Row[] {
	const rows: Row[] = [];
	for (const [section, changes] of [
		['action', diff.actions],
		['structure', diff.structure]
	] as const) {
		for (const item of changes.added) rows.push([section, 'added', ...nodeCells(item), ...blank(16), item.isSample ? 'true' : 'false']);
		for (const item of changes.removed) rows.push([section, 'removed', ...nodeCells(item), ...blank(16), item.isSample ? 'true' : 'false']);
		for (const item of changes.changed)
			for (const change of item.changes) {
				// sources are separated as the actions' export separates them (a citation may hold a semicolon)
				const shown = (value: unknown) => (change.field === 'sources' && Array.isArray(value) ? value.join(' | ') : text(value));
				const before = change.field === 'parent' ? (item.pathBefore ?? []).map((title) => title.fr ?? '').join(' › ') : shown(change.before);
				const after = change.field === 'parent' ? item.path.map((title) => title.fr ?? '').join(' › ') : shown(change.after);
				rows.push([section, 'changed', ...nodeCells(item), change.field, before, after, ...blank(13), item.isSample ? 'true' : 'false']);
			}
	}
	for (const entry of diff.lines)
		for (const line of entry.lines)
			rows.push([
				'budget_line',
				line.change,
				...nodeCells(entry.action),
				'',
				line.currencyBefore && line.currencyBefore !== line.currency ? line.currencyBefore : '',
				'',
				line.year,
				line.fundingSource,
				line.currency,
				...amounts(line.planned),
				...amounts(line.committed),
				...amounts(line.executed),
				line.note ?? line.noteBefore ?? '',
				entry.action.isSample ? 'true' : 'false'
			]);
	for (const total of diff.totals) rows.push(['total_year', '', ...blank(9), total.year, '', total.currency, ...amounts(total.planned), ...amounts(total.committed), ...amounts(total.executed), '', '']);
	for (const total of diff.totalsByCurrency) rows.push(['total', '', ...blank(10), '', total.currency, ...amounts(total.planned), ...amounts(total.committed), ...amounts(total.executed), '', '']);
	return rows;
}

export const diffCsv = (rows: Row[]) => toCsv([[...diffColumns], ...rows]);

export async function diffXlsx(rows: Row[], sheetName: string, language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow([...diffColumns]).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
