// The programme's XLSX import (issue #13, item 2): planners download the strategy's export (the template: a
// sheet of actions, one of budget lines and one of the structure — its domains, programmes and objectives),
// change it in their spreadsheet and import it back; a new strategy is started from the empty template. The
// import reads each node's titles, status, period, lead and partner bodies (organisations by name or acronym),
// places (national, or regions by code or name) and tags (GCM objectives, SDG targets), a name it does not know
// being a problem of its row; the structure sheet also gives each domain, programme and objective its parent
// (by id, or by title for a parent the file adds), and its rows without an identifier are new nodes; the
// actions sheet's rows without one are new actions under the objective they name (an existing one or one the
// structure sheet adds), whose budget lines the budget sheet gives by the new action's title; and every budget
// line (action, year, funding source, currency, planned, committed, executed, note). It shows what would change
// and every problem, row by row, before anything is applied; applying writes it all in one transaction, refused
// when the programme changed since the preview. An action moves to another objective by its `objective_id` (or,
// that cell blank, by the objective's title), and a row whose `remove` cell says yes removes its node — with what
// it holds, under the plan pages' rule (strategy.service.ts `checkRemoval`): the preview names what goes, and
// Apply asks for the same two confirmations as the plan page.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { languages } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { readWorkbook, type Sheet } from '../../platform/tabular/spreadsheet.ts';
import { BudgetLineInput } from './budget.service.ts';
import { NODE_KINDS, NODE_STATUSES, PARENT_KIND, type NodeKind, type NodeStatus } from './strategy.model.ts';
import { NewNode, NodeFields } from './strategy.schemas.ts';
import { checkRemoval, deleteNode, heldByNodes, insertNodes, snapshotOf, strategyBySlug, strategyResource, sumContents, writeLinks, type RemovalContents } from './strategy.service.ts';
import { budgetLine, node, nodePartner, nodeRegion, nodeTag, type StrategyRow } from './strategy.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { placesOf } from './places.ts';

export const PROGRAMME_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 100_000;

