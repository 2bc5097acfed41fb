// Strategies and their trees: public reading (list, tree with filters, actions of a region) and the
// planners' writes, each checked against the tree's rules and audited in the same transaction.
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { slugify, slugWithSuffix } from '../../platform/text/slug.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { PARENT_KIND, type NodeKind, type NodeStatus, type TagScheme } from './strategy.model.ts';
import { isPlaceOf } from './places.ts';
import { CreatedStrategy, MoveNode, NewNode, NewStrategy, NodeFields, StrategyDetails, type StrategyDetail, type StrategySummary, type TreeFilters, type TreeNode } from './strategy.schemas.ts';
import { concertationBody, indicator, indicatorValue, node, nodePartner, nodeRegion, nodeTag, strategy, type NodeRow, type StrategyRow, type Translated } from './strategy.table.ts';

const textOf = (text: Translated | null | undefined, language: Language) => pickText(text as Record<string, string>, language).text;
const cleanTexts = (text: Translated): Translated => Object.fromEntries(Object.entries(text).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as Translated;

/** The resource a strategy is for the grants: limited grants name the strategy's slug as their scope. */
export const strategyResource = (row: Pick<StrategyRow, 'slug'>) => ({ scope: row.slug });

// ---------- strategies ----------

/**
 * An administrator creates a strategy (owners are given one strategy each, so creating one is not theirs): its
 * address is the slug given, or one made from its French (else English) title that never changes after.
 */
export async function createStrategy(ctx: RequestContext, input: unknown, options: { isSample?: boolean } = {}): Promise<StrategyRow> {
	ctx.require('strategy.manage');
	const data = parseOrThrow(CreatedStrategy, input);
	return ctx.transaction(async (tx) => insertStrategy(tx, { ...data, slug: data.slug ?? (await freeStrategySlug(tx.db, data)) }, options));
}

/** A free address for a new strategy, from its title (French, else English; else its country and first year). */
async function freeStrategySlug(db: DbOrTx, data: Pick<NewStrategy, 'title' | 'country' | 'periodStart'>): Promise<string> {
	const base = slugify(data.title.fr ?? data.title.en ?? '').slice(0, 70).replace(/-+$/, '') || `strategie-${data.country.toLowerCase()}${data.periodStart ? `-${data.periodStart}` : ''}`;
	// the module's own pages under /strategy/ are not strategies' addresses
	const taken = new Set(['new', 'regions', 'initiatives', 'my-proposals', 'recommendations', 'concertation']);
	for (const row of await db.select({ slug: strategy.slug }).from(strategy).where(sql`${strategy.slug} like ${`${base}%`}`)) taken.add(row.slug);
	// nor a concertation body's: grants limited to a strategy and to a body both name a slug
	for (const row of await db.select({ slug: concertationBody.slug }).from(concertationBody).where(sql`${concertationBody.slug} like ${`${base}%`}`)) taken.add(row.slug);
	for (let n = 1; ; n++) if (!taken.has(slugWithSuffix(base, n))) return slugWithSuffix(base, n);
}

/**
 * What ties a strategy to its country: its nodes naming regions (the country's own: places.ts) and the indicator values
 * reported for a region. Its country may change only while both are none.
 */
export async function regionalUse(db: DbOrTx, strategyId: string): Promise<{ nodes: number; values: number }> {
	const [row] = rowsOf<{ nodes: number; values: number }>(
		await db.execute(sql`select
			(select count(distinct r.node_id)::int from ${nodeRegion} r join ${node} n on n.id = r.node_id where n.strategy_id = ${strategyId}) as nodes,
			(select count(*)::int from ${indicatorValue} v join ${indicator} i on i.id = v.indicator_id where i.strategy_id = ${strategyId} and v.region <> '') as values`)
	);
	return { nodes: Number(row?.nodes ?? 0), values: Number(row?.values ?? 0) };
}

/**
 * The strategy's own details (titles, summary, owner organisation, period, status, publication, sources), changed
 * by an administrator or an owner of that strategy; audited with before and after. Its address stays; its country
 * changes only while no node names a region and no value was reported for one (`country_has_regions`: the
 * planners clear the nodes' regions first; `country_has_regional_values`), refused on the field, nothing changed.
 */
export async function updateStrategy(ctx: RequestContext, slug: string, input: unknown): Promise<StrategyRow> {
	return ctx.transaction(async (tx) => {
		const current = await strategyBySlug(tx.db, slug);
		tx.require('strategy.manage', strategyResource(current));
		const data = parseOrThrow(StrategyDetails, input);
		checkTitle(data.title);
		checkPeriod(data.periodStart, data.periodEnd);
		if (data.ownerOrganisationId) await checkOrganisations(tx.db, [data.ownerOrganisationId], 'ownerOrganisationId');
		const country = data.country ?? current.country;
		if (country !== current.country) {
			// the strategy's row is held, as an import holds it: no import writes regions while its country changes
			await tx.db.execute(sql`select id from ${strategy} where id = ${current.id} for update`);
			const used = await regionalUse(tx.db, current.id);
			if (used.nodes > 0) throw new AppError('invalid_input', { fields: [{ path: 'country', messageKey: 'field_invalid' }], extra: { reason: 'country_has_regions', nodes: used.nodes } });
			if (used.values > 0) throw new AppError('invalid_input', { fields: [{ path: 'country', messageKey: 'field_invalid' }], extra: { reason: 'country_has_regional_values', values: used.values } });
		}
		const [row] = await tx.db
			.update(strategy)
			.set({ title: cleanTexts(data.title), summary: cleanTexts(data.summary), country, ownerOrganisationId: data.ownerOrganisationId ?? null, periodStart: data.periodStart ?? null, periodEnd: data.periodEnd ?? null, status: data.status, published: data.published, sources: data.sources, updatedAt: tx.now() })
			.where(eq(strategy.id, current.id))
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'strategy.update', resourceType: 'strategy', resourceId: row.id, before: current, after: row });
		return row;
	});
}

