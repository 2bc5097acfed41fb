// The programme's XLSX import (issue #13, item 2): planners download the strategy's export (the template:
// an actions sheet and a budget sheet), change it in their spreadsheet and import it back. The import reads
// each action's status and period and every budget line (action, year, funding source, currency, planned,
// committed, executed, note); it shows what would change and every problem, row by row, before anything is
// applied; applying writes it all in one transaction, refused when the programme changed since the preview.
// It also reads each action's titles, and adds the rows without an identifier as new actions under the
// objective they name (with their places and tags), whose budget lines the budget sheet gives by the new
// action's title. It reads each action's lead and partner bodies (organisations by name or acronym), places
// (national, or regions by code or name) and tags (GCM objectives, SDG targets), a name it does not know being
// a problem of its row. Domains, programmes, objectives and moves are edited on the plan pages.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { languages } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { readWorkbook, type Sheet } from '../../platform/tabular/spreadsheet.ts';
import { BudgetLineInput } from './budget.service.ts';
import { NODE_STATUSES, type NodeStatus } from './strategy.model.ts';
import { NewNode, NodeFields } from './strategy.schemas.ts';
import { insertNode, strategyBySlug, strategyResource, writeLinks } from './strategy.service.ts';
import { budgetLine, node, nodePartner, nodeRegion, nodeTag, type StrategyRow } from './strategy.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { regions as moroccanRegions } from '../../platform/geo/morocco.ts';

export const PROGRAMME_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 100_000;