/** The template's columns (the export's): those the import reads, and those it leaves (derived or shown). */
export const actionColumns = {
	read: ['id', 'objective_id', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg'],
	/** where a new action goes (a row without id), or an action moved whose `objective_id` is blank: the objective by its title */
	created: ['domain', 'programme', 'objective'],
	/** a column the planner adds: yes in a row removes its action (or node) */
	removal: ['remove'],
	shown: ['sources', 'is_sample']
} as const;
export const budgetColumns = { read: ['action_id', 'year', 'funding_source', 'currency', 'planned', 'committed', 'executed', 'note'], created: ['action'], removal: [], shown: ['is_sample'] } as const;
/** The structure sheet: a domain, programme or objective a row (the tree's order), with its parent. */
export const structureColumns = {
	read: ['id', 'kind', 'parent_id', 'title_fr', 'title_ar', 'title_en', 'status', 'period_start', 'period_end', 'lead', 'partners', 'national', 'regions', 'gcm', 'sdg'],
	/** read when `parent_id` is blank: the parent by its title (one the file adds has no id yet) */
	created: ['parent'],
	removal: ['remove'],
	shown: ['sources', 'is_sample']
} as const;
const requiredBudgetColumns = ['action_id', 'year', 'funding_source', 'planned', 'committed', 'executed'];

type ImportSheet = 'structure' | 'actions' | 'budget';
export interface ImportProblem {
	sheet: ImportSheet | null;
	/** the row in the sheet (the header is row 1) */
	row: number | null;
	column: string | null;
	/** `strategy.import_problem_<key>` */
	key: string;
	values?: Record<string, string | number>;
}

type Language = 'fr' | 'ar' | 'en';
type Amounts = { currency: string; planned: number; committed: number; executed: number; note: string | null };
export interface BudgetChange extends Amounts {
	nodeId: string;
	action: string;
	actionLanguage: Language;
	year: number;
	fundingSource: string;
	before: Amounts | null;
}
type Titles = { fr?: string; ar?: string; en?: string };
/** A node's bodies (organisation ids, with their names as the file gave them), places and tags. */
export type NodeLinks = { leadOrganisationId: string | null; lead: string | null; partnerIds: string[]; partners: string[]; national: boolean; regions: string[]; gcm: string[]; sdg: string[] };
type Programming = { title: Titles; status: NodeStatus; periodStart: number | null; periodEnd: number | null; links?: NodeLinks };
/** An action's objective: its id (or the key of one the structure sheet adds) and title. */
type ActionPlace = { parentId: string; parent: string; parentLanguage: Language };
/** An action the file changes: its own data, and its objective when it moves to another. */
export interface ActionChange extends Programming, ActionPlace {
	nodeId: string;
	action: string;
	actionLanguage: Language;
	before: Programming & ActionPlace;
}
/** An action the file adds (a row without id); `key` stands for its id until it is created. */
export interface NewAction extends Programming {
	key: string;
	row: number;
	/** an objective's id, or the key of one the structure sheet adds */
	objectiveId: string;
	objective: string;
	action: string;
	actionLanguage: Language;
	national: boolean;
	regions: string[];
	gcm: string[];
	sdg: string[];
}
/** Where a domain, programme or objective sits: its parent's id (or the key of a new one; null for a domain) and title. */
type Place = { parentId: string | null; parent: string | null; parentLanguage: Language };
/** A domain, programme or objective the file changes: its own data, and its parent when it moves. */
export interface NodeChange extends Programming, Place {
	nodeId: string;
	kind: NodeKind;
	node: string;
	nodeLanguage: Language;
	before: Programming & Place;
}
/** A domain, programme or objective the file adds (a row of the structure sheet without id), under its parent. */
export interface NewNodeRow extends Programming, Place {
	key: string;
	row: number;
	kind: NodeKind;
	node: string;
	nodeLanguage: Language;
}

/** A node the file removes (its `remove` cell), with what goes with it: the nodes below it as the import leaves the tree, and all they hold. */
export interface NodeRemoval extends RemovalContents {
	nodeId: string;
	sheet: 'structure' | 'actions';
	row: number;
	kind: NodeKind;
	node: string;
	nodeLanguage: Language;
	parent: string | null;
	parentLanguage: Language;
}

export interface ProgrammeImportPlan {
	/** the nodes the file removes (a node below another removed goes with it, counted there) */
	removals: NodeRemoval[];
	nodes: NodeChange[];
	newNodes: NewNodeRow[];
	unchangedNodes: number;
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

/** What a kind cell may say: the code, or its name in any of the three languages (the export writes the name). */
function kindReader(): (value: string) => NodeKind | null {
	const names = new Map<string, NodeKind>();
	for (const kind of NODE_KINDS) {
		names.set(kind, kind);
		for (const language of languages) names.set(translate(language, `strategy.kind_${kind}`).trim().toLocaleLowerCase(), kind);
	}
	return (value) => names.get(value.trim().toLocaleLowerCase()) ?? null;
}

/** The first sheet whose header row (its first row) holds all the `markers` and none of `without`, with its columns. */
function sheetWith(sheets: Sheet[], markers: string[], without: string[] = []) {
	for (const sheet of sheets) {
		const first = sheet.rows[0];
		if (!first) continue;
		const columns = first.cells.map(header);
		if (markers.every((marker) => columns.includes(marker)) && !without.some((column) => columns.includes(column))) return { sheet, columns, rows: sheet.rows.slice(1) };
	}
	return null;
}

/** A year cell: blank (null), a whole year between 1990 and 2100, or a problem (undefined). */
function yearOf(cell: string | null): number | null | undefined {
	if (cell === null) return null;
	const year = Number(cell.trim());
	return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
}

/** The programme's state: any write to its nodes or budget lines (each one's time of change) changes it. */
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
/** A node's title in the first language it has one in (the page marks it with its lang). */
function titleIn(title: Titles, fallback = ''): { text: string; language: Language } {
	const language = (['fr', 'ar', 'en'] as const).find((candidate) => title[candidate]) ?? 'fr';
	return { text: title[language] ?? fallback, language };
}

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
function newActionOf(
	row: number,
	programming: Programming,
	cell: (name: string) => string | null,
	findObjective: ReturnType<typeof objectiveFinder>,
	problems: ImportProblem[],
	planned: Map<string, PlannedNode>
): NewAction | null {
	// an objective's id (`objective_id`), else its title
	const objectiveId = cell('objective_id')?.trim() ?? '';
	if (objectiveId && planned.get(objectiveId)?.kind !== 'objective') {
		problems.push({ sheet: 'actions', row, column: 'objective_id', key: 'unknown_objective_id', values: { objective: objectiveId } });
		return null;
	}
	const objectiveName = cell('objective')?.trim() ?? '';
	const found = objectiveId ? [{ id: objectiveId, title: planned.get(objectiveId)!.title }] : objectiveName ? findObjective(objectiveName, cell('programme') ?? '', cell('domain') ?? '') : [];
	if (found.length !== 1) {
		problems.push({ sheet: 'actions', row, column: 'objective', key: !objectiveName ? 'new_action_without_objective' : found.length ? 'objective_ambiguous' : 'unknown_objective', values: { objective: objectiveName } });
		return null;
	}
	const links = programming.links ?? noLinks;
	const title = titleIn(programming.title);
	const [objective] = found;
	return {
		key: `new:${row}`,
		row,
		objectiveId: objective.id,
		objective: objective.title.fr ?? objective.title.en ?? objective.title.ar ?? '',
		action: title.text,
		actionLanguage: title.language,
		...programming,
		national: links.national,
		regions: links.national ? [] : links.regions,
		gcm: links.gcm,
		sdg: links.sdg
	};
}

const noLinks: NodeLinks = { leadOrganisationId: null, lead: null, partnerIds: [], partners: [], national: false, regions: [], gcm: [], sdg: [] };
const YES = ['true', 'oui', 'yes', '1', 'نعم'];
const sorted = (values: string[]) => [...new Set(values)].sort();
/** Two nodes' links the same (the ids, not the names: a body renamed since is the same body). */
const sameLinks = (a: NodeLinks, b: NodeLinks) =>
	a.leadOrganisationId === b.leadOrganisationId && a.national === b.national && (['partnerIds', 'regions', 'gcm', 'sdg'] as const).every((field) => sorted(a[field]).join('|') === sorted(b[field]).join('|'));

/**
 * Reads the bodies, places and tags of a node's row (an action's or the structure's), the columns the sheet has (the others stay as they
 * are): the lead and the partners (separated by `;`) by an organisation's name or acronym, `national`, the
 * regions of the strategy's country by ISO code or name in any language (separated by `;` or `,`), the GCM objectives and SDG targets.
 * A name it does not know, or that names two organisations, is a problem of the row's cell.
 */
async function linksReader(db: DbOrTx, country: string) {
	const organisations = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation);
	const bodies = new Map<string, Set<string>>();
	const nameOf = new Map(organisations.map((entry) => [entry.id, entry.name]));
	for (const entry of organisations)
		for (const text of [entry.name, entry.acronym]) if (text) bodies.set(normalised(text), new Set([...(bodies.get(normalised(text)) ?? []), entry.id]));
	const places = new Map<string, string>();
	// the strategy's country's places only: another country's region is unknown there
	for (const region of placesOf(country)) for (const text of [region.iso, region.nameFr, region.nameAr, region.nameEn]) if (text) places.set(normalised(text), region.iso);
	const read = (sheet: 'structure' | 'actions', row: number, before: NodeLinks, has: (name: string) => boolean, cell: (name: string) => string | null, problems: ImportProblem[]): NodeLinks => {
		const after: NodeLinks = { ...before };
		const body = (column: string, text: string) => {
			const found = [...(bodies.get(normalised(text)) ?? [])];
			if (found.length !== 1) problems.push({ sheet, row, column, key: found.length ? 'body_ambiguous' : 'unknown_body', values: { name: text } });
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
				else problems.push({ sheet, row, column: 'regions', key: 'unknown_region', values: { name: text } });
			}
			after.regions = sorted(codes);
		}
		const tags = NodeFields.pick({ gcm: true, sdg: true }).safeParse({ gcm: has('gcm') ? listOf(cell('gcm')) : before.gcm, sdg: has('sdg') ? listOf(cell('sdg')) : before.sdg });
		if (!tags.success) for (const column of new Set(tags.error.issues.map((issue) => String(issue.path[0])))) problems.push({ sheet, row, column, key: 'bad_value', values: { value: cell(column) ?? '' } });
		else [after.gcm, after.sdg] = [sorted(tags.data.gcm), sorted(tags.data.sdg)];
		if (after.national) after.regions = [];
		return after;
	};
	return { read, nameOf };
}