/** A new strategy, checked and audited; the caller has checked who acts (a page, or the reference data). */
export async function insertStrategy(ctx: RequestContext, data: NewStrategy, options: { isSample?: boolean } = {}): Promise<StrategyRow> {
	checkTitle(data.title);
	checkPeriod(data.periodStart, data.periodEnd);
	const [taken] = await ctx.db
		.select({ id: strategy.id })
		.from(strategy)
		.where(eq(strategy.slug, data.slug))
		.union(ctx.db.select({ id: concertationBody.id }).from(concertationBody).where(eq(concertationBody.slug, data.slug)));
	if (taken) throw new AppError('invalid_input', { fields: [{ path: 'slug', messageKey: 'field_invalid' }], extra: { reason: 'slug_taken' } });
	if (data.ownerOrganisationId) await checkOrganisations(ctx.db, [data.ownerOrganisationId], 'ownerOrganisationId');
	const [row] = await ctx.db
		.insert(strategy)
		.values({ ...data, title: cleanTexts(data.title), summary: cleanTexts(data.summary), ownerOrganisationId: data.ownerOrganisationId ?? null, periodStart: data.periodStart ?? null, periodEnd: data.periodEnd ?? null, isSample: options.isSample ?? false, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now(), updatedAt: ctx.now() })
		.returning();
	await recordAudit(ctx.db, ctx.audit, { action: 'strategy.create', resourceType: 'strategy', resourceId: row.id, after: row });
	return row;
}

export async function strategyBySlug(db: DbOrTx, slug: string): Promise<StrategyRow> {
	const [row] = await db.select().from(strategy).where(eq(strategy.slug, slug));
	if (!row) throw new AppError('not_found');
	return row;
}

/** A strategy a visitor may see: published, or the visitor plans it. */
async function visibleStrategy(db: DbOrTx, slug: string, canPlan: (row: StrategyRow) => boolean): Promise<StrategyRow> {
	const row = await strategyBySlug(db, slug);
	if (!row.published && !canPlan(row)) throw new AppError('not_found');
	return row;
}

export async function listStrategies(db: DbOrTx, language: Language): Promise<StrategySummary[]> {
	const rows = await db
		.select({ row: strategy, owner: organisation.name, actions: sql<number>`(select count(*)::int from ${node} where ${node.strategyId} = ${strategy.id} and ${node.kind} = 'action')` })
		.from(strategy)
		.leftJoin(organisation, eq(organisation.id, strategy.ownerOrganisationId))
		.where(eq(strategy.published, true))
		.orderBy(asc(strategy.isSample), asc(strategy.country), asc(strategy.periodStart), asc(strategy.slug));
	return rows.map(({ row, owner, actions }) => summaryOf(row, owner, Number(actions), language));
}

function summaryOf(row: StrategyRow, owner: string | null, actions: number, language: Language): StrategySummary {
	return {
		slug: row.slug,
		title: textOf(row.title, language),
		titles: row.title as Record<string, string>,
		country: row.country,
		owner,
		periodStart: row.periodStart,
		periodEnd: row.periodEnd,
		status: row.status,
		isSample: row.isSample,
		sources: row.sources,
		actions
	};
}

// ---------- the tree ----------

type NodeLinks = { partners: Map<string, { id: string; name: string }[]>; regions: Map<string, string[]>; tags: Map<string, { scheme: string; code: string }[]> };

