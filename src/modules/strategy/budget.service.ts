// Budget lines of actions (planned, committed, executed per year and funding source) and the execution
// rates a strategy's page shows by domain, region and year. Samples are left out of the rates.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/rows.ts';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { strategyResource } from './strategy.service.ts';
import { exchangeRates, type ExchangeRate } from '../../platform/money/exchange-rates.ts';
import { totalInMad, type TotalInMad } from './budget-conversion.ts';
import { budgetLine, node, strategy, type BudgetLineRow } from './strategy.table.ts';

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
type ExecutionRates = { domain: ExecutionRow[]; region: ExecutionRow[]; year: ExecutionRow[] };

/**
 * Planned, committed and executed totals of a strategy's real budget lines, by domain (node id), region
 * (an action in two regions counts in each; a national action under `national`) and year, per currency;
 * the rate is executed over planned. `year` keeps that year's lines (the annual report); `region` keeps, by
 * domain and year, the lines of the actions carried out in that region, and by region that region and,
 * apart, the national actions (whose regional share is not known).
 */
export async function executionRates(db: DbOrTx, strategyId: string, only: { year?: number; region?: string } = {}): Promise<ExecutionRates> {
	// the totals the database keeps by domain, place, year and currency (migration 0071): a few hundred rows
	// whatever the programme's size. By domain and year, the lines once ('') — or, for a region, its own.
	const year = only.year === undefined ? sql`true` : sql`year = ${only.year}`;
	const once = only.region ?? '';
	const places = only.region ? sql`place in (${only.region}, 'national')` : sql`place <> ''`;
	const rows = rowsOf<{ by: keyof ExecutionRates; key: string; currency: string; planned: number; committed: number; executed: number }>(
		await db.execute(sql`
			with totals as (select * from cache.strategy_budget_total where strategy_id = ${strategyId} and ${year})
			select 'domain' as by, domain_id::text as key, currency, sum(planned)::float8 as planned, sum(committed)::float8 as committed, sum(executed)::float8 as executed
			from totals where place = ${once} group by domain_id, currency
			union all
			select 'year', year::text, currency, sum(planned)::float8, sum(committed)::float8, sum(executed)::float8 from totals where place = ${once} group by year, currency
			union all
			select 'region', place, currency, sum(planned)::float8, sum(committed)::float8, sum(executed)::float8 from totals where ${places} group by place, currency`)
	);
	const totals: ExecutionRates = { domain: [], region: [], year: [] };
	for (const { by, ...row } of rows) totals[by].push(executionRow(row.key, row));
	for (const list of Object.values(totals)) list.sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
	return totals;
}

function executionRow(key: string, sums: { currency: string; planned: number; committed: number; executed: number }): ExecutionRow {
	const [planned, committed, executed] = [Number(sums.planned), Number(sums.committed), Number(sums.executed)];
	return { key, currency: sums.currency, planned, committed, executed, rate: planned > 0 ? Math.round((executed / planned) * 1000) / 10 : null };
}

/**
 * A region's budget in each published strategy: the real lines of the actions carried out there (an action in
 * two regions counts whole in each) and, apart, of the national actions (which no region's share can be told of).
 */
export async function budgetInRegion(db: DbOrTx, region: string, language: Language) {
	return budgetInRegionFrom(await budgetTotalsByPlace(db), region, language, await exchangeRates(db));
}

export type BudgetTotalsByPlace = Awaited<ReturnType<typeof budgetTotalsByPlace>>;

/** The published strategies and their budget totals by place (each region, and national) and currency. */
export async function budgetTotalsByPlace(db: DbOrTx) {
	const [strategies, totals] = await Promise.all([
		db.select({ id: strategy.id, slug: strategy.slug, title: strategy.title }).from(strategy).where(eq(strategy.published, true)).orderBy(asc(strategy.slug)),
		db.execute(sql`
			select strategy_id::text as strategy, place, currency, year, sum(planned)::float8 as planned, sum(committed)::float8 as committed, sum(executed)::float8 as executed
			from cache.strategy_budget_total where place <> '' and strategy_id in (select id from ${strategy} where published)
			group by strategy_id, place, currency, year order by currency, year`)
	]);
	// by year too: each year's amounts converted at that year's rate (budget-conversion.ts)
	return { strategies, totals: rowsOf<{ strategy: string; place: string; currency: string; year: number; planned: number; committed: number; executed: number }>(totals) };
}

/** Rows of one place summed per currency over the years. */
function perCurrency(rows: BudgetTotalsByPlace['totals'], place: string): ExecutionRow[] {
	const sums = new Map<string, { currency: string; planned: number; committed: number; executed: number }>();
	for (const row of rows) {
		const sum = sums.get(row.currency) ?? { currency: row.currency, planned: 0, committed: 0, executed: 0 };
		sum.planned += Number(row.planned);
		sum.committed += Number(row.committed);
		sum.executed += Number(row.executed);
		sums.set(row.currency, sum);
	}
	return [...sums.values()].map((sum) => executionRow(place, { ...sum, planned: cents(sum.planned), committed: cents(sum.committed), executed: cents(sum.executed) }));
}
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * A region's budget per published strategy — its own actions' and, apart, the national ones' — from the totals
 * already read (no database), each per currency and, with the platform's rates, converted to MAD beside them.
 */
export function budgetInRegionFrom({ strategies, totals }: BudgetTotalsByPlace, region: string, language: Language, rates: readonly ExchangeRate[] = []) {
	const result: { slug: string; title: string; regional: ExecutionRow[]; national: ExecutionRow[]; regionalInMad: TotalInMad | null; nationalInMad: TotalInMad | null }[] = [];
	for (const row of strategies) {
		const own = totals.filter((entry) => entry.strategy === row.id);
		const regionalRows = own.filter((entry) => entry.place === region);
		const nationalRows = own.filter((entry) => entry.place === 'national');
		const regional = perCurrency(regionalRows, region);
		const national = perCurrency(nationalRows, 'national');
		if (regional.length || national.length)
			result.push({ slug: row.slug, title: pickText(row.title as Record<string, string>, language).text, regional, national, regionalInMad: totalInMad(regionalRows, rates), nationalInMad: totalInMad(nationalRows, rates) });
	}
	return result;
}
