// The chain from strategy to the ground (issue #13, item 4): Atlas initiatives linked to the actions they
// contribute to — proposed by partners, accepted or declined by the strategy's planners — shown on the
// action's page, on each region's page, and as a gap view (actions no initiative carries yet). The Atlas
// is another module: initiatives are named by their link (`atlas.initiative:<slug>`) and read through the
// platform's links (ADR 0003); without the Atlas installed nothing can be proposed and nothing is shown.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { Backlink } from '../../platform/kernel/manifest.ts';
import { backlinksTo, linkChoices, linkKindInstalled, linkValue, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';
import { mailUser } from '../../platform/mail/mail-user.ts';
import { budgetLinesOf } from './budget.service.ts';
import { ACTION_KIND, actionKey } from './link-targets.ts';
import { recommendationsOfAction } from './recommendations.service.ts';
import type { TreeNode } from './strategy.schemas.ts';
import { strategyDetail, strategyResource } from './strategy.service.ts';
import { actionInitiative, node, nodeRegion, strategy, type ActionInitiativeRow, type StrategyRow, type Translated } from './strategy.table.ts';

/** The kind of record an action's initiatives are (the Atlas's). */
export const INITIATIVE_KIND = 'atlas.initiative';

const text = (max: number) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().max(max).optional());

export const ProposeInitiative = z.object({
	initiative: z.string().trim().min(1).max(300),
	note: text(2000)
});
export const DecideInitiative = z
	.object({ decision: z.enum(['accept', 'decline']), reason: text(2000) })
	.refine((value) => value.decision === 'accept' || value.reason, { path: ['reason'], message: 'field_required' });

const titleOf = (title: Translated, language: Language) => pickText(title as Record<string, string>, language).text;

/** An action and its strategy, or not found (a domain, a programme or an objective is not an action). */
async function actionOf(db: DbOrTx, nodeId: string): Promise<{ action: typeof node.$inferSelect; owner: StrategyRow }> {
	if (!/^[0-9a-f-]{36}$/i.test(nodeId)) throw new AppError('not_found');
	const [found] = await db.select({ action: node, owner: strategy }).from(node).innerJoin(strategy, eq(strategy.id, node.strategyId)).where(eq(node.id, nodeId));
	if (!found || found.action.kind !== 'action') throw new AppError('not_found');
	return found;
}

/**
 * Proposes an initiative for an action, with the proposer's note. A planner of the strategy links it at
 * once (accepted); anyone else with the right waits for the planners. Refused: the Atlas not installed or
 * the initiative unknown, an unpublished strategy one does not plan, an initiative already proposed,
 * accepted or declined for this action.
 */
export async function proposeInitiative(ctx: RequestContext, nodeId: string, input: unknown): Promise<ActionInitiativeRow> {
	const data = parseOrThrow(ProposeInitiative, input);
	return ctx.transaction(async (tx) => {
		const { action, owner } = await actionOf(tx.db, nodeId);
		const planner = tx.can('strategy.plan', strategyResource(owner));
		if (!planner) tx.require('strategy.propose_initiatives');
		if (!owner.published && !planner) throw new AppError('not_found');
		if (!linkKindInstalled(INITIATIVE_KIND) || parseLink(data.initiative)?.kind !== INITIATIVE_KIND || (await unknownLinks(tx.db, [data.initiative], tx.language)).length) {
			throw new AppError('invalid_input', { fields: [{ path: 'initiative', messageKey: 'field_choice' }] });
		}
		const [existing] = await tx.db.select().from(actionInitiative).where(and(eq(actionInitiative.nodeId, action.id), eq(actionInitiative.initiative, data.initiative)));
		if (existing) throw new AppError('conflict', { extra: { reason: existing.status === 'declined' ? 'initiative_declined' : 'initiative_already_linked' } });
		const userId = tx.actor!.userId;
		const [row] = await tx.db
			.insert(actionInitiative)
			.values({
				nodeId: action.id,
				initiative: data.initiative,
				status: planner ? 'accepted' : 'proposed',
				note: data.note ?? null,
				noteLanguage: data.note ? tx.language : null,
				proposedBy: userId,
				proposedAt: tx.now(),
				...(planner ? { decidedBy: userId, decidedAt: tx.now() } : {})
			})
			.returning();
		await recordAudit(tx.db, tx.audit, {
			action: planner ? 'strategy_initiative.link' : 'strategy_initiative.propose',
			resourceType: 'strategy_node',
			resourceId: action.id,
			after: { link: row.id, initiative: row.initiative, status: row.status, note: row.note }
		});
		return row;
	});
}