/** The partners, regions and tags of some nodes: those listed, or every node of a strategy (read at once). */
async function linksOf(db: DbOrTx, of: string[] | { strategyId: string }): Promise<NodeLinks> {
	const links: NodeLinks = { partners: new Map(), regions: new Map(), tags: new Map() };
	if (Array.isArray(of) && !of.length) return links;
	const nodes = (column: typeof nodePartner.nodeId | typeof nodeRegion.nodeId | typeof nodeTag.nodeId) =>
		Array.isArray(of) ? inArray(column, of) : inArray(column, db.select({ id: node.id }).from(node).where(eq(node.strategyId, of.strategyId)));
	const [partners, regions, tags] = await Promise.all([
		db.select({ nodeId: nodePartner.nodeId, id: organisation.id, name: organisation.name }).from(nodePartner).innerJoin(organisation, eq(organisation.id, nodePartner.organisationId)).where(nodes(nodePartner.nodeId)).orderBy(asc(organisation.name)),
		db.select().from(nodeRegion).where(nodes(nodeRegion.nodeId)).orderBy(asc(nodeRegion.region)),
		db.select().from(nodeTag).where(nodes(nodeTag.nodeId)).orderBy(asc(nodeTag.scheme), asc(nodeTag.code))
	]);
	const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
		const list = map.get(key);
		if (list) list.push(value);
		else map.set(key, [value]);
	};
	for (const row of partners) push(links.partners, row.nodeId, { id: row.id, name: row.name });
	for (const row of regions) push(links.regions, row.nodeId, row.region);
	for (const row of tags) push(links.tags, row.nodeId, row);
	return links;
}

function treeNodeOf(row: NodeRow, lead: string | null, links: NodeLinks, language: Language): TreeNode {
	const tags = links.tags.get(row.id) ?? [];
	const partners = links.partners.get(row.id) ?? [];
	return {
		id: row.id,
		kind: row.kind,
		position: row.position,
		title: textOf(row.title, language),
		titles: row.title as Record<string, string>,
		description: textOf(row.description, language),
		lead,
		leadOrganisationId: row.leadOrganisationId,
		partners: partners.map((partner) => partner.name),
		partnerIds: partners.map((partner) => partner.id),
		periodStart: row.periodStart,
		periodEnd: row.periodEnd,
		status: row.status,
		national: row.national,
		regions: links.regions.get(row.id) ?? [],
		gcm: tags.filter((tag) => tag.scheme === 'gcm').map((tag) => tag.code).sort((a, b) => Number(a) - Number(b)),
		sdg: tags.filter((tag) => tag.scheme === 'sdg').map((tag) => tag.code),
		isSample: row.isSample,
		sources: row.sources,
		children: []
	};
}

/** Every node of a strategy, as a tree in the planners' order. */
export async function treeOf(db: DbOrTx, strategyId: string, language: Language): Promise<TreeNode[]> {
	const [rows, links] = await Promise.all([
		db
			.select({ row: node, lead: organisation.name })
			.from(node)
			.leftJoin(organisation, eq(organisation.id, node.leadOrganisationId))
			.where(eq(node.strategyId, strategyId))
			.orderBy(asc(node.position), asc(node.createdAt)),
		linksOf(db, { strategyId })
	]);
	const byId = new Map(rows.map(({ row, lead }) => [row.id, treeNodeOf(row, lead, links, language)]));
	const roots: TreeNode[] = [];
	for (const { row } of rows) {
		const item = byId.get(row.id)!;
		if (row.parentId) byId.get(row.parentId)?.children.push(item);
		else roots.push(item);
	}
	return roots;
}

/** Keeps the actions that match the filters, and the branches that still hold one (or hold no action yet, when nothing filters). */
export function filterTree(tree: TreeNode[], filters: TreeFilters): TreeNode[] {
	const filtering = Boolean(filters.region?.length || filters.status?.length);
	const keepAction = (item: TreeNode) =>
		(!filters.region?.length || item.national || item.regions.some((region) => filters.region!.includes(region))) && (!filters.status?.length || filters.status.includes(item.status));
	const prune = (items: TreeNode[]): TreeNode[] =>
		items.flatMap((item) => {
			if (item.kind === 'action') return keepAction(item) ? [item] : [];
			const children = prune(item.children);
			return children.length || !filtering ? [{ ...item, children }] : [];
		});
	const domains = filters.domain?.length ? tree.filter((item) => filters.domain!.includes(item.id)) : tree;
	return prune(domains);
}

/**
 * The tree with each node's actions left out and counted (`folded`: node id → its actions), except those of
 * `open`: a programme of hundreds of actions reads as its domains, programmes and objectives, each objective
 * opening on demand (the page's HTML of the whole tree was ~1 KB an action).
 */
export function foldActions(tree: TreeNode[], open: string | null): { tree: TreeNode[]; folded: Record<string, number> } {
	const folded: Record<string, number> = {};
	const fold = (items: TreeNode[]): TreeNode[] =>
		items.map((item) => {
			if (item.kind === 'action') return item;
			const actions = item.children.filter((child) => child.kind === 'action').length;
			if (!actions || item.id === open) return { ...item, children: fold(item.children) };
			folded[item.id] = actions;
			return { ...item, children: fold(item.children.filter((child) => child.kind !== 'action')) };
		});
	return { tree: fold(tree), folded };
}

export const countActions = (items: TreeNode[]): number => items.reduce((sum, item) => sum + (item.kind === 'action' ? 1 : 0) + countActions(item.children), 0);

/** A published strategy (or one the person plans) with its tree, filtered. */
export async function strategyDetail(db: DbOrTx, slug: string, language: Language, filters: TreeFilters = {}, viewer?: { canPlan: (row: StrategyRow) => boolean }) {
	return (await strategyWithTree(db, slug, language, filters, viewer)).detail;
}

