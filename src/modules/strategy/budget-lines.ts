// A strategy's budget lines as open data (the API): one row per action, year and funding source, in its currency,
// with planned, committed and executed amounts; filters by action, year, funding source and currency; totals per
// currency (never converted) over the real lines the filters keep. Published strategies for everyone; an
// unpublished one for its planners and owners only.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { strategyBySlug, strategyResource } from './strategy.service.ts';
import { budgetLine, node } from './strategy.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const BudgetLineFilters = z.object({
	action: z.preprocess(blankToUndefined, z.uuid().optional()).describe('one action (its id)'),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1990).max(2100).optional()),
	source: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).describe('the funding source, as written on the lines (e.g. `Budget de l’État`)'),
	currency: z.preprocess((value) => (typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined), z.string().regex(/^[A-Z]{3}$/).optional()).describe('ISO 4217'),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
	pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(500))
});

export const BudgetLineOut = z
	.object({
		id: z.uuid(),
		actionId: z.uuid(),
		action: z.string().describe('the action’s title in the asked language, or the one it is written in'),
		actionLang: z.string().describe('the language of `action`'),
		year: z.int(),
		fundingSource: z.string(),
		currency: z.string().describe('ISO 4217'),
		planned: z.number(),
		committed: z.number(),
		executed: z.number(),
		note: z.string().nullable().describe('why executed is above committed, or any remark'),
		isSample: z.boolean()
	})
	.meta({ id: 'StrategyBudgetLine' });

export const BudgetLinesOut = z
	.object({
		items: z.array(BudgetLineOut),
		total: z.int().describe('lines the filters keep (samples included)'),
		page: z.int(),
		pageSize: z.int(),
		totals: z
			.array(z.object({ currency: z.string(), planned: z.number(), committed: z.number(), executed: z.number(), rate: z.number().nullable().describe('executed over planned, in percent') }))
			.describe('the real lines the filters keep (samples left out), summed per currency — never converted')
	})
	.meta({ id: 'StrategyBudgetLines' });
export type BudgetLinesOut = z.output<typeof BudgetLinesOut>;

const cents = (value: unknown) => Math.round(Number(value ?? 0) * 100) / 100;

export async function budgetLinesOfStrategy(ctx: RequestContext, slug: string, query: unknown): Promise<BudgetLinesOut> {
	const filters = parseOrThrow(BudgetLineFilters, query);
	const owner = await strategyBySlug(ctx.db, slug);
	if (!owner.published && !ctx.can('strategy.plan', strategyResource(owner))) throw new AppError('not_found');
	const where: SQL[] = [eq(node.strategyId, owner.id)];
	if (filters.action) where.push(eq(budgetLine.nodeId, filters.action));
	if (filters.year) where.push(eq(budgetLine.year, filters.year));
	if (filters.source) where.push(eq(budgetLine.fundingSource, filters.source));
	if (filters.currency) where.push(eq(budgetLine.currency, filters.currency));
	const kept = and(...where);
	const [rows, [{ count }], sums] = await Promise.all([
		ctx.db
			.select({ line: budgetLine, title: node.title })
			.from(budgetLine)
			.innerJoin(node, eq(node.id, budgetLine.nodeId))
			.where(kept)
			.orderBy(asc(node.position), asc(budgetLine.nodeId), asc(budgetLine.year), asc(budgetLine.fundingSource))
			.limit(filters.pageSize)
			.offset((filters.page - 1) * filters.pageSize),
		ctx.db.select({ count: sql<number>`count(*)::int` }).from(budgetLine).innerJoin(node, eq(node.id, budgetLine.nodeId)).where(kept),
		ctx.db
			.select({ currency: budgetLine.currency, planned: sql<string>`sum(${budgetLine.planned})`, committed: sql<string>`sum(${budgetLine.committed})`, executed: sql<string>`sum(${budgetLine.executed})` })
			.from(budgetLine)
			.innerJoin(node, eq(node.id, budgetLine.nodeId))
			.where(and(kept, eq(budgetLine.isSample, false), eq(node.isSample, false)))
			.groupBy(budgetLine.currency)
			.orderBy(asc(budgetLine.currency))
	]);
	return {
		items: rows.map(({ line, title }) => {
			const shown = pickText(title as Record<string, string>, ctx.language);
			return { id: line.id, actionId: line.nodeId, action: shown.text, actionLang: shown.lang, year: line.year, fundingSource: line.fundingSource, currency: line.currency, planned: cents(line.planned), committed: cents(line.committed), executed: cents(line.executed), note: line.note, isSample: line.isSample };
		}),
		total: Number(count),
		page: filters.page,
		pageSize: filters.pageSize,
		totals: sums.map((sum) => {
			const planned = cents(sum.planned);
			const executed = cents(sum.executed);
			return { currency: sum.currency, planned, committed: cents(sum.committed), executed, rate: planned > 0 ? Math.round((executed / planned) * 1000) / 10 : null };
		})
	};
}