/**
 * A planner's decision on a proposal: accepted (shown on the action's and the regions' pages) or declined
 * with the reason. The proposer is e-mailed in their language. A decided proposal is not decided again.
 */
export async function decideInitiative(ctx: RequestContext, linkId: string, input: unknown): Promise<ActionInitiativeRow> {
	const data = parseOrThrow(DecideInitiative, input);
	const row = await ctx.transaction(async (tx) => {
		const current = await linkForPlanner(tx, linkId);
		if (current.link.status !== 'proposed') throw new AppError('conflict', { extra: { reason: 'initiative_already_decided' } });
		const [decided] = await tx.db
			.update(actionInitiative)
			.set({
				status: data.decision === 'accept' ? 'accepted' : 'declined',
				decidedBy: tx.actor!.userId,
				decidedAt: tx.now(),
				reason: data.decision === 'decline' ? data.reason! : null,
				reasonLanguage: data.decision === 'decline' ? tx.language : null
			})
			.where(and(eq(actionInitiative.id, current.link.id), eq(actionInitiative.status, 'proposed')))
			.returning();
		if (!decided) throw new AppError('conflict', { extra: { reason: 'initiative_already_decided' } });
		await recordAudit(tx.db, tx.audit, {
			action: `strategy_initiative.${data.decision}`,
			resourceType: 'strategy_node',
			resourceId: current.link.nodeId,
			before: { link: current.link.id, status: 'proposed' },
			after: { link: decided.id, initiative: decided.initiative, status: decided.status, reason: decided.reason }
		});
		return { decided, current };
	});
	if (row.decided.proposedBy && row.decided.proposedBy !== ctx.actor?.userId) {
		const [initiative] = await resolveLinks(ctx.db, [row.decided.initiative], ctx.language);
		await mailUser(
			ctx,
			row.decided.proposedBy,
			row.decided.status === 'accepted' ? 'strategy.email_initiative_accepted' : 'strategy.email_initiative_declined',
			(language) => ({ initiative: initiative?.label ?? row.decided.initiative, action: titleOf(row.current.action.title, language), reason: row.decided.reason ?? '' }),
			`/strategy/${row.current.owner.slug}/actions/${row.current.action.id}`
		);
	}
	return row.decided;
}

/** Takes an initiative off an action (a planner: a link made by mistake, an initiative that stopped). */
export async function removeInitiative(ctx: RequestContext, linkId: string): Promise<void> {
	await ctx.transaction(async (tx) => {
		const current = await linkForPlanner(tx, linkId);
		await tx.db.delete(actionInitiative).where(eq(actionInitiative.id, current.link.id));
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_initiative.remove',
			resourceType: 'strategy_node',
			resourceId: current.link.nodeId,
			before: { link: current.link.id, initiative: current.link.initiative, status: current.link.status, note: current.link.note, reason: current.link.reason }
		});
	});
}

async function linkForPlanner(ctx: RequestContext, linkId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(linkId)) throw new AppError('not_found');
	const [link] = await ctx.db.select().from(actionInitiative).where(eq(actionInitiative.id, linkId)).for('update');
	if (!link) throw new AppError('not_found');
	const { action, owner } = await actionOf(ctx.db, link.nodeId);
	ctx.require('strategy.plan', strategyResource(owner));
	return { link, action, owner };
}

export interface ShownInitiative {
	id: string;
	initiative: ResolvedLink;
	status: ActionInitiativeRow['status'];
	note: string | null;
	/** the language each was written in (the page's when written) */
	noteLanguage: string | null;
	reason: string | null;
	reasonLanguage: string | null;
	proposedAt: string;
	decidedAt: string | null;
	isSample: boolean;
}