/** The same, with the whole tree beside the filtered one (the strategy's page counts and gaps on the whole, read once). */
export async function strategyWithTree(
	db: DbOrTx,
	slug: string,
	language: Language,
	filters: TreeFilters = {},
	viewer?: { canPlan: (row: StrategyRow) => boolean }
): Promise<StrategyWithTree> {
	const row = await visibleStrategy(db, slug, viewer?.canPlan ?? (() => false));
	const [owner, whole] = await Promise.all([ownerName(db, row), treeOf(db, row.id, language)]);
	return withFilteredTree(row, owner, whole, language, filters);
}

export type StrategyWithTree = { detail: StrategyDetail & { id: string; published: boolean; domains: { id: string; title: string }[] }; whole: TreeNode[] };

/** The name of the body that owns a strategy, if any. */
export async function ownerName(db: DbOrTx, row: StrategyRow): Promise<string | null> {
	if (!row.ownerOrganisationId) return null;
	const [owner] = await db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, row.ownerOrganisationId));
	return owner?.name ?? null;
}

/** A strategy's page facts from its row, its owner's name and its whole tree, the tree filtered (no database). */
export function withFilteredTree(row: StrategyRow, owner: string | null, whole: TreeNode[], language: Language, filters: TreeFilters): StrategyWithTree {
	const tree = filterTree(whole, filters);
	return {
		detail: {
			...summaryOf(row, owner, countActions(tree), language),
			id: row.id,
			published: row.published,
			summary: textOf(row.summary, language),
			domains: whole.map((item) => ({ id: item.id, title: item.title })),
			tree
		},
		whole
	};
}

export type ActionInRegion = { id: string; title: string; titles: Record<string, string>; status: NodeStatus; national: boolean; isSample: boolean; path: string[] };

/** The actions of every published strategy carried out in a region (national ones included), with their path in their tree. */
export async function actionsInRegion(db: DbOrTx, region: string, language: Language) {
	return actionsInRegionFrom(await publishedNodes(db), region, language);
}

export type PublishedNodes = Awaited<ReturnType<typeof publishedNodes>>;

/** Every published strategy with its nodes' titles and places in their trees, and each node's regions (what the region pages list). */
export async function publishedNodes(db: DbOrTx) {
	const [strategies, nodes, regions] = await Promise.all([
		db.select().from(strategy).where(eq(strategy.published, true)).orderBy(asc(strategy.isSample), asc(strategy.slug)),
		db
			.select({ id: node.id, strategyId: node.strategyId, parentId: node.parentId, kind: node.kind, title: node.title, status: node.status, national: node.national, isSample: node.isSample })
			.from(node)
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(eq(strategy.published, true))
			.orderBy(asc(node.position), asc(node.createdAt)),
		db
			.select({ nodeId: nodeRegion.nodeId, region: nodeRegion.region })
			.from(nodeRegion)
			.innerJoin(node, eq(node.id, nodeRegion.nodeId))
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(eq(strategy.published, true))
	]);
	const regionsOf: Record<string, string[]> = {};
	for (const row of regions) (regionsOf[row.nodeId] ??= []).push(row.region);
	// each node's children in the planners' order, a strategy's domains under `root:{strategy}`: grouped once per read
	const childrenOf: Record<string, typeof nodes> = {};
	for (const row of nodes) (childrenOf[row.parentId ?? `root:${row.strategyId}`] ??= []).push(row);
	return { strategies, childrenOf, regionsOf };
}

/** The same, from the published nodes already read (no database). */
export function actionsInRegionFrom({ strategies, childrenOf, regionsOf }: PublishedNodes, region: string, language: Language) {
	const result: { strategy: { slug: string; title: string; isSample: boolean }; actions: ActionInRegion[] }[] = [];
	for (const row of strategies) {
		const actions: ActionInRegion[] = [];
		const walk = (key: string, path: string[]) => {
			for (const item of childrenOf[key] ?? []) {
				if (item.kind === 'action') {
					if (item.national || regionsOf[item.id]?.includes(region)) actions.push({ id: item.id, title: textOf(item.title, language), titles: item.title as Record<string, string>, status: item.status, national: item.national, isSample: item.isSample, path });
				} else walk(item.id, [...path, textOf(item.title, language)]);
			}
		};
		walk(`root:${row.id}`, []);
		if (actions.length) result.push({ strategy: { slug: row.slug, title: textOf(row.title, language), isSample: row.isSample }, actions });
	}
	return result;
}

/** Every action of a strategy as flat rows (exports): its path, places, partners and tags. */
export async function actionRows(db: DbOrTx, slug: string, language: Language, filters: TreeFilters = {}, viewer?: { canPlan: (row: StrategyRow) => boolean }) {
	const detail = await strategyDetail(db, slug, language, filters, viewer);
	const rows: { domain: string; programme: string; objective: string; objectiveId: string; action: TreeNode }[] = [];
	for (const domain of detail.tree)
		for (const programme of domain.children)
			for (const objective of programme.children) for (const action of objective.children) rows.push({ domain: domain.title, programme: programme.title, objective: objective.title, objectiveId: objective.id, action });
	return { detail, rows };
}