/** The template's columns (the export's): those the import reads, and those it leaves (derived or shown). */
export const actionColumns = {
	read: ['id', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg'],
	/** read for a new action only (a row without id): where it goes */
	created: ['domain', 'programme', 'objective'],
	shown: ['sources', 'is_sample']
} as const;
export const budgetColumns = { read: ['action_id', 'year', 'funding_source', 'currency', 'planned', 'committed', 'executed', 'note'], created: ['action'], shown: ['is_sample'] } as const;
const requiredBudgetColumns = ['action_id', 'year', 'funding_source', 'planned', 'committed', 'executed'];

export interface ImportProblem {
	sheet: 'actions' | 'budget' | null;
	/** the row in the sheet (the header is row 1) */
	row: number | null;
	column: string | null;
	/** `strategy.import_problem_<key>` */
	key: string;
	values?: Record<string, string | number>;
}

type Amounts = { currency: string; planned: number; committed: number; executed: number; note: string | null };
export interface BudgetChange extends Amounts {
	nodeId: string;
	action: string;
	actionLanguage: 'fr' | 'ar' | 'en';
	year: number;
	fundingSource: string;
	before: Amounts | null;
}
type Titles = { fr?: string; ar?: string; en?: string };
/** An action's bodies (organisation ids, with their names as the file gave them), places and tags. */
export type ActionLinks = { leadOrganisationId: string | null; lead: string | null; partnerIds: string[]; partners: string[]; national: boolean; regions: string[]; gcm: string[]; sdg: string[] };
type Programming = { title: Titles; status: NodeStatus; periodStart: number | null; periodEnd: number | null; links?: ActionLinks };
export interface ActionChange extends Programming {
	nodeId: string;
	action: string;
	actionLanguage: 'fr' | 'ar' | 'en';
	before: Programming;
}
/** An action the file adds (a row without id); `key` stands for its id until it is created. */
export interface NewAction extends Programming {
	key: string;
	row: number;
	objectiveId: string;
	objective: string;
	action: string;
	actionLanguage: 'fr' | 'ar' | 'en';
	national: boolean;
	regions: string[];
	gcm: string[];
	sdg: string[];
}

export interface ProgrammeImportPlan {
	actions: ActionChange[];
	newActions: NewAction[];
	unchangedActions: number;
	budget: BudgetChange[];
	unchangedLines: number;
	/** lines of the programme the file does not hold: kept as they are */
	keptLines: number;
	problems: ImportProblem[];
}

export interface ProgrammeImportPreview extends ProgrammeImportPlan {
	/** the stored file and the programme's state it was read against, for applying it */
	file: string;
	state: string;
}

const refused = (reason: string, values?: Record<string, string | number>) => new AppError('invalid_input', { fields: [{ path: 'file', messageKey: 'field_invalid' }], extra: { reason, values } });

/** What a status cell may say: the code, or its name in any of the three languages (the export writes the name). */
function statusReader(): (value: string) => NodeStatus | null {
	const names = new Map<string, NodeStatus>();
	for (const status of NODE_STATUSES) {
		names.set(status, status);
		for (const language of languages) names.set(translate(language, `strategy.node_status_${status}`).trim().toLocaleLowerCase(), status);
	}
	return (value) => names.get(value.trim().toLocaleLowerCase()) ?? null;
}

const header = (cell: string | null) => (cell ?? '').trim().toLowerCase();

/** The first sheet whose header row (its first row) holds all the `markers`, with its columns. */
function sheetWith(sheets: Sheet[], ...markers: string[]) {
	for (const sheet of sheets) {
		const first = sheet.rows[0];
		if (!first) continue;
		const columns = first.cells.map(header);
		if (markers.every((marker) => columns.includes(marker))) return { sheet, columns, rows: sheet.rows.slice(1) };
	}
	return null;
}

/** A year cell: blank (null), a whole year between 1990 and 2100, or a problem (undefined). */
function yearOf(cell: string | null): number | null | undefined {
	if (cell === null) return null;
	const year = Number(cell.trim());
	return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
}

/** The programme's state: any write to its actions or budget lines (each one's time of change) changes it. */
async function programmeState(db: DbOrTx, strategyId: string): Promise<string> {
	const [row] = rowsOf<{ nodes: string | null; lines: string | null }>(
		await db.execute(sql`select
			(select md5(string_agg(n.id::text || n.updated_at::text, ',' order by n.id)) from strategy.node n where n.strategy_id = ${strategyId}) as nodes,
			(select md5(string_agg(l.id::text || l.updated_at::text, ',' order by l.id)) from strategy.budget_line l join strategy.node n on n.id = l.node_id where n.strategy_id = ${strategyId}) as lines`)
	);
	return `${row?.nodes ?? '-'}.${row?.lines ?? '-'}`;
}

const titleColumns = languages.map((language) => `title_${language}`);
const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
const listOf = (cell: string | null) => (cell ?? '').split(/[;,]/).map((part) => part.trim()).filter(Boolean);

type TreeRow = { id: string; kind: string; parentId: string | null; title: Titles };
/**
 * Finds the objective a new action goes under, by its title in any language, and by its programme's and
 * domain's titles when the row gives them (two objectives of the same name in different programmes).
 */
function objectiveFinder(tree: TreeRow[]) {
	const byId = new Map(tree.map((item) => [item.id, item]));
	const named = (item: TreeRow | undefined, text: string) => !!item && Object.values(item.title).some((title) => title && normalised(title) === text);
	return (objective: string, programme: string, domain: string) => {
		const [o, p, d] = [objective, programme, domain].map(normalised);
		return tree.filter((item) => {
			if (item.kind !== 'objective' || !named(item, o)) return false;
			const parent = byId.get(item.parentId ?? '');
			if (p && !named(parent, p)) return false;
			return !d || named(byId.get(parent?.parentId ?? ''), d);
		});
	};
}

/** A row without id as a new action: its objective found (problems pushed); its bodies, places and tags read with the row. */
function newActionOf(row: number, programming: Programming, cell: (name: string) => string | null, findObjective: ReturnType<typeof objectiveFinder>, problems: ImportProblem[]): NewAction | null {
	const objectiveName = cell('objective')?.trim() ?? '';
	const found = objectiveName ? findObjective(objectiveName, cell('programme') ?? '', cell('domain') ?? '') : [];
	if (found.length !== 1) {
		problems.push({ sheet: 'actions', row, column: 'objective', key: !objectiveName ? 'new_action_without_objective' : found.length ? 'objective_ambiguous' : 'unknown_objective', values: { objective: objectiveName } });
		return null;
	}
	const links = programming.links ?? noLinks;
	const language = (['fr', 'ar', 'en'] as const).find((candidate) => programming.title[candidate]) ?? 'fr';
	const [objective] = found;
	return {
		key: `new:${row}`,
		row,
		objectiveId: objective.id,
		objective: objective.title.fr ?? objective.title.en ?? objective.title.ar ?? '',
		action: programming.title[language] ?? '',
		actionLanguage: language,
		...programming,
		national: links.national,
		regions: links.national ? [] : links.regions,
		gcm: links.gcm,
		sdg: links.sdg
	};
}

const noLinks: ActionLinks = { leadOrganisationId: null, lead: null, partnerIds: [], partners: [], national: false, regions: [], gcm: [], sdg: [] };
const YES = ['true', 'oui', 'yes', '1', 'نعم'];
const sorted = (values: string[]) => [...new Set(values)].sort();
/** Two actions' links the same (the ids, not the names: a body renamed since is the same body). */
const sameLinks = (a: ActionLinks, b: ActionLinks) =>
	a.leadOrganisationId === b.leadOrganisationId && a.national === b.national && (['partnerIds', 'regions', 'gcm', 'sdg'] as const).every((field) => sorted(a[field]).join('|') === sorted(b[field]).join('|'));

/**
 * Reads the bodies, places and tags of an action's row, the columns the sheet has (the others stay as they
 * are): the lead and the partners (separated by `;`) by an organisation's name or acronym, `national`, the
 * regions by ISO code or name in any language (separated by `;` or `,`), the GCM objectives and SDG targets.
 * A name it does not know, or that names two organisations, is a problem of the row's cell.
 */
async function linksReader(db: DbOrTx) {
	const organisations = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation);
	const bodies = new Map<string, Set<string>>();
	const nameOf = new Map(organisations.map((entry) => [entry.id, entry.name]));
	for (const entry of organisations)
		for (const text of [entry.name, entry.acronym]) if (text) bodies.set(normalised(text), new Set([...(bodies.get(normalised(text)) ?? []), entry.id]));
	const places = new Map<string, string>();
	for (const region of moroccanRegions) for (const text of [region.iso, region.nameFr, region.nameAr, region.nameEn]) places.set(normalised(text), region.iso);
	const read = (row: number, before: ActionLinks, has: (name: string) => boolean, cell: (name: string) => string | null, problems: ImportProblem[]): ActionLinks => {
		const after: ActionLinks = { ...before };
		const body = (column: string, text: string) => {
			const found = [...(bodies.get(normalised(text)) ?? [])];
			if (found.length !== 1) problems.push({ sheet: 'actions', row, column, key: found.length ? 'body_ambiguous' : 'unknown_body', values: { name: text } });
			return found.length === 1 ? found[0]! : null;
		};
		if (has('lead')) {
			const text = cell('lead')?.trim() ?? '';
			const id = text ? body('lead', text) : null;
			after.leadOrganisationId = id;
			after.lead = id ? (nameOf.get(id) ?? text) : null;
		}
		if (has('partners')) {
			const ids = (cell('partners') ?? '').split(';').map((part) => part.trim()).filter(Boolean).map((text) => body('partners', text));
			after.partnerIds = [...new Set(ids.filter((id): id is string => id !== null))];
			after.partners = after.partnerIds.map((id) => nameOf.get(id) ?? id);
		}
		if (has('national')) after.national = YES.includes(normalised(cell('national') ?? ''));
		if (has('regions')) {
			const codes: string[] = [];
			for (const text of listOf(cell('regions'))) {
				const iso = places.get(normalised(text));
				if (iso) codes.push(iso);
				else problems.push({ sheet: 'actions', row, column: 'regions', key: 'unknown_region', values: { name: text } });
			}
			after.regions = sorted(codes);
		}
		const tags = NodeFields.pick({ gcm: true, sdg: true }).safeParse({ gcm: has('gcm') ? listOf(cell('gcm')) : before.gcm, sdg: has('sdg') ? listOf(cell('sdg')) : before.sdg });
		if (!tags.success) for (const column of new Set(tags.error.issues.map((issue) => String(issue.path[0])))) problems.push({ sheet: 'actions', row, column, key: 'bad_value', values: { value: cell(column) ?? '' } });
		else [after.gcm, after.sdg] = [sorted(tags.data.gcm), sorted(tags.data.sdg)];
		if (after.national) after.regions = [];
		return after;
	};
	return { read, nameOf };
}