/** The links as shown: their initiative named through the Atlas; those whose initiative is gone are left out. */
async function shown(db: DbOrTx, rows: ActionInitiativeRow[], language: Language): Promise<ShownInitiative[]> {
	const resolved = new Map((await resolveLinks(db, [...new Set(rows.map((row) => row.initiative))], language)).map((link) => [link.value, link]));
	return rows.flatMap((row) => {
		const initiative = resolved.get(row.initiative);
		if (!initiative) return [];
		return [{ id: row.id, initiative, status: row.status, note: row.note, noteLanguage: row.noteLanguage, reason: row.reason, reasonLanguage: row.reasonLanguage, proposedAt: row.proposedAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null, isSample: row.isSample }];
	});
}

/**
 * An action's initiatives: the accepted ones for everyone; the proposals waiting and the declined ones too
 * for its planners; a proposer also sees their own proposals.
 */
export async function initiativesOfAction(ctx: RequestContext, nodeId: string) {
	const { action, owner } = await actionOf(ctx.db, nodeId);
	const planner = ctx.can('strategy.plan', strategyResource(owner));
	const userId = ctx.actor?.userId;
	const rows = await ctx.db
		.select()
		.from(actionInitiative)
		.where(
			and(
				eq(actionInitiative.nodeId, action.id),
				planner ? undefined : or(eq(actionInitiative.status, 'accepted'), userId ? eq(actionInitiative.proposedBy, userId) : sql`false`)
			)
		)
		.orderBy(asc(actionInitiative.status), desc(actionInitiative.proposedAt));
	return { planner, initiatives: await shown(ctx.db, rows, ctx.language) };
}

/** The proposals waiting in a strategy, for its planners (oldest first), with the action each is for. */
export async function proposalsWaiting(ctx: RequestContext, owner: StrategyRow) {
	ctx.require('strategy.plan', strategyResource(owner));
	const rows = await ctx.db
		.select({ link: actionInitiative, title: node.title })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.where(and(eq(node.strategyId, owner.id), eq(actionInitiative.status, 'proposed')))
		.orderBy(asc(actionInitiative.proposedAt));
	const titles = new Map(rows.map(({ link, title }) => [link.id, { nodeId: link.nodeId, title: titleOf(title, ctx.language) }]));
	return (await shown(ctx.db, rows.map(({ link }) => link), ctx.language)).map((entry) => ({ ...entry, action: titles.get(entry.id)! }));
}

/** How many proposals wait in these strategies (by slug: My space, the plan page). */
export async function proposalsWaitingCount(db: DbOrTx, strategySlugs: string[]): Promise<number> {
	if (!strategySlugs.length) return 0;
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(inArray(strategy.slug, strategySlugs), eq(actionInitiative.status, 'proposed')));
	return n;
}

/** A person's own proposals with their state (My space). */
export async function myProposals(db: DbOrTx, userId: string, language: Language) {
	const rows = await db
		.select({ link: actionInitiative, title: node.title, slug: strategy.slug })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(eq(actionInitiative.proposedBy, userId))
		.orderBy(desc(actionInitiative.proposedAt))
		.limit(50);
	const about = new Map(rows.map(({ link, title, slug }) => [link.id, { path: `/strategy/${slug}/actions/${link.nodeId}`, title: titleOf(title, language) }]));
	return (await shown(db, rows.map(({ link }) => link), language)).map((entry) => ({ ...entry, action: about.get(entry.id)! }));
}

/** The accepted initiatives of a published strategy's actions, by action id (the tree, the gap view, the API). */
export async function acceptedByAction(db: DbOrTx, strategyId: string, language: Language): Promise<Map<string, ShownInitiative[]>> {
	const rows = await db
		.select({ link: actionInitiative })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.where(and(eq(node.strategyId, strategyId), eq(actionInitiative.status, 'accepted')))
		.orderBy(asc(actionInitiative.decidedAt));
	const byAction = new Map<string, ShownInitiative[]>();
	const nodeOf = new Map(rows.map(({ link }) => [link.id, link.nodeId]));
	for (const entry of await shown(db, rows.map(({ link }) => link), language)) {
		const nodeId = nodeOf.get(entry.id)!;
		byAction.set(nodeId, [...(byAction.get(nodeId) ?? []), entry]);
	}
	return byAction;
}