// ---------- planners' writes ----------

function checkTitle(title: Translated) {
	if (!Object.values(title).some((value) => value && value.trim())) throw new AppError('invalid_input', { fields: [{ path: 'title.fr', messageKey: 'field_required' }] });
}

/** A node's places are first-level divisions of its strategy's country: another country's are refused, each at its field. */
function checkPlaces(country: string, codes: readonly string[]) {
	const problems = codes.flatMap((code, index) => (isPlaceOf(code, country) ? [] : [{ path: `regions.${index}`, messageKey: 'field_choice' }]));
	if (problems.length) throw new AppError('invalid_input', { fields: problems, extra: { reason: 'region_of_another_country', country } });
}

function checkPeriod(start: number | null | undefined, end: number | null | undefined) {
	if (start != null && end != null && end < start) throw new AppError('invalid_input', { fields: [{ path: 'periodEnd', messageKey: 'field_invalid' }], extra: { reason: 'period_ends_before_start' } });
}

/** Which of these organisations exist. */
async function knownOrganisations(db: DbOrTx, ids: string[]): Promise<Set<string>> {
	if (!ids.length) return new Set();
	return new Set((await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, [...new Set(ids)]))).map((row) => row.id));
}

/** Refuses organisations that do not exist, each said at its field. */
function checkKnown(known: Set<string>, ids: string[], path: string) {
	const problems = ids.flatMap((id, index) => (known.has(id) ? [] : [{ path: path === 'partnerIds' ? `partnerIds.${index}` : path, messageKey: 'field_choice' }]));
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
}

async function checkOrganisations(db: DbOrTx, ids: string[], path: string) {
	if (ids.length) checkKnown(await knownOrganisations(db, ids), ids, path);
}

/** The node's parent must be of the kind its own kind sits under, in the same strategy (a domain has none); `parent` is the row `parentId` names, if any. */
function checkParentRow(strategyId: string, kind: NodeKind, parentId: string | null | undefined, parent: Pick<NodeRow, 'strategyId' | 'kind'> | undefined) {
	const wanted = PARENT_KIND[kind];
	if (wanted === null) {
		if (parentId) throw new AppError('invalid_input', { fields: [{ path: 'parentId', messageKey: 'field_choice' }], extra: { reason: 'domain_has_no_parent' } });
		return;
	}
	if (!parentId) throw new AppError('invalid_input', { fields: [{ path: 'parentId', messageKey: 'field_required' }], extra: { reason: 'parent_required', parentKind: wanted } });
	if (!parent || parent.strategyId !== strategyId || parent.kind !== wanted)
		throw new AppError('invalid_input', { fields: [{ path: 'parentId', messageKey: 'field_choice' }], extra: { reason: 'wrong_parent_kind', parentKind: wanted } });
}

async function checkParent(db: DbOrTx, strategyId: string, kind: NodeKind, parentId: string | null | undefined) {
	const [parent] = parentId ? await db.select().from(node).where(eq(node.id, parentId)) : [];
	checkParentRow(strategyId, kind, parentId, parent);
}

const siblingsOf = (strategyId: string, parentId: string | null) => and(eq(node.strategyId, strategyId), parentId ? eq(node.parentId, parentId) : isNull(node.parentId));

/** What the audit keeps of a node: its row and its links. */
export async function snapshotOf(db: DbOrTx, id: string) {
	const [row] = await db.select().from(node).where(eq(node.id, id));
	if (!row) return null;
	const links = await linksOf(db, [id]);
	return { ...row, partnerIds: (links.partners.get(id) ?? []).map((partner) => partner.id), regions: links.regions.get(id) ?? [], tags: links.tags.get(id) ?? [] };
}

/** A node's partners, places and tags replaced by these (the programme import writes them too). */
export async function writeLinks(db: DbOrTx, id: string, fields: Pick<NodeFields, 'partnerIds' | 'national' | 'regions' | 'gcm' | 'sdg'>) {
	await db.delete(nodePartner).where(eq(nodePartner.nodeId, id));
	await db.delete(nodeRegion).where(eq(nodeRegion.nodeId, id));
	await db.delete(nodeTag).where(eq(nodeTag.nodeId, id));
	const partners = [...new Set(fields.partnerIds)];
	const places = fields.national ? [] : [...new Set(fields.regions)];
	const tags: { scheme: TagScheme; code: string }[] = [...[...new Set(fields.gcm)].map((code) => ({ scheme: 'gcm' as const, code })), ...[...new Set(fields.sdg)].map((code) => ({ scheme: 'sdg' as const, code }))];
	if (partners.length) await db.insert(nodePartner).values(partners.map((organisationId) => ({ nodeId: id, organisationId })));
	if (places.length) await db.insert(nodeRegion).values(places.map((region) => ({ nodeId: id, region })));
	if (tags.length) await db.insert(nodeTag).values(tags.map((tag) => ({ nodeId: id, ...tag })));
}