/** The bodies, places and tags of a strategy's actions as they are. */
async function currentLinks(db: DbOrTx, strategyId: string, actions: { id: string; leadOrganisationId: string | null; national: boolean }[], nameOf: Map<string, string>) {
	const inStrategy = eq(node.strategyId, strategyId);
	const [partners, places, tags] = await Promise.all([
		db.select({ nodeId: nodePartner.nodeId, id: nodePartner.organisationId }).from(nodePartner).innerJoin(node, eq(node.id, nodePartner.nodeId)).where(inStrategy),
		db.select({ nodeId: nodeRegion.nodeId, region: nodeRegion.region }).from(nodeRegion).innerJoin(node, eq(node.id, nodeRegion.nodeId)).where(inStrategy),
		db.select({ nodeId: nodeTag.nodeId, scheme: nodeTag.scheme, code: nodeTag.code }).from(nodeTag).innerJoin(node, eq(node.id, nodeTag.nodeId)).where(inStrategy)
	]);
	const links = new Map<string, ActionLinks>(
		actions.map((action) => [action.id, { ...noLinks, partnerIds: [], partners: [], regions: [], gcm: [], sdg: [], leadOrganisationId: action.leadOrganisationId, lead: action.leadOrganisationId ? (nameOf.get(action.leadOrganisationId) ?? null) : null, national: action.national }])
	);
	for (const row of partners) links.get(row.nodeId)?.partnerIds.push(row.id);
	for (const row of places) links.get(row.nodeId)?.regions.push(row.region);
	for (const row of tags) links.get(row.nodeId)?.[row.scheme === 'gcm' ? 'gcm' : 'sdg'].push(row.code);
	for (const entry of links.values()) {
		entry.partnerIds = sorted(entry.partnerIds);
		entry.partners = entry.partnerIds.map((id) => nameOf.get(id) ?? id);
		entry.regions = sorted(entry.regions);
		entry.gcm = sorted(entry.gcm);
		entry.sdg = sorted(entry.sdg);
	}
	return links;
}

