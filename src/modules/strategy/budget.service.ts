// Budget lines of actions (planned, committed, executed per year and funding source) and the execution
// rates a strategy's page shows by domain, region and year. Samples are left out of the rates.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { strategyResource } from './strategy.service.ts';
import { budgetLine, node, nodeRegion, strategy, type BudgetLineRow } from './strategy.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const amount = z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? 0 : value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : value), z.coerce.number().min(0).max(99_999_999_999_999));

export const BudgetLineInput = z.object({
	year: z.coerce.number().int().min(1990).max(2100),
	fundingSource: z.string().trim().min(1).max(200),
	currency: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), z.string().regex(/^[A-Z]{3}$/)).default('MAD'),
	planned: amount.default(0),
	committed: amount.default(0),
	executed: amount.default(0),
	note: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional())
});
export type BudgetLineInput = z.output<typeof BudgetLineInput>;

async function actionOf(ctx: RequestContext, nodeId: string) {
	const [found] = await ctx.db.select({ node, owner: strategy }).from(node).innerJoin(strategy, eq(strategy.id, node.strategyId)).where(eq(node.id, nodeId));
	if (!found) throw new AppError('not_found');
	ctx.require('strategy.plan', strategyResource(found.owner));
	if (found.node.kind !== 'action') throw new AppError('invalid_input', { fields: [{ path: 'nodeId', messageKey: 'field_choice' }], extra: { reason: 'budget_on_actions_only' } });
	return found;
}

/** Sets an action's line for a year and funding source (a new one, or the same one changed), audited. */
export async function setBudgetLine(ctx: RequestContext, nodeId: string, input: unknown, options: { isSample?: boolean } = {}): Promise<BudgetLineRow> {
	const data = parseOrThrow(BudgetLineInput, input);
	// money spent above what was committed happens (an overrun, a late commitment): it must be explained
	if (data.executed > data.committed && !data.note) throw new AppError('invalid_input', { fields: [{ path: 'note', messageKey: 'field_required' }], extra: { reason: 'executed_above_committed' } });
	return ctx.transaction(async (tx) => {
		await actionOf(tx, nodeId);
		const [before] = await tx.db.select().from(budgetLine).where(and(eq(budgetLine.nodeId, nodeId), eq(budgetLine.year, data.year), eq(budgetLine.fundingSource, data.fundingSource)));
		const values = { ...data, note: data.note ?? null, updatedAt: tx.now() };
		const [row] = before
			? await tx.db.update(budgetLine).set(values).where(eq(budgetLine.id, before.id)).returning()
			: await tx.db.insert(budgetLine).values({ ...values, nodeId, isSample: options.isSample ?? false, createdAt: tx.now() }).returning();
		await recordAudit(tx.db, tx.audit, { action: before ? 'strategy_budget.update' : 'strategy_budget.create', resourceType: 'strategy_budget_line', resourceId: row.id, before: before ?? null, after: row });
		return row;
	});
}

export async function removeBudgetLine(ctx: RequestContext, nodeId: string, lineId: string): Promise<void> {
	await ctx.transaction(async (tx) => {
		await actionOf(tx, nodeId);
		const [before] = await tx.db.delete(budgetLine).where(and(eq(budgetLine.id, lineId), eq(budgetLine.nodeId, nodeId))).returning();
		if (!before) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'strategy_budget.remove', resourceType: 'strategy_budget_line', resourceId: lineId, before });
	});
}

export const budgetLinesOf = (db: DbOrTx, nodeId: string) => db.select().from(budgetLine).where(eq(budgetLine.nodeId, nodeId)).orderBy(asc(budgetLine.year), asc(budgetLine.fundingSource));

/** The lines of several actions (exports), by action, year and source. */
export const budgetLinesOfMany = async (db: DbOrTx, nodeIds: string[]) =>
	nodeIds.length ? db.select().from(budgetLine).where(inArray(budgetLine.nodeId, nodeIds)).orderBy(asc(budgetLine.nodeId), asc(budgetLine.year), asc(budgetLine.fundingSource)) : [];