async function checkFields(db: DbOrTx, fields: NodeFields, country: string) {
	checkTitle(fields.title);
	checkPeriod(fields.periodStart, fields.periodEnd);
	if (!fields.national) checkPlaces(country, fields.regions);
	if (fields.leadOrganisationId) await checkOrganisations(db, [fields.leadOrganisationId], 'leadOrganisationId');
	await checkOrganisations(db, fields.partnerIds, 'partnerIds');
}

const rowValues = (fields: NodeFields) => ({
	title: cleanTexts(fields.title),
	description: cleanTexts(fields.description),
	originalLanguage: fields.originalLanguage,
	leadOrganisationId: fields.leadOrganisationId ?? null,
	periodStart: fields.periodStart ?? null,
	periodEnd: fields.periodEnd ?? null,
	status: fields.status,
	national: fields.national,
	sources: fields.sources
});

/** A new node under its parent, last among its siblings. */
export async function createNode(ctx: RequestContext, slug: string, input: unknown, options: { isSample?: boolean } = {}): Promise<NodeRow> {
	const data = parseOrThrow(NewNode, input);
	return ctx.transaction(async (tx) => {
		const owner = await strategyBySlug(tx.db, slug);
		tx.require('strategy.plan', strategyResource(owner));
		return insertNode(tx, owner, data, options);
	});
}

/** A node checked against the tree's rules and audited; the caller has checked who acts (a page, or the reference data). */
export async function insertNode(ctx: RequestContext, owner: StrategyRow, data: NewNode, options: { isSample?: boolean } = {}): Promise<NodeRow> {
	const [row] = await insertNodes(ctx, owner, [data], options);
	return row;
}

/**
 * New nodes, each checked against the tree's rules (their parents already in the tree) and audited as
 * `strategy_node.create`, each last among its siblings in the order given; returned in that order. Written a
 * few statements for them all rather than a dozen each: the programme import creates hundreds at once.
 */
export async function insertNodes(ctx: RequestContext, owner: StrategyRow, items: NewNode[], options: { isSample?: boolean } = {}): Promise<NodeRow[]> {
	if (!items.length) return [];
	const parentIds = [...new Set(items.flatMap((data) => (data.parentId ? [data.parentId] : [])))];
	const [parents, known, lasts] = await Promise.all([
		parentIds.length ? ctx.db.select({ id: node.id, strategyId: node.strategyId, kind: node.kind }).from(node).where(inArray(node.id, parentIds)) : [],
		knownOrganisations(ctx.db, items.flatMap((data) => [...(data.leadOrganisationId ? [data.leadOrganisationId] : []), ...data.partnerIds])),
		ctx.db.select({ parentId: node.parentId, last: max(node.position) }).from(node).where(eq(node.strategyId, owner.id)).groupBy(node.parentId)
	]);
	const parentOf = new Map(parents.map((parent) => [parent.id, parent]));
	for (const data of items) {
		checkParentRow(owner.id, data.kind, data.parentId, parentOf.get(data.parentId ?? ''));
		checkTitle(data.title);
		checkPeriod(data.periodStart, data.periodEnd);
		if (!data.national) checkPlaces(owner.country, data.regions);
		if (data.leadOrganisationId) checkKnown(known, [data.leadOrganisationId], 'leadOrganisationId');
		checkKnown(known, data.partnerIds, 'partnerIds');
	}
	const next = new Map(lasts.map((row) => [row.parentId ?? '', (row.last ?? -1) + 1]));
	const now = ctx.now();
	const values = items.map((data) => {
		const parentId = data.parentId ?? null;
		const position = next.get(parentId ?? '') ?? 0;
		next.set(parentId ?? '', position + 1);
		return { ...rowValues(data), id: crypto.randomUUID(), strategyId: owner.id, parentId, kind: data.kind, position, isSample: options.isSample ?? false, createdAt: now, updatedAt: now };
	});
	const rows = new Map<string, NodeRow>();
	for (const chunk of chunks(values, 500)) for (const row of await ctx.db.insert(node).values(chunk).returning()) rows.set(row.id, row);
	// their partners, places and tags, as writeLinks writes a node's
	const links = values.map(({ id }, index) => {
		const data = items[index];
		const tags = [...[...new Set(data.gcm)].map((code) => ({ nodeId: id, scheme: 'gcm' as TagScheme, code })), ...[...new Set(data.sdg)].map((code) => ({ nodeId: id, scheme: 'sdg' as TagScheme, code }))];
		return { partners: [...new Set(data.partnerIds)].map((organisationId) => ({ nodeId: id, organisationId })), places: data.national ? [] : [...new Set(data.regions)].sort().map((region) => ({ nodeId: id, region })), tags };
	});
	for (const chunk of chunks(links.flatMap((entry) => entry.partners), 1000)) await ctx.db.insert(nodePartner).values(chunk);
	for (const chunk of chunks(links.flatMap((entry) => entry.places), 1000)) await ctx.db.insert(nodeRegion).values(chunk);
	for (const chunk of chunks(links.flatMap((entry) => entry.tags), 1000)) await ctx.db.insert(nodeTag).values(chunk);
	await recordAudits(
		ctx.db,
		ctx.audit,
		values.map(({ id }, index) => ({
			action: 'strategy_node.create',
			resourceType: 'strategy_node',
			resourceId: id,
			after: { ...rows.get(id)!, partnerIds: links[index].partners.map((partner) => partner.organisationId), regions: links[index].places.map((place) => place.region), tags: links[index].tags }
		}))
	);
	return values.map(({ id }) => rows.get(id)!);
}