/** The bodies, places and tags of a strategy's nodes as they are. */
async function currentLinks(db: DbOrTx, strategyId: string, nodes: { id: string; leadOrganisationId: string | null; national: boolean }[], nameOf: Map<string, string>) {
	const inStrategy = eq(node.strategyId, strategyId);
	const [partners, places, tags] = await Promise.all([
		db.select({ nodeId: nodePartner.nodeId, id: nodePartner.organisationId }).from(nodePartner).innerJoin(node, eq(node.id, nodePartner.nodeId)).where(inStrategy),
		db.select({ nodeId: nodeRegion.nodeId, region: nodeRegion.region }).from(nodeRegion).innerJoin(node, eq(node.id, nodeRegion.nodeId)).where(inStrategy),
		db.select({ nodeId: nodeTag.nodeId, scheme: nodeTag.scheme, code: nodeTag.code }).from(nodeTag).innerJoin(node, eq(node.id, nodeTag.nodeId)).where(inStrategy)
	]);
	const links = new Map<string, NodeLinks>(
		nodes.map((item) => [item.id, { ...noLinks, partnerIds: [], partners: [], regions: [], gcm: [], sdg: [], leadOrganisationId: item.leadOrganisationId, lead: item.leadOrganisationId ? (nameOf.get(item.leadOrganisationId) ?? null) : null, national: item.national }])
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

type Cells = { at: (name: string) => number; cell: (name: string) => string | null };
type RowReaders = { links: Awaited<ReturnType<typeof linksReader>>; readStatus: ReturnType<typeof statusReader> };

/**
 * A node's titles, status, period, bodies, places and tags as its row gives them, from the columns the sheet
 * has (the others stay as `before`): null when the row cannot be read (its problems pushed).
 */
function readProgramming(sheet: 'structure' | 'actions', position: number, existing: boolean, before: Programming, { at, cell }: Cells, readers: RowReaders, problems: ImportProblem[]): Programming | null {
	const after = { ...before };
	const rowProblems = problems.length;
	after.links = readers.links.read(sheet, position, before.links!, (name) => at(name) >= 0, cell, problems);
	// the titles, when the sheet has their columns (a blank cell: no title in that language)
	if (titleColumns.some((column) => at(column) >= 0)) {
		const title: Titles = { ...before.title };
		for (const language of languages) {
			if (at(`title_${language}`) < 0) continue;
			const text = cell(`title_${language}`)?.trim() ?? '';
			if (text.length > 400) problems.push({ sheet, row: position, column: `title_${language}`, key: 'title_too_long', values: { limit: 400 } });
			if (text) title[language] = text;
			else delete title[language];
		}
		if (!languages.some((language) => title[language])) {
			const key = sheet === 'actions' ? (existing ? 'title_missing' : 'new_action_without_title') : existing ? 'node_title_missing' : 'new_node_without_title';
			problems.push({ sheet, row: position, column: 'title_fr', key });
		}
		after.title = title;
	} else if (!existing) {
		problems.push({ sheet, row: position, column: sheet === 'actions' ? 'id' : 'title_fr', key: sheet === 'actions' ? 'action_without_id' : 'new_node_without_title' });
		return null;
	}
	if (at('status') >= 0 && (existing || cell('status') !== null)) {
		const status = cell('status') === null ? null : readers.readStatus(cell('status')!);
		if (!status) problems.push({ sheet, row: position, column: 'status', key: 'bad_status', values: { value: cell('status') ?? '' } });
		else after.status = status;
	}
	for (const [column, field] of [['period_start', 'periodStart'], ['period_end', 'periodEnd']] as const) {
		if (at(column) < 0) continue;
		const year = yearOf(cell(column));
		if (year === undefined) problems.push({ sheet, row: position, column, key: 'bad_year', values: { value: cell(column) ?? '' } });
		else after[field] = year;
	}
	if (problems.length === rowProblems && after.periodStart !== null && after.periodEnd !== null && after.periodStart > after.periodEnd) {
		problems.push({ sheet, row: position, column: 'period_end', key: 'period_reversed' });
	}
	return after;
}

/** A node's own data the same (its place in the tree apart). */
const sameProgramming = (a: Programming, b: Programming) =>
	languages.every((language) => (a.title[language] ?? '') === (b.title[language] ?? '')) && a.status === b.status && a.periodStart === b.periodStart && a.periodEnd === b.periodEnd && sameLinks(a.links!, b.links!);

/** The list a map holds under a key, made when there is none yet. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
	let list = map.get(key);
	if (!list) map.set(key, (list = []));
	return list;
}

/** A domain, programme or objective as the import leaves it: `ref` is its id, or the key of a new one. */
type PlannedNode = { ref: string; kind: NodeKind; parentRef: string | null; title: Titles };
type StructureRow = { position: number; ref: string; kind: NodeKind; existing: boolean; before: Programming; after: Programming; ok: boolean; parent: { column: 'parent_id' | 'parent'; id: string; title: string } | null };
/** A row whose `remove` cell says yes: the node it names goes (its other cells are not read). */
type RemovedRow = { position: number; id: string };
/** Whether a row's `remove` cell says yes (as `national` does). */
const removing = (cell: (name: string) => string | null) => YES.includes(normalised(cell('remove') ?? ''));

/**
 * The structure sheet: each row a domain, programme or objective, by id (changed) or without (added), under the
 * parent its `parent_id` or, blank, its `parent` title names (among the domains, programmes and objectives as
 * the import leaves them: one the file adds has no id yet). Fills `planned` with the tree the import leaves;
 * problems in the order of the rows.
 */
function readStructure(
	structureSheet: NonNullable<ReturnType<typeof sheetWith>>,
	existingById: Map<string, { id: string; kind: NodeKind; parentId: string | null; title: Titles; status: NodeStatus; periodStart: number | null; periodEnd: number | null }>,
	linksBefore: Map<string, NodeLinks>,
	planned: Map<string, PlannedNode>,
	readers: RowReaders
) {
	const problems: ImportProblem[] = [];
	const at = (name: string) => structureSheet.columns.indexOf(name);
	const hasParent = at('parent_id') >= 0 || at('parent') >= 0;
	const readKind = kindReader();
	const rows: StructureRow[] = [];
	const removed: RemovedRow[] = [];
	const seen = new Set<string>();
	const problem = (row: number, column: string, key: string, values?: ImportProblem['values']) => problems.push({ sheet: 'structure', row, column, key, ...(values ? { values } : {}) });
	for (const { position, cells } of structureSheet.rows) {
		const cell = (name: string) => (at(name) >= 0 ? (cells[at(name)] ?? null) : null);
		const id = cell('id')?.trim() ?? '';
		const current = id ? existingById.get(id) : undefined;
		if (id && !current) {
			problem(position, 'id', 'unknown_node', { id });
			continue;
		}
		if (current?.kind === 'action') {
			problem(position, 'id', 'action_in_structure');
			continue;
		}
		if (id && seen.has(id)) {
			problem(position, 'id', 'duplicate_node', { id });
			continue;
		}
		seen.add(id);
		if (removing(cell)) {
			if (!current) problem(position, 'remove', 'remove_without_id');
			else removed.push({ position, id });
			continue;
		}
		const rowProblems = problems.length;
		// its level: an existing node keeps its own; a new one says it (actions have their own sheet)
		let kind: NodeKind | null = current?.kind ?? null;
		const kindText = cell('kind');
		if (kindText !== null) {
			const read = readKind(kindText);
			if (!read || read === 'action') problem(position, 'kind', 'bad_kind', { value: kindText });
			else if (current && read !== current.kind) problem(position, 'kind', 'kind_changed', { value: kindText });
			else kind = read;
		} else if (!current) problem(position, 'kind', 'kind_missing');
		const before: Programming = current
			? { title: current.title, status: current.status, periodStart: current.periodStart, periodEnd: current.periodEnd, links: linksBefore.get(current.id)! }
			: { title: {}, status: 'planned', periodStart: null, periodEnd: null, links: noLinks };
		const after = readProgramming('structure', position, !!current, before, { at, cell }, readers, problems);
		if (!after || !kind) continue;
		const ref = current ? current.id : `new-node:${position}`;
		planned.set(ref, { ref, kind, parentRef: current?.parentId ?? null, title: after.title });
		const parentId = cell('parent_id')?.trim() ?? '';
		rows.push({ position, ref, kind, existing: !!current, before, after, ok: problems.length === rowProblems, parent: hasParent ? { column: parentId ? 'parent_id' : 'parent', id: parentId, title: cell('parent')?.trim() ?? '' } : null });
	}

	// the parents, once every row is known (a parent may come after its children)
	const byTitle = new Map<string, PlannedNode[]>();
	for (const item of planned.values()) for (const text of new Set(Object.values(item.title).filter((title): title is string => !!title).map(normalised))) listIn(byTitle, text).push(item);
	const fail = (entry: StructureRow, column: string, key: string, values?: ImportProblem['values']) => {
		problem(entry.position, column, key, values);
		entry.ok = false;
	};
	const resolved = new Map<StructureRow, string | null>();
	for (const entry of rows) {
		const wanted = PARENT_KIND[entry.kind];
		if (!entry.parent) {
			// the sheet gives no parents: an existing node stays where it is, a new one has none to go under
			if (!entry.existing && wanted) fail(entry, 'parent', 'parent_missing');
			continue;
		}
		const { column, id, title } = entry.parent;
		let parentRef: string | null = null;
		if (id) {
			if (!existingById.has(id)) {
				fail(entry, column, 'unknown_parent', { parent: id });
				continue;
			}
			parentRef = id;
		} else if (title) {
			const found = byTitle.get(normalised(title)) ?? [];
			const ofKind = found.filter((item) => item.kind === wanted);
			if (ofKind.length > 1) {
				fail(entry, column, 'parent_ambiguous', { parent: title });
				continue;
			}
			if (!found.length) {
				fail(entry, column, 'unknown_parent', { parent: title });
				continue;
			}
			// a title of another level: said as the wrong level below
			parentRef = (ofKind[0] ?? found[0]).ref;
		}
		resolved.set(entry, parentRef);
		planned.get(entry.ref)!.parentRef = parentRef;
	}
	const kindOf = (ref: string) => planned.get(ref)?.kind ?? existingById.get(ref)?.kind;
	for (const [entry, parentRef] of resolved) {
		const column = entry.parent!.column;
		const wanted = PARENT_KIND[entry.kind];
		// a node under itself or under one of its own children (the levels forbid it too; said as it is)
		let above = parentRef;
		for (let depth = 0; above && depth <= NODE_KINDS.length && above !== entry.ref; depth++) above = planned.get(above)?.parentRef ?? null;
		if (above && above === entry.ref) fail(entry, column, 'parent_cycle');
		else if (wanted === null && parentRef !== null) fail(entry, column, 'domain_has_parent');
		else if (wanted !== null && parentRef === null) fail(entry, 'parent_id', 'parent_missing');
		else if (parentRef !== null && kindOf(parentRef) !== wanted) fail(entry, column, 'wrong_parent_kind');
	}

	// two nodes of the same level under the same parent with the same title, one of them added, renamed or moved
	const touched = new Map<string, number>();
	for (const entry of rows) {
		const renamed = languages.some((language) => (entry.before.title[language] ?? '') !== (entry.after.title[language] ?? ''));
		const moved = resolved.has(entry) && resolved.get(entry) !== existingById.get(entry.ref)?.parentId;
		if (!entry.existing || renamed || moved) touched.set(entry.ref, entry.position);
	}
	// a node the file removes leaves its title free (a new node may take its place)
	const goes = new Set(removed.map((entry) => entry.id));
	const siblings = new Map<string, PlannedNode[]>();
	for (const item of planned.values()) if (!goes.has(item.ref)) listIn(siblings, `${item.parentRef}|${item.kind}`).push(item);
	for (const entry of rows) {
		const position = touched.get(entry.ref);
		if (position === undefined || !entry.ok) continue;
		const mine = planned.get(entry.ref)!;
		for (const language of languages) {
			const text = mine.title[language];
			if (!text) continue;
			// the other is untouched, or a row above this one: the later row is the one to change
			const twin = (siblings.get(`${mine.parentRef}|${mine.kind}`) ?? []).find(
				(other) => other.ref !== mine.ref && other.title[language] && normalised(other.title[language]!) === normalised(text) && (touched.get(other.ref) ?? 0) < position
			);
			if (twin) {
				fail(entry, `title_${language}`, 'duplicate_title', { title: text });
				break;
			}
		}
	}
	problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	return { rows: rows.filter((entry) => entry.ok), removed, problems, parentOf: (entry: StructureRow) => (resolved.has(entry) ? resolved.get(entry)! : existingById.get(entry.ref)?.parentId ?? null) };
}

/** What the workbook would change in the strategy's programme, and every problem found (nothing is written). */
export async function planProgrammeImport(db: DbOrTx, owner: StrategyRow, sheets: Sheet[]): Promise<ProgrammeImportPlan> {
	const problems: ImportProblem[] = [];
	// the sheets are found by their columns (their names are in the language of the export)
	const structureSheet = sheetWith(sheets, ['id', 'kind']);
	const actionsSheet = sheetWith(sheets, ['id', 'status'], ['kind']);
	const budgetSheet = sheetWith(sheets, ['action_id']);
	if (!structureSheet && !actionsSheet && !budgetSheet) throw refused('import_no_sheet');

	const tree = await db
		.select({ id: node.id, kind: node.kind, parentId: node.parentId, title: node.title, status: node.status, periodStart: node.periodStart, periodEnd: node.periodEnd, leadOrganisationId: node.leadOrganisationId, national: node.national })
		.from(node)
		.where(eq(node.strategyId, owner.id));
	const actions = tree.filter((item) => item.kind === 'action');
	const byId = new Map(actions.map((action) => [action.id, action]));
	const nodeById = new Map(tree.map((item) => [item.id, item]));
	const links = await linksReader(db, owner.country);
	const linksBefore = await currentLinks(db, owner.id, tree, links.nameOf);
	const readers: RowReaders = { links, readStatus: statusReader() };
	// the action named in the language it was written in (the page marks it with its lang)
	const titleOf = (id: string) => {
		const title = titleIn(byId.get(id)!.title, id);
		return { action: title.text, actionLanguage: title.language };
	};
	const known = (column: string, allowed: { read: readonly string[]; created: readonly string[]; removal: readonly string[]; shown: readonly string[] }, sheet: ImportSheet) => {
		const all = [...allowed.read, ...allowed.created, ...allowed.removal, ...allowed.shown];
		if (column && !all.includes(column)) problems.push({ sheet, row: 1, column, key: 'unknown_column', values: { expected: all.join(', ') } });
	};

	// ── structure: domains, programmes and objectives; rows without id are new ones ──
	const planned = new Map<string, PlannedNode>();
	for (const item of tree) if (item.kind !== 'action') planned.set(item.id, { ref: item.id, kind: item.kind, parentRef: item.parentId, title: item.title });
	const nodeChanges: NodeChange[] = [];
	const newNodes: NewNodeRow[] = [];
	const unchangedNodes: string[] = [];
	/** the rows removing a node, and where each node's row is (a removal's problems name it) */
	const removedRows: (RemovedRow & { sheet: 'structure' | 'actions' })[] = [];
	const rowOf = new Map<string, { sheet: 'structure' | 'actions'; row: number; column: string }>();
	if (structureSheet) {
		structureSheet.columns.forEach((column) => known(column, structureColumns, 'structure'));
		const read = readStructure(structureSheet, nodeById, linksBefore, planned, readers);
		problems.push(...read.problems);
		removedRows.push(...read.removed.map((entry) => ({ ...entry, sheet: 'structure' as const })));
		for (const entry of read.rows) rowOf.set(entry.ref, { sheet: 'structure', row: entry.position, column: entry.parent?.column ?? 'id' });
		const titled = (ref: string | null) => (ref ? titleIn(planned.get(ref)?.title ?? {}, ref) : null);
		for (const entry of read.rows) {
			const parentId = read.parentOf(entry);
			const self = titleIn(entry.after.title);
			const place = { parentId, parent: titled(parentId)?.text ?? null, parentLanguage: titled(parentId)?.language ?? 'fr' };
			if (!entry.existing) {
				newNodes.push({ key: entry.ref, row: entry.position, kind: entry.kind, node: self.text, nodeLanguage: self.language, ...entry.after, ...place });
				continue;
			}
			const beforeParent = nodeById.get(entry.ref)!.parentId;
			if (sameProgramming(entry.before, entry.after) && parentId === beforeParent) {
				unchangedNodes.push(entry.ref);
				continue;
			}
			const was = titled(beforeParent);
			nodeChanges.push({ nodeId: entry.ref, kind: entry.kind, node: self.text, nodeLanguage: self.language, ...entry.after, ...place, before: { ...entry.before, parentId: beforeParent, parent: was?.text ?? null, parentLanguage: was?.language ?? 'fr' } });
		}
		// new nodes in the order they are created: domains, then programmes, then objectives
		newNodes.sort((a, b) => NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) || a.row - b.row);
	}
	const findObjective = objectiveFinder([...planned.values()].map((item) => ({ id: item.ref, kind: item.kind, parentId: item.parentRef, title: item.title })));

	// an objective as the import leaves it (renamed, or added by the structure sheet), named in the first language it has
	const objectivePlace = (ref: string): ActionPlace => {
		const title = titleIn(planned.get(ref)?.title ?? {}, ref);
		return { parentId: ref, parent: title.text, parentLanguage: title.language };
	};

	// ── actions: titles, status and period, objective; rows without id are new actions ──
	const actionChanges: ActionChange[] = [];
	const newActions: NewAction[] = [];
	const unchangedActions: string[] = [];
	if (actionsSheet) {
		actionsSheet.columns.forEach((column) => known(column, actionColumns, 'actions'));
		const at = (name: string) => actionsSheet.columns.indexOf(name);
		// without an `objective_id` column (a file from before it), the actions stay under their objectives
		const placed = at('objective_id') >= 0;
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
			if (removing(cell)) {
				if (!current) problems.push({ sheet: 'actions', row: position, column: 'remove', key: 'remove_without_id' });
				else removedRows.push({ sheet: 'actions', position, id });
				continue;
			}
			const before: Programming = current
				? { title: current.title, status: current.status, periodStart: current.periodStart, periodEnd: current.periodEnd, links: linksBefore.get(current.id)! }
				: { title: {}, status: 'planned', periodStart: null, periodEnd: null, links: noLinks };
			const rowProblems = problems.length;
			const after = readProgramming('actions', position, !!current, before, { at, cell }, readers, problems);
			if (!after) continue;
			if (!current) {
				const created = newActionOf(position, after, cell, findObjective, problems, planned);
				if (created && problems.length === rowProblems) {
					newActions.push(created);
					rowOf.set(created.key, { sheet: 'actions', row: position, column: cell('objective_id')?.trim() ? 'objective_id' : 'objective' });
				}
				continue;
			}
			// its objective: `objective_id`, or — blank — the objective's title (one the structure sheet adds has no id yet); both blank, it stays
			let objectiveId = current.parentId!;
			let placeColumn = 'objective_id';
			if (placed) {
				const wanted = cell('objective_id')?.trim() ?? '';
				const named = cell('objective')?.trim() ?? '';
				if (wanted) {
					if (planned.get(wanted)?.kind !== 'objective') problems.push({ sheet: 'actions', row: position, column: 'objective_id', key: 'unknown_objective_id', values: { objective: wanted } });
					else objectiveId = wanted;
				} else if (named) {
					placeColumn = 'objective';
					const found = findObjective(named, cell('programme') ?? '', cell('domain') ?? '');
					if (found.length !== 1) problems.push({ sheet: 'actions', row: position, column: 'objective', key: found.length ? 'objective_ambiguous' : 'unknown_objective', values: { objective: named } });
					else objectiveId = found[0].id;
				}
			}
			if (problems.length > rowProblems) continue;
			rowOf.set(id, { sheet: 'actions', row: position, column: objectiveId !== current.parentId ? placeColumn : 'id' });
			if (sameProgramming(after, before) && objectiveId === current.parentId) unchangedActions.push(id);
			else actionChanges.push({ nodeId: id, ...titleOf(id), before: { ...before, ...objectivePlace(current.parentId!) }, ...after, ...objectivePlace(objectiveId) });
		}
	}

	// ── removals: each node a row removes, and every node below it as the import leaves the tree ──
	const parentAfter = new Map<string, string | null>();
	for (const item of planned.values()) parentAfter.set(item.ref, item.parentRef);
	for (const action of actions) parentAfter.set(action.id, action.parentId);
	for (const change of actionChanges) parentAfter.set(change.nodeId, change.parentId);
	for (const created of newActions) parentAfter.set(created.key, created.objectiveId);
	const marked = new Set(removedRows.map((entry) => entry.id));
	/** the removed node a node goes with (itself when a row removes it), or null when it stays */
	const goesWith = new Map<string, string | null>();
	const removedBy = (ref: string): string | null => {
		if (goesWith.has(ref)) return goesWith.get(ref)!;
		goesWith.set(ref, null);
		const parent = parentAfter.get(ref) ?? null;
		const above = parent ? removedBy(parent) : null;
		const found = above ?? (marked.has(ref) ? ref : null);
		goesWith.set(ref, found);
		return found;
	};
	const removals: NodeRemoval[] = [];
	if (marked.size) {
		const going = [...parentAfter.keys()].filter((ref) => nodeById.has(ref) && removedBy(ref) !== null);
		const held = await heldByNodes(db, going);
		for (const entry of removedRows) {
			// a node below another the file removes goes with it (counted there)
			if (removedBy(entry.id) !== entry.id) continue;
			const item = nodeById.get(entry.id)!;
			const below = going.filter((ref) => ref !== entry.id && removedBy(ref) === entry.id);
			const self = titleIn(item.title, item.id);
			const parent = item.parentId ? titleIn(planned.get(item.parentId)?.title ?? nodeById.get(item.parentId)?.title ?? {}, item.parentId) : null;
			removals.push({
				nodeId: item.id,
				sheet: entry.sheet,
				row: entry.position,
				kind: item.kind,
				node: self.text,
				nodeLanguage: self.language,
				parent: parent?.text ?? null,
				parentLanguage: parent?.language ?? 'fr',
				...sumContents(below.length, [entry.id, ...below].flatMap((ref) => held.get(ref) ?? []))
			});
		}
		// what the file adds or changes under a node it removes contradicts it: said on its row
		const contradicts = (ref: string, moved: boolean, key: 'parent_removed' | 'removed_with_parent') => {
			const at = rowOf.get(ref);
			if (at) problems.push({ sheet: at.sheet, row: at.row, column: moved || key === 'parent_removed' ? at.column : 'id', key: moved ? 'parent_removed' : key });
		};
		for (const created of newNodes) if (removedBy(created.key)) contradicts(created.key, true, 'parent_removed');
		for (const change of nodeChanges) if (removedBy(change.nodeId)) contradicts(change.nodeId, change.parentId !== change.before.parentId, 'removed_with_parent');
		for (const created of newActions) if (removedBy(created.key)) contradicts(created.key, true, 'parent_removed');
		for (const change of actionChanges) if (removedBy(change.nodeId)) contradicts(change.nodeId, change.parentId !== change.before.parentId, 'removed_with_parent');
	}
	const stays = (ref: string) => !marked.size || removedBy(ref) === null;
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
				// an action the file removes takes its lines with it: one the file changes or adds contradicts it
				if (!stays(nodeId)) {
					if (!same) problems.push({ sheet: 'budget', row: position, column: created ? 'action' : 'action_id', key: 'line_of_removed_action' });
					continue;
				}
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
	const keptLines = existing.filter((line) => !inFile.has(lineKey(line.nodeId, line.year, line.fundingSource)) && stays(line.nodeId)).length;
	// the problems sheet by sheet, row by row (those of removals are found once every sheet is read)
	const sheetOrder: (ImportSheet | null)[] = [null, 'structure', 'actions', 'budget'];
	problems.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
	return {
		removals,
		nodes: nodeChanges,
		newNodes,
		unchangedNodes: unchangedNodes.filter(stays).length,
		actions: actionChanges,
		newActions,
		unchangedActions: unchangedActions.filter(stays).length,
		budget: budgetChanges,
		unchangedLines,
		keptLines,
		problems
	};
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

/** A new node's fields as the plan gives them (its kind and parent apart). */
const fieldsOf = (created: Programming, language: Language) => ({
	title: created.title,
	originalLanguage: language,
	status: created.status,
	periodStart: created.periodStart,
	periodEnd: created.periodEnd,
	national: created.links?.national ?? false,
	regions: created.links?.national ? [] : (created.links?.regions ?? []),
	leadOrganisationId: created.links?.leadOrganisationId ?? undefined,
	partnerIds: created.links?.partnerIds ?? [],
	gcm: created.links?.gcm ?? [],
	sdg: created.links?.sdg ?? []
});

/** A node's own data as the plan gives it; its partners, places and tags only when they change. */
async function writeProgramming(db: DbOrTx, change: Programming & { nodeId: string; before: Programming }, now: Date) {
	const links = change.links;
	await db
		.update(node)
		.set({ title: change.title, status: change.status, periodStart: change.periodStart, periodEnd: change.periodEnd, ...(links ? { leadOrganisationId: links.leadOrganisationId, national: links.national } : {}), updatedAt: now })
		.where(eq(node.id, change.nodeId));
	// the ids checked by the preview; a body removed since fails the transaction
	if (links && (!change.before.links || !sameLinks(links, change.before.links))) await writeLinks(db, change.nodeId, { partnerIds: links.partnerIds, national: links.national, regions: links.regions, gcm: links.gcm, sdg: links.sdg } as Parameters<typeof writeLinks>[2]);
}

/** A node moved last among its new siblings (as the plan page's move without a place), audited as `strategy_node.move`. */
async function moveLast(tx: RequestContext, owner: StrategyRow, nodeId: string, parentId: string | null, beforeParent: string | null, now: Date) {
	const [{ last }] = await tx.db.select({ last: max(node.position) }).from(node).where(and(eq(node.strategyId, owner.id), parentId ? eq(node.parentId, parentId) : isNull(node.parentId)));
	const [current] = await tx.db.select({ position: node.position }).from(node).where(eq(node.id, nodeId));
	const [moved] = await tx.db.update(node).set({ parentId, position: (last ?? -1) + 1, updatedAt: now }).where(eq(node.id, nodeId)).returning({ parentId: node.parentId, position: node.position });
	await recordAudit(tx.db, tx.audit, { action: 'strategy_node.move', resourceType: 'strategy_node', resourceId: nodeId, before: { parentId: beforeParent, position: current?.position ?? null }, after: moved });
}

/** What the file removes takes with it, all removals together (the confirmation's rule weighs it). */
export const removedContents = (plan: Pick<ProgrammeImportPlan, 'removals'>) => sumContents((plan.removals ?? []).reduce((sum, removal) => sum + removal.below, 0), plan.removals ?? []);

/** The checked plan of a previewed workbook, as its preview showed it (to show it again when Apply is refused). */
export async function storedPreview(ctx: RequestContext, slug: string, previewed: { file: string; state: string }): Promise<ProgrammeImportPreview | null> {
	if (!/^strategy-imports\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{64}\.xlsx$/.test(previewed.file)) return null;
	const owner = await strategyBySlug(ctx.db, slug);
	ctx.require('strategy.plan', strategyResource(owner));
	const stored = await ctx.files?.get(planKey(previewed.file));
	if (!stored) return null;
	const checked = JSON.parse(new TextDecoder().decode(stored)) as CheckedPlan;
	if (checked.strategyId !== owner.id || checked.state !== previewed.state) return null;
	return { ...checked.plan, removals: checked.plan.removals ?? [], file: previewed.file, state: previewed.state };
}

/**
 * Applies the plan checked by the preview in one transaction, audited as one import listing every change:
 * refused when it has problems, when it is gone (applied, or older than two days), when the programme
 * changed since the preview (its state then differs: the plan may no longer be right), or when it removes
 * nodes without the plan page's confirmations (`confirm`, and `withChildren` when what goes holds anything).
 */
export async function applyProgrammeImport(ctx: RequestContext, slug: string, previewed: { file: string; state: string; confirm?: boolean; withChildren?: boolean }) {
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
		const removals = plan.removals ?? [];
		// the plan page's rule for every removal: confirmed, and what goes with it confirmed too
		if (removals.length) checkRemoval(previewed, removedContents(plan));
		const now = tx.now();
		// the new domains, programmes and objectives, each level before the next (a parent may be new too), then
		// the changed ones: each audited as the plan pages audit them (`strategy_node.create`, `.update`, `.move`)
		const createdIds = new Map<string, string>();
		const idOf = (ref: string) => createdIds.get(ref) ?? ref;
		const createdNodes: string[] = [];
		for (const kind of NODE_KINDS) {
			const level = (plan.newNodes ?? []).filter((created) => created.kind === kind);
			const rows = await insertNodes(tx, owner, level.map((created) => NewNode.parse({ kind, parentId: created.parentId === null ? undefined : idOf(created.parentId), ...fieldsOf(created, created.nodeLanguage) })));
			level.forEach((created, index) => createdIds.set(created.key, rows[index].id));
			createdNodes.push(...rows.map((row) => row.id));
		}
		for (const change of plan.nodes ?? []) {
			if (!sameProgramming(change, change.before)) {
				const before = await snapshotOf(tx.db, change.nodeId);
				await writeProgramming(tx.db, change, now);
				await recordAudit(tx.db, tx.audit, { action: 'strategy_node.update', resourceType: 'strategy_node', resourceId: change.nodeId, before, after: await snapshotOf(tx.db, change.nodeId) });
			}
			// moved: last among its new siblings, as the plan page's move without a place
			if (change.parentId !== change.before.parentId) await moveLast(tx, owner, change.nodeId, change.parentId === null ? null : idOf(change.parentId), change.before.parentId, now);
		}
		for (const change of plan.actions) {
			if (!sameProgramming(change, change.before)) await writeProgramming(tx.db, change, now);
			// to another objective (an existing one, or one the file adds), as on the plan page
			if (change.parentId && change.before.parentId && change.parentId !== change.before.parentId) await moveLast(tx, owner, change.nodeId, idOf(change.parentId), change.before.parentId, now);
		}
		// the removals, once whatever leaves a removed node has left it: each with all below it, audited as the plan page's
		for (const removal of removals) await deleteNode(tx, removal.nodeId);
		// the new actions, each under its objective (the tree's rules and the audit of any new node), then their lines
		const newActions = plan.newActions ?? [];
		const actionRows = await insertNodes(tx, owner, newActions.map((created) => NewNode.parse({ kind: 'action', parentId: idOf(created.objectiveId), ...fieldsOf(created, created.actionLanguage) })));
		newActions.forEach((created, index) => createdIds.set(created.key, actionRows[index].id));
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
		const newActionIds = actionRows.map((row) => row.id);
		const changes = (list: (NodeChange | ActionChange)[]) =>
			list.map((change) => ({ nodeId: change.nodeId, before: change.before, after: { title: change.title, status: change.status, periodStart: change.periodStart, periodEnd: change.periodEnd, links: change.links, ...('parentId' in change ? { parentId: change.parentId === null ? null : idOf(change.parentId) } : {}) } }));
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_programme.import',
			resourceType: 'strategy',
			resourceId: owner.id,
			after: {
				file: previewed.file,
				nodes: changes(plan.nodes ?? []),
				createdNodes,
				actions: changes(plan.actions),
				created: newActionIds,
				removed: removals.map(({ nodeId, kind, below, lines, indicators, values, initiatives }) => ({ nodeId, kind, below, lines, indicators, values, initiatives })),
				budget: plan.budget.map(({ nodeId, year, fundingSource, before, currency, planned, committed, executed, note }) => ({ nodeId: lineNode(nodeId), year, fundingSource, before, after: { currency, planned, committed, executed, note } }))
			}
		});
		return { nodes: createdNodes.length + (plan.nodes ?? []).length, actions: plan.actions.length, created: newActionIds.length, lines: plan.budget.length, removed: removals.length };
	});
	await ctx.files?.delete(previewed.file);
	await ctx.files?.delete(planKey(previewed.file));
	return applied;
}