/** What the workbook would change in the strategy's programme, and every problem found (nothing is written). */
export async function planProgrammeImport(db: DbOrTx, owner: StrategyRow, sheets: Sheet[]): Promise<ProgrammeImportPlan> {
	const problems: ImportProblem[] = [];
	// the sheets are found by their columns (their names are in the language of the export)
	const actionsSheet = sheetWith(sheets, 'id', 'status');
	const budgetSheet = sheetWith(sheets, 'action_id');
	if (!actionsSheet && !budgetSheet) throw refused('import_no_sheet');

	const tree = await db
		.select({ id: node.id, kind: node.kind, parentId: node.parentId, title: node.title, status: node.status, periodStart: node.periodStart, periodEnd: node.periodEnd, leadOrganisationId: node.leadOrganisationId, national: node.national })
		.from(node)
		.where(eq(node.strategyId, owner.id));
	const actions = tree.filter((item) => item.kind === 'action');
	const byId = new Map(actions.map((action) => [action.id, action]));
	const findObjective = objectiveFinder(tree);
	const links = await linksReader(db);
	const linksBefore = await currentLinks(db, owner.id, actions, links.nameOf);
	// the action named in the language it was written in (the page marks it with its lang)
	const titleOf = (id: string) => {
		const title = byId.get(id)!.title;
		const language = (['fr', 'ar', 'en'] as const).find((candidate) => title[candidate]) ?? 'fr';
		return { action: title[language] ?? id, actionLanguage: language };
	};
	const known = (column: string, allowed: { read: readonly string[]; created: readonly string[]; shown: readonly string[] }, sheet: 'actions' | 'budget') => {
		const all = [...allowed.read, ...allowed.created, ...allowed.shown];
		if (column && !all.includes(column)) problems.push({ sheet, row: 1, column, key: 'unknown_column', values: { expected: all.join(', ') } });
	};

	// ── actions: titles, status and period; rows without id are new actions ──
	const actionChanges: ActionChange[] = [];
	const newActions: NewAction[] = [];
	let unchangedActions = 0;
	if (actionsSheet) {
		actionsSheet.columns.forEach((column) => known(column, actionColumns, 'actions'));
		const at = (name: string) => actionsSheet.columns.indexOf(name);
		const readStatus = statusReader();
		const seen = new Set<string>();
		for (const { position, cells } of actionsSheet.rows) {
			const cell = (name: string) => (at(name) >= 0 ? (cells[at(name)] ?? null) : null);
			const id = cell('id')?.trim() ?? '';
			const current = id ? byId.get(id) : undefined;
			if (id && !current) {
				problems.push({ sheet: 'actions', row: position, column: 'id', key: 'unknown_action', values: { id } });
				continue;
			}
			if (id && seen.has(id)) {
				problems.push({ sheet: 'actions', row: position, column: 'id', key: 'duplicate_action', values: { id } });
				continue;
			}
			seen.add(id);
			const before: Programming = current
				? { title: current.title, status: current.status, periodStart: current.periodStart, periodEnd: current.periodEnd, links: linksBefore.get(current.id)! }
				: { title: {}, status: 'planned', periodStart: null, periodEnd: null, links: noLinks };
			const after = { ...before };
			const rowProblems = problems.length;
			// the bodies, places and tags, from the columns the sheet has
			after.links = links.read(position, before.links!, (name) => at(name) >= 0, cell, problems);
			// the titles, when the sheet has their columns (a blank cell: no title in that language)
			if (titleColumns.some((column) => at(column) >= 0)) {
				const title: Titles = { ...before.title };
				for (const language of languages) {
					if (at(`title_${language}`) < 0) continue;
					const text = cell(`title_${language}`)?.trim() ?? '';
					if (text.length > 400) problems.push({ sheet: 'actions', row: position, column: `title_${language}`, key: 'title_too_long', values: { limit: 400 } });
					if (text) title[language] = text;
					else delete title[language];
				}
				if (!languages.some((language) => title[language])) problems.push({ sheet: 'actions', row: position, column: 'title_fr', key: current ? 'title_missing' : 'new_action_without_title' });
				after.title = title;
			} else if (!current) {
				problems.push({ sheet: 'actions', row: position, column: 'id', key: 'action_without_id' });
				continue;
			}
			if (at('status') >= 0 && (current || cell('status') !== null)) {
				const status = cell('status') === null ? null : readStatus(cell('status')!);
				if (!status) problems.push({ sheet: 'actions', row: position, column: 'status', key: 'bad_status', values: { value: cell('status') ?? '' } });
				else after.status = status;
			}
			for (const [column, field] of [['period_start', 'periodStart'], ['period_end', 'periodEnd']] as const) {
				if (at(column) < 0) continue;
				const year = yearOf(cell(column));
				if (year === undefined) problems.push({ sheet: 'actions', row: position, column, key: 'bad_year', values: { value: cell(column) ?? '' } });
				else after[field] = year;
			}
			if (problems.length === rowProblems && after.periodStart !== null && after.periodEnd !== null && after.periodStart > after.periodEnd) {
				problems.push({ sheet: 'actions', row: position, column: 'period_end', key: 'period_reversed' });
			}
			if (!current) {
				const created = newActionOf(position, after, cell, findObjective, problems);
				if (created && problems.length === rowProblems) newActions.push(created);
				continue;
			}
			if (problems.length > rowProblems) continue;
			const sameTitle = languages.every((language) => (after.title[language] ?? '') === (before.title[language] ?? ''));
			if (sameTitle && after.status === before.status && after.periodStart === before.periodStart && after.periodEnd === before.periodEnd && sameLinks(after.links!, before.links!)) unchangedActions++;
			else actionChanges.push({ nodeId: id, ...titleOf(id), before, ...after });
		}
	}
	// a new action's budget lines name it by one of its titles (no two new actions may share one)
	const newByTitle = new Map<string, NewAction | null>();
	for (const created of newActions)
		for (const text of new Set(Object.values(created.title).map(normalised))) newByTitle.set(text, newByTitle.has(text) ? null : created);

	// ── budget lines ──
	const budgetChanges: BudgetChange[] = [];
	let unchangedLines = 0;
	const existing = actions.length ? await db.select().from(budgetLine).where(inArray(budgetLine.nodeId, actions.map((action) => action.id))) : [];
	const lineKey = (nodeId: string, year: number, source: string) => `${nodeId}|${year}|${source}`;
	const existingByKey = new Map(existing.map((line) => [lineKey(line.nodeId, line.year, line.fundingSource), line]));
	const inFile = new Set<string>();
	if (budgetSheet) {
		budgetSheet.columns.forEach((column) => known(column, budgetColumns, 'budget'));
		for (const column of requiredBudgetColumns) if (!budgetSheet.columns.includes(column)) problems.push({ sheet: 'budget', row: 1, column, key: 'missing_column' });
		const at = (name: string) => budgetSheet.columns.indexOf(name);
		if (requiredBudgetColumns.every((column) => at(column) >= 0)) {
			for (const { position, cells } of budgetSheet.rows) {
				const cell = (name: string) => (at(name) >= 0 ? (cells[at(name)] ?? null) : null);
				const givenId = cell('action_id')?.trim() ?? '';
				const created = givenId ? undefined : newByTitle.get(normalised(cell('action') ?? ''));
				if (!givenId && created === null) {
					problems.push({ sheet: 'budget', row: position, column: 'action', key: 'new_action_ambiguous', values: { title: cell('action') ?? '' } });
					continue;
				}
				const nodeId = created ? created.key : givenId;
				if (!created && !byId.has(nodeId)) {
					problems.push({ sheet: 'budget', row: position, column: 'action_id', key: nodeId ? 'unknown_action' : 'action_without_id', values: { id: nodeId } });
					continue;
				}
				const parsed = BudgetLineInput.safeParse({
					year: cell('year') ?? '',
					fundingSource: cell('funding_source') ?? '',
					currency: cell('currency') ?? undefined,
					planned: cell('planned') ?? '',
					committed: cell('committed') ?? '',
					executed: cell('executed') ?? '',
					note: cell('note') ?? ''
				});
				if (!parsed.success) {
					const columnOf: Record<string, string> = { year: 'year', fundingSource: 'funding_source', currency: 'currency', planned: 'planned', committed: 'committed', executed: 'executed', note: 'note' };
					for (const issue of parsed.error.issues) {
						const column = columnOf[String(issue.path[0])] ?? null;
						problems.push({ sheet: 'budget', row: position, column, key: 'bad_value', values: { value: column ? (cell(column) ?? '') : '' } });
					}
					continue;
				}
				const line = parsed.data;
				if (owner.periodStart !== null && owner.periodEnd !== null && (line.year < owner.periodStart || line.year > owner.periodEnd)) {
					problems.push({ sheet: 'budget', row: position, column: 'year', key: 'year_outside', values: { year: line.year, start: owner.periodStart, end: owner.periodEnd } });
					continue;
				}
				// money spent above what was committed happens, but must be explained (as on the action's page)
				if (line.executed > line.committed && !line.note) {
					problems.push({ sheet: 'budget', row: position, column: 'note', key: 'executed_above_committed' });
					continue;
				}
				const key = lineKey(nodeId, line.year, line.fundingSource);
				if (inFile.has(key)) {
					problems.push({ sheet: 'budget', row: position, column: 'funding_source', key: 'duplicate_line', values: { year: line.year, source: line.fundingSource } });
					continue;
				}
				inFile.add(key);
				const before = existingByKey.get(key);
				const after: Amounts = { currency: line.currency, planned: line.planned, committed: line.committed, executed: line.executed, note: line.note ?? null };
				const same =
					before && before.currency === after.currency && Number(before.planned) === after.planned && Number(before.committed) === after.committed && Number(before.executed) === after.executed && (before.note ?? null) === after.note;
				if (same) unchangedLines++;
				else
					budgetChanges.push({
						nodeId,
						...(created ? { action: created.action, actionLanguage: created.actionLanguage } : titleOf(nodeId)),
						year: line.year,
						fundingSource: line.fundingSource,
						...after,
						before: before ? { currency: before.currency, planned: Number(before.planned), committed: Number(before.committed), executed: Number(before.executed), note: before.note } : null
					});
			}
		}
	}
	const keptLines = existing.filter((line) => !inFile.has(lineKey(line.nodeId, line.year, line.fundingSource))).length;
	return { actions: actionChanges, newActions, unchangedActions, budget: budgetChanges, unchangedLines, keptLines, problems };
}