/** A list in slices of `size` (multi-row inserts stay under the driver's parameter limit). */
function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}

/** A node and its strategy; `lock` when the caller's transaction is about to change the node. */
async function nodeWithStrategy(db: DbOrTx, id: string, lock = true) {
	const query = db.select({ row: node, owner: strategy }).from(node).innerJoin(strategy, eq(strategy.id, node.strategyId)).where(eq(node.id, id));
	const [found] = lock ? await query.for('update') : await query;
	if (!found) throw new AppError('not_found');
	return found;
}

/** A node for the planner's form (the strategy it belongs to, checked against the planner's grants). */
export async function nodeForPlanner(ctx: RequestContext, id: string) {
	const found = await nodeWithStrategy(ctx.db, id, false);
	ctx.require('strategy.plan', strategyResource(found.owner));
	return { ...found, snapshot: (await snapshotOf(ctx.db, id))! };
}

/** A node's own data (its kind and place do not change here: see moveNode). */
export async function updateNode(ctx: RequestContext, id: string, input: unknown): Promise<NodeRow> {
	const data = parseOrThrow(NodeFields, input);
	return ctx.transaction(async (tx) => {
		const { owner } = await nodeWithStrategy(tx.db, id);
		tx.require('strategy.plan', strategyResource(owner));
		await checkFields(tx.db, data, owner.country);
		const before = await snapshotOf(tx.db, id);
		const [row] = await tx.db.update(node).set({ ...rowValues(data), updatedAt: tx.now() }).where(eq(node.id, id)).returning();
		await writeLinks(tx.db, id, data);
		await recordAudit(tx.db, tx.audit, { action: 'strategy_node.update', resourceType: 'strategy_node', resourceId: id, before, after: await snapshotOf(tx.db, id) });
		return row;
	});
}

/** Moves a node under another parent of the right kind (same strategy) and/or to a place among its siblings. */
export async function moveNode(ctx: RequestContext, id: string, input: unknown): Promise<NodeRow> {
	const data = parseOrThrow(MoveNode, input);
	return ctx.transaction(async (tx) => {
		const { row: current, owner } = await nodeWithStrategy(tx.db, id);
		tx.require('strategy.plan', strategyResource(owner));
		const parentId = data.parentId === undefined ? current.parentId : data.parentId;
		await checkParent(tx.db, owner.id, current.kind, parentId);
		const siblings = (await tx.db.select({ id: node.id }).from(node).where(siblingsOf(owner.id, parentId)).orderBy(asc(node.position), asc(node.createdAt))).map((row) => row.id).filter((other) => other !== id);
		const at = Math.min(data.position ?? siblings.length, siblings.length);
		siblings.splice(at, 0, id);
		for (const [position, sibling] of siblings.entries()) await tx.db.update(node).set({ position, ...(sibling === id ? { parentId, updatedAt: tx.now() } : {}) }).where(eq(node.id, sibling));
		const [row] = await tx.db.select().from(node).where(eq(node.id, id));
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_node.move',
			resourceType: 'strategy_node',
			resourceId: id,
			before: { parentId: current.parentId, position: current.position },
			after: { parentId: row.parentId, position: row.position }
		});
		return row;
	});
}

/** How many nodes sit below a node (all levels). */
export async function descendantCount(db: DbOrTx, id: string): Promise<number> {
	const result = await db.execute(sql`with recursive below as (select id from ${node} where parent_id = ${id} union all select n.id from ${node} n join below b on n.parent_id = b.id) select count(*)::int as count from below`);
	const rows = rowsOf<{ count: number }>(result);
	return Number(rows[0]?.count ?? 0);
}

/** What a removal takes with it: the nodes below, and the budget lines, indicators (with their reported values) and initiatives of them all. */
export interface RemovalContents {
	below: number;
	lines: number;
	indicators: number;
	values: number;
	initiatives: number;
}