/** How many initiatives are accepted for each action of a strategy (the tree's badges and its gap view: counts, no names). */
export async function acceptedCounts(db: DbOrTx, strategyId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ nodeId: actionInitiative.nodeId, count: sql<number>`count(*)::int` })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.where(and(eq(node.strategyId, strategyId), eq(actionInitiative.status, 'accepted')))
		.groupBy(actionInitiative.nodeId);
	return new Map(rows.map((row) => [row.nodeId, Number(row.count)]));
}

/**
 * The accepted initiative links of every published strategy's actions, with each action's title, strategy and places
 * (national, or its regions), in the strategies' and tree's order: what the region pages pick from (read once per
 * Strategy data revision by the read model; `initiativesInRegion` is the reference).
 */
export async function acceptedLinksOfPublished(db: DbOrTx) {
	return db
		.select({
			link: actionInitiative,
			title: node.title,
			slug: strategy.slug,
			strategyTitle: strategy.title,
			national: node.national,
			regions: sql<string[]>`coalesce((select array_agg(${nodeRegion.region} order by ${nodeRegion.region}) from ${nodeRegion} where ${nodeRegion.nodeId} = ${node.id}), '{}')`
		})
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(eq(actionInitiative.status, 'accepted'), eq(strategy.published, true)))
		.orderBy(asc(strategy.slug), asc(node.position));
}

export type AcceptedLinks = Awaited<ReturnType<typeof acceptedLinksOfPublished>>;

/** The initiatives on the ground in a region: those accepted for the published strategies' actions there (national ones included), each with the actions it carries. */
export async function initiativesInRegion(db: DbOrTx, region: string, language: Language) {
	return initiativesInRegionFrom(db, await acceptedLinksOfPublished(db), region, language);
}

/** The same, from the accepted links already read: only the Atlas's records are read (their titles are the Atlas's). */
export async function initiativesInRegionFrom(db: DbOrTx, links: AcceptedLinks, region: string, language: Language) {
	const rows = links.filter((entry) => entry.national || entry.regions.includes(region));
	const about = new Map(rows.map(({ link, title, slug, strategyTitle }) => [link.id, { path: `/strategy/${slug}/actions/${link.nodeId}`, title: titleOf(title, language), strategy: titleOf(strategyTitle, language) }]));
	const grouped = new Map<string, { initiative: ResolvedLink; isSample: boolean; actions: { path: string; title: string; strategy: string }[] }>();
	for (const entry of await shown(db, rows.map(({ link }) => link), language)) {
		const group = grouped.get(entry.initiative.value) ?? { initiative: entry.initiative, isSample: entry.isSample, actions: [] };
		group.actions.push(about.get(entry.id)!);
		grouped.set(entry.initiative.value, group);
	}
	return [...grouped.values()];
}

/** The published strategies' actions an initiative contributes to (the Atlas initiative's page links here). */
export async function actionsOfInitiative(db: DbOrTx, initiative: string, language: Language) {
	const rows = await db
		.select({ nodeId: node.id, title: node.title, slug: strategy.slug, strategyTitle: strategy.title })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(eq(actionInitiative.initiative, initiative), eq(actionInitiative.status, 'accepted'), eq(strategy.published, true)))
		.orderBy(asc(strategy.slug), asc(node.position));
	return rows.map((row) => ({ path: `/strategy/${row.slug}/actions/${row.nodeId}`, title: titleOf(row.title, language), strategy: titleOf(row.strategyTitle, language) }));
}

/**
 * An action's public page: the action with its place in the tree, its budget lines (real ones: the sample
 * programme's are badged with it), and its initiatives as the person may see them; what they may do (propose, decide).
 */