/** Where a previewed workbook waits: under its day, so that those never applied go after two days. */
const IMPORTS = 'strategy-imports';
const fileKey = (bytes: Uint8Array, now: Date) => `${IMPORTS}/${now.toISOString().slice(0, 10)}/${createHash('sha256').update(bytes).digest('hex')}.xlsx`;

/** Removes the previewed workbooks of days before yesterday (never applied); returns how many. */
export async function removeStaleImports(files: NonNullable<RequestContext['files']>, now: Date): Promise<number> {
	const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
	let removed = 0;
	for await (const key of files.list(`${IMPORTS}/`)) {
		const day = key.split('/')[1] ?? '';
		if (day < yesterday) {
			await files.delete(key);
			removed++;
		}
	}
	return removed;
}

async function workbookOf(bytes: Uint8Array) {
	if (bytes.byteLength === 0) throw refused('import_empty');
	if (bytes.byteLength > PROGRAMME_IMPORT_MAX_BYTES) throw refused('import_too_large', { limit: `${PROGRAMME_IMPORT_MAX_BYTES / 1024 / 1024} MB` });
	const sheets = await readWorkbook(bytes, { maxRows: MAX_ROWS });
	if (!sheets) throw refused('import_unreadable');
	return sheets;
}

/** Reads an uploaded workbook against the strategy's programme: what would change and the problems. The file is kept for applying it. */
export async function previewProgrammeImport(ctx: RequestContext, slug: string, bytes: Uint8Array): Promise<ProgrammeImportPreview> {
	const owner = await strategyBySlug(ctx.db, slug);
	ctx.require('strategy.plan', strategyResource(owner));
	const sheets = await workbookOf(bytes);
	// the state first: a write during the check makes the state differ, and Apply refuses
	const state = await programmeState(ctx.db, owner.id);
	const plan = await planProgrammeImport(ctx.db, owner, sheets);
	if (!ctx.files) throw new Error('No file store: the programme import keeps the file between its preview and its application.');
	const file = fileKey(bytes, ctx.now());
	if (!(await ctx.files.exists(file))) await ctx.files.put(file, bytes);
	// what was checked, kept beside the file: Apply writes it as long as the programme is in the same state
	const checked: CheckedPlan = { strategyId: owner.id, state, plan };
	await ctx.files.put(planKey(file), new TextEncoder().encode(JSON.stringify(checked)));
	return { ...plan, file, state };
}