export type ExecutionRow = { key: string; currency: string; planned: number; committed: number; executed: number; rate: number | null };

/**
 * Planned, committed and executed totals of a strategy's real budget lines, by domain (node id), region
 * (an action in two regions counts in each; a national action under `national`) and year, per currency;
 * the rate is executed over planned. `year` keeps that year's lines (the annual report); `region` keeps, by
 * domain and year, the lines of the actions carried out in that region, and by region that region and,
 * apart, the national actions (whose regional share is not known).
 */
export async function executionRates(db: DbOrTx, strategyId: string, only: { year?: number; region?: string } = {}): Promise<{ domain: ExecutionRow[]; region: ExecutionRow[]; year: ExecutionRow[] }> {
	const nodes = await db.select({ id: node.id, parentId: node.parentId, national: node.national }).from(node).where(eq(node.strategyId, strategyId));
	const parent = new Map(nodes.map((row) => [row.id, row.parentId]));
	const domainOf = (id: string): string => {
		let current = id;
		while (parent.get(current)) current = parent.get(current)!;
		return current;
	};
	const lines = await db
		.select({ line: budgetLine })
		.from(budgetLine)
		.innerJoin(node, eq(node.id, budgetLine.nodeId))
		.where(and(eq(node.strategyId, strategyId), eq(budgetLine.isSample, false), eq(node.isSample, false), only.year === undefined ? undefined : eq(budgetLine.year, only.year)));
	const regionsOf = new Map<string, string[]>();
	if (lines.length) {
		for (const row of await db.select().from(nodeRegion).innerJoin(node, eq(node.id, nodeRegion.nodeId)).where(eq(node.strategyId, strategyId)))
			regionsOf.set(row.node_region.nodeId, [...(regionsOf.get(row.node_region.nodeId) ?? []), row.node_region.region]);
	}
	const national = new Set(nodes.filter((row) => row.national).map((row) => row.id));
	const totals = { domain: new Map<string, ExecutionRow>(), region: new Map<string, ExecutionRow>(), year: new Map<string, ExecutionRow>() };
	const add = (by: keyof typeof totals, key: string, line: BudgetLineRow) => {
		const id = `${key}|${line.currency}`;
		const row = totals[by].get(id) ?? { key, currency: line.currency, planned: 0, committed: 0, executed: 0, rate: null };
		row.planned += Number(line.planned);
		row.committed += Number(line.committed);
		row.executed += Number(line.executed);
		totals[by].set(id, row);
	};
	for (const { line } of lines) {
		const places = national.has(line.nodeId) ? ['national'] : (regionsOf.get(line.nodeId) ?? []);
		for (const place of places) if (!only.region || place === only.region || place === 'national') add('region', place, line);
		if (only.region && !places.includes(only.region)) continue;
		add('domain', domainOf(line.nodeId), line);
		add('year', String(line.year), line);
	}
	const finish = (map: Map<string, ExecutionRow>) =>
		[...map.values()].map((row) => ({ ...row, rate: row.planned > 0 ? Math.round((row.executed / row.planned) * 1000) / 10 : null })).sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
	return { domain: finish(totals.domain), region: finish(totals.region), year: finish(totals.year) };
}

/**
 * A region's budget in each published strategy: the real lines of the actions carried out there (an action in
 * two regions counts whole in each) and, apart, of the national actions (which no region's share can be told of).
 */
export async function budgetInRegion(db: DbOrTx, region: string, language: Language) {
	const strategies = await db.select({ id: strategy.id, slug: strategy.slug, title: strategy.title }).from(strategy).where(eq(strategy.published, true)).orderBy(asc(strategy.slug));
	const result: { slug: string; title: string; regional: ExecutionRow[]; national: ExecutionRow[] }[] = [];
	for (const row of strategies) {
		const rates = (await executionRates(db, row.id)).region;
		const regional = rates.filter((entry) => entry.key === region);
		const national = rates.filter((entry) => entry.key === 'national');
		if (regional.length || national.length) result.push({ slug: row.slug, title: pickText(row.title as Record<string, string>, language).text, regional, national });
	}
	return result;
}