export async function actionPage(ctx: RequestContext, slug: string, nodeId: string) {
	const { action, owner } = await actionOf(ctx.db, nodeId);
	const planner = ctx.can('strategy.plan', strategyResource(owner));
	if (owner.slug !== slug || (!owner.published && !planner)) throw new AppError('not_found');
	const detail = await strategyDetail(ctx.db, slug, ctx.language, {}, { canPlan: () => planner });
	const found = (function find(items: TreeNode[], path: string[]): { item: TreeNode; path: string[] } | null {
		for (const item of items) {
			if (item.id === action.id) return { item, path };
			const below = find(item.children, [...path, item.title]);
			if (below) return below;
		}
		return null;
	})(detail.tree, []);
	if (!found) throw new AppError('not_found');
	const { initiatives } = await initiativesOfAction(ctx, action.id);
	const canPropose = linkKindInstalled(INITIATIVE_KIND) && (planner || ctx.can('strategy.propose_initiatives'));
	return {
		strategy: { slug: owner.slug, title: detail.title, isSample: owner.isSample },
		action: found.item,
		path: found.path,
		budget: await budgetLinesOf(ctx.db, action.id),
		recommendations: await recommendationsOfAction(ctx.db, action.id, ctx.language),
		initiatives,
		planner,
		canPropose,
		signedIn: Boolean(ctx.actor),
		atlasInstalled: linkKindInstalled(INITIATIVE_KIND),
		// the initiatives not linked yet, to pick from (names in the page's language; samples say so)
		choices: canPropose ? (await linkChoices(ctx.db, INITIATIVE_KIND, ctx.language)).filter((choice) => !initiatives.some((entry) => entry.initiative.value === choice.value)) : [],
		// other modules' records that name this action (the library's documents…), as the Atlas's initiative page shows them
		backlinks: await backlinksTo(ctx.db, linkValue(ACTION_KIND, actionKey(owner.slug, action.id)))
	};
}

/** The tree with only the actions `keep` accepts (and the branches holding one): the gap view keeps those no initiative carries. */
export function keepActions(tree: TreeNode[], keep: (action: TreeNode) => boolean): TreeNode[] {
	return tree.flatMap((item) => {
		if (item.kind === 'action') return keep(item) ? [item] : [];
		const children = keepActions(item.children, keep);
		return children.length ? [{ ...item, children }] : [];
	});
}

/** A published strategy's actions that initiatives carry, each with its accepted initiatives (the API). */
export async function initiativesOfStrategy(db: DbOrTx, owner: StrategyRow, language: Language, publicUrl: string) {
	const accepted = await acceptedByAction(db, owner.id, language);
	if (!accepted.size) return [];
	const actions = await db.select({ id: node.id, title: node.title }).from(node).where(inArray(node.id, [...accepted.keys()])).orderBy(asc(node.position));
	const base = publicUrl.replace(/\/$/, '');
	return actions.map((action) => ({
		actionId: action.id,
		action: titleOf(action.title, language),
		url: `${base}/${language}/strategy/${owner.slug}/actions/${action.id}`,
		initiatives: accepted.get(action.id)!.map((entry) => ({
			link: entry.initiative.value,
			title: entry.initiative.label,
			titleLanguage: entry.initiative.lang,
			url: `${base}/${language}${entry.initiative.path}`,
			isSample: entry.isSample || entry.initiative.isSample,
			acceptedAt: entry.decidedAt
		}))
	}));
}

/** For an Atlas initiative's page: how many actions of published strategies it carries, and where they are listed. */
export async function actionsLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== INITIATIVE_KIND) return [];
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(actionInitiative)
		.innerJoin(node, eq(node.id, actionInitiative.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(eq(actionInitiative.initiative, value), eq(actionInitiative.status, 'accepted'), eq(strategy.published, true)));
	return n ? [{ titleKey: 'strategy.actions_of_initiative', count: n, path: `/strategy/initiatives/${encodeURIComponent(link.key)}` }] : [];
}

/** The page of an initiative's actions: the initiative as the Atlas names it, and the actions it carries. */
export async function initiativePage(db: DbOrTx, key: string, language: Language) {
	const value = `${INITIATIVE_KIND}:${key}`;
	const [initiative] = linkKindInstalled(INITIATIVE_KIND) ? await resolveLinks(db, [value], language) : [];
	if (!initiative) throw new AppError('not_found');
	return { initiative, actions: await actionsOfInitiative(db, value, language) };
}