/** What each of these nodes holds itself: its budget lines, indicators, the values reported on them, the initiatives linked to it. */
export async function heldByNodes(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Omit<RemovalContents, 'below'>>> {
	const held = new Map<string, Omit<RemovalContents, 'below'>>();
	for (let start = 0; start < ids.length; start += 1000) {
		const chunk = `{${ids.slice(start, start + 1000).join(',')}}`;
		const rows = rowsOf<{ id: string; lines: number; indicators: number; values: number; initiatives: number }>(
			await db.execute(sql`select n.id,
				(select count(*)::int from strategy.budget_line l where l.node_id = n.id) as lines,
				(select count(*)::int from strategy.indicator i where i.node_id = n.id) as indicators,
				(select count(*)::int from strategy.indicator_value v join strategy.indicator i on i.id = v.indicator_id where i.node_id = n.id) as values,
				(select count(*)::int from strategy.action_initiative k where k.node_id = n.id) as initiatives
				from strategy.node n where n.id = any(${chunk}::uuid[])`)
		);
		for (const row of rows) held.set(row.id, { lines: Number(row.lines), indicators: Number(row.indicators), values: Number(row.values), initiatives: Number(row.initiatives) });
	}
	return held;
}

/** What removing a node takes with it (the plan page's confirmation says it). */
export async function removalContents(db: DbOrTx, id: string): Promise<RemovalContents> {
	const ids = rowsOf<{ id: string }>(await db.execute(sql`with recursive below as (select id from ${node} where id = ${id} union all select n.id from ${node} n join below b on n.parent_id = b.id) select id from below`)).map((row) => row.id);
	return sumContents(ids.length - 1, [...(await heldByNodes(db, ids)).values()]);
}

/** The nodes below and what they all hold, summed. */
export function sumContents(below: number, held: Iterable<Omit<RemovalContents, 'below'>>): RemovalContents {
	const total: RemovalContents = { below, lines: 0, indicators: 0, values: 0, initiatives: 0 };
	for (const entry of held) {
		total.lines += entry.lines;
		total.indicators += entry.indicators;
		total.values += entry.values;
		total.initiatives += entry.initiatives;
	}
	return total;
}

/**
 * The rule of every removal (the plan page's and the programme import's): confirmed (`confirm`), and — when the
 * node holds anything, nodes below it, budget lines, indicators and their reported values or initiatives — that too
 * confirmed (`withChildren`); else refused on the box to tick, nothing removed.
 */
export function checkRemoval(confirmation: { confirm?: boolean; withChildren?: boolean }, contents: RemovalContents) {
	if (!confirmation.confirm) throw new AppError('invalid_input', { fields: [{ path: 'confirm', messageKey: 'field_required' }], extra: { reason: 'confirmation_required' } });
	if (contents.below > 0 && !confirmation.withChildren)
		throw new AppError('invalid_input', { fields: [{ path: 'withChildren', messageKey: 'field_required' }], extra: { reason: 'has_children', children: contents.below, ...contents } });
	if (contents.lines + contents.indicators + contents.values + contents.initiatives > 0 && !confirmation.withChildren)
		throw new AppError('invalid_input', { fields: [{ path: 'withChildren', messageKey: 'field_required' }], extra: { reason: 'has_contents', ...contents } });
}

/** Removes a node and all below it, audited (`strategy_node.remove`, the removed subtree kept in the event); the caller has checked the rule. */
export async function deleteNode(ctx: RequestContext, id: string): Promise<void> {
	const before = await snapshotOf(ctx.db, id);
	const subtree = await treeBelow(ctx.db, id);
	await ctx.db.delete(node).where(eq(node.id, id));
	await recordAudit(ctx.db, ctx.audit, { action: 'strategy_node.remove', resourceType: 'strategy_node', resourceId: id, before: { ...before, removedBelow: subtree } });
}

/**
 * Removes a node once the planner has confirmed; a node holding anything (nodes below, budget lines, indicators
 * and their values, initiatives) goes only when removing that is confirmed too (everything below is removed with
 * it and kept in the audit event).
 */
export async function removeNode(ctx: RequestContext, id: string, confirmation: { confirm?: boolean; withChildren?: boolean }): Promise<{ removed: number }> {
	return ctx.transaction(async (tx) => {
		const { owner } = await nodeWithStrategy(tx.db, id);
		tx.require('strategy.plan', strategyResource(owner));
		if (!confirmation.confirm) checkRemoval(confirmation, { below: 0, lines: 0, indicators: 0, values: 0, initiatives: 0 });
		const contents = await removalContents(tx.db, id);
		checkRemoval(confirmation, contents);
		await deleteNode(tx, id);
		return { removed: contents.below + 1 };
	});
}

async function treeBelow(db: DbOrTx, id: string) {
	const result = await db.execute(sql`with recursive below as (select * from ${node} where parent_id = ${id} union all select n.* from ${node} n join below b on n.parent_id = b.id) select id, parent_id, kind, title from below`);
	return rowsOf<unknown>(result);
}

/** The strategies a person owns or plans through grants (or all, for administrators): their my-space entry. */
export async function strategiesPlannedBy(db: DbOrTx, actor: Actor, language: Language) {
	// reporters report on a strategy, they do not plan it (their entry is the results' queue)
	const scopes = (actor.grants ?? []).filter((grant) => grant.module === 'strategy' && grant.role !== 'reporter').map((grant) => ({ scope: grant.scope, role: grant.role }));
	const all = actor.role === 'administrator' || scopes.some((grant) => grant.scope === null);
	if (!all && !scopes.length) return [];
	const rows = await db.select().from(strategy).orderBy(asc(strategy.slug));
	return rows
		.filter((row) => all || scopes.some((grant) => grant.scope === row.slug))
		.map((row) => ({ slug: row.slug, title: textOf(row.title, language), role: scopes.find((grant) => grant.scope === row.slug || grant.scope === null)?.role ?? 'owner', published: row.published, isSample: row.isSample }));
}