interface CheckedPlan {
	strategyId: string;
	state: string;
	plan: ProgrammeImportPlan;
}

const planKey = (file: string) => file.replace(/\.xlsx$/, '.plan.json');

/**
 * Applies the plan checked by the preview in one transaction, audited as one import listing every change:
 * refused when it has problems, when it is gone (applied, or older than two days), or when the programme
 * changed since the preview (its state then differs: the plan may no longer be right).
 */
export async function applyProgrammeImport(ctx: RequestContext, slug: string, previewed: { file: string; state: string }) {
	if (!/^strategy-imports\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{64}\.xlsx$/.test(previewed.file)) throw new AppError('not_found');
	const stored = await ctx.files?.get(planKey(previewed.file));
	if (!stored) throw refused('import_file_gone');
	const checked = JSON.parse(new TextDecoder().decode(stored)) as CheckedPlan;
	const applied = await ctx.transaction(async (tx) => {
		const owner = await strategyBySlug(tx.db, slug);
		tx.require('strategy.plan', strategyResource(owner));
		// one import at a time per strategy, and none while its programme changes
		await tx.db.execute(sql`select id from strategy.strategy where id = ${owner.id} for update`);
		// the plan checked against this very state of the programme is still right
		if (checked.strategyId !== owner.id || checked.state !== previewed.state || (await programmeState(tx.db, owner.id)) !== previewed.state) {
			throw new AppError('conflict', { extra: { reason: 'import_changed' } });
		}
		const plan = checked.plan;
		if (plan.problems.length) throw refused('import_has_problems', { count: plan.problems.length });
		const now = tx.now();
		for (const change of plan.actions) {
			const links = change.links;
			await tx.db
				.update(node)
				.set({ title: change.title, status: change.status, periodStart: change.periodStart, periodEnd: change.periodEnd, ...(links ? { leadOrganisationId: links.leadOrganisationId, national: links.national } : {}), updatedAt: now })
				.where(eq(node.id, change.nodeId));
			// its partners, places and tags as the file gives them (the ids checked by the preview; a body removed since fails the transaction)
			if (links && (!change.before.links || !sameLinks(links, change.before.links))) await writeLinks(tx.db, change.nodeId, { partnerIds: links.partnerIds, national: links.national, regions: links.regions, ...(links as Pick<Parameters<typeof writeLinks>[2], 'gcm' | 'sdg'>) });
		}
		// the new actions, each under its objective (the tree's rules and the audit of any new node), then their lines
		const createdIds = new Map<string, string>();
		for (const created of plan.newActions ?? []) {
			const data = NewNode.parse({
				kind: 'action',
				parentId: created.objectiveId,
				title: created.title,
				originalLanguage: created.actionLanguage,
				status: created.status,
				periodStart: created.periodStart,
				periodEnd: created.periodEnd,
				national: created.national,
				regions: created.regions,
				leadOrganisationId: created.links?.leadOrganisationId ?? undefined,
				partnerIds: created.links?.partnerIds ?? [],
				gcm: created.gcm,
				sdg: created.sdg
			});
			createdIds.set(created.key, (await insertNode(tx, owner, data)).id);
		}
		const lineNode = (nodeId: string) => createdIds.get(nodeId) ?? nodeId;
		// the lines in chunks, each an insert that updates the line of the same action, year and source
		for (let start = 0; start < plan.budget.length; start += 500) {
			const chunk = plan.budget.slice(start, start + 500);
			await tx.db
				.insert(budgetLine)
				.values(chunk.map((line) => ({ nodeId: lineNode(line.nodeId), year: line.year, fundingSource: line.fundingSource, currency: line.currency, planned: line.planned, committed: line.committed, executed: line.executed, note: line.note, createdAt: now, updatedAt: now })))
				.onConflictDoUpdate({
					target: [budgetLine.nodeId, budgetLine.year, budgetLine.fundingSource],
					set: { currency: sql`excluded.currency`, planned: sql`excluded.planned`, committed: sql`excluded.committed`, executed: sql`excluded.executed`, note: sql`excluded.note`, updatedAt: now }
				});
		}
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_programme.import',
			resourceType: 'strategy',
			resourceId: owner.id,
			after: {
				file: previewed.file,
				actions: plan.actions.map(({ nodeId, before, title, status, periodStart, periodEnd, links }) => ({ nodeId, before, after: { title, status, periodStart, periodEnd, links } })),
				created: [...createdIds.values()],
				budget: plan.budget.map(({ nodeId, year, fundingSource, before, currency, planned, committed, executed, note }) => ({ nodeId: lineNode(nodeId), year, fundingSource, before, after: { currency, planned, committed, executed, note } }))
			}
		});
		return { actions: plan.actions.length, created: createdIds.size, lines: plan.budget.length };
	});
	await ctx.files?.delete(previewed.file);
	await ctx.files?.delete(planKey(previewed.file));
	return applied;
}
