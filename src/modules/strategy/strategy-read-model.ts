// What a strategy's dashboard reads, kept in memory per Strategy data revision (`cache.strategy_revision`,
// migration 0078: bumped in every transaction that writes a table of the `strategy` schema or an
// organisation): the strategy's row, its owner's name, its whole tree in a language, the initiatives its
// actions carry, its budget totals and its approved versions. Each request then checks the revision (one
// one-row query), filters the tree and counts in memory. Why: the tree of a programme at the scale
// (630 nodes with their places, bodies and tags) took ~40 ms of queries a request and the budget totals
// another ~15, for every filter never asked before; the same pattern as the Atlas's read model (ADR 0012).
// The region pages read the published strategies' nodes, approved values and budget totals of every region
// the same way, and pick the region asked for.
// The budget totals in MAD are converted on each request from those cached totals with the platform's
// exchange rates (kept by the Atlas, cached per Atlas data revision: a rate changed shows at once).
// PostgreSQL stays the source of truth; `strategyWithTree` and the services below stay the reference.
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { revisionCache, type RevisionCache } from '../../platform/cache/revision-cache.ts';
import { budgetInRegionFrom, budgetTotalsByPlace, executionRates } from './budget.service.ts';
import { approvedValuesByRegion, progressInRegionFrom, regionsWithoutActions } from './results.service.ts';
import { acceptedCounts, acceptedLinksOfPublished, initiativesInRegionFrom, keepActions } from './initiative-links.service.ts';
import { approvedVersionCount } from './programme-versions.service.ts';
import type { TreeFilters } from './strategy.schemas.ts';
import { exchangeRates, type ExchangeRate } from '../../platform/money/exchange-rates.ts';
import { totalInMad, yearAmounts } from './budget-conversion.ts';
import { actionsInRegionFrom, countActions, ownerName, publishedNodes, strategyBySlug, treeOf, withFilteredTree } from './strategy.service.ts';
import type { StrategyRow } from './strategy.table.ts';

export function strategyCache(db: DbOrTx): RevisionCache {
	return revisionCache(db, 'strategy_revision');
}

/**
 * A strategy's dashboard: the strategy (published, or one the viewer plans), its tree filtered, the whole
 * tree, the count of accepted initiatives per action, its execution rates and its approved versions.
 */
export async function strategyDashboard(db: DbOrTx, slug: string, language: Language, filters: TreeFilters, viewer: { canPlan: (row: StrategyRow) => boolean }) {
	const reads = await strategyCache(db).snapshot();
	const row = await reads.read(`row:${slug}`, () => strategyBySlug(db, slug));
	if (!row.published && !viewer.canPlan(row)) throw new AppError('not_found');
	const [owner, whole, accepted, execution, approvedVersions, rates] = await Promise.all([
		reads.read(`owner:${row.id}`, () => ownerName(db, row)),
		reads.read(`tree:${row.id}:${language}`, () => treeOf(db, row.id, language)),
		reads.read(`accepted:${row.id}`, async () => Object.fromEntries(await acceptedCounts(db, row.id))),
		reads.read(`execution:${row.id}`, () => executionRates(db, row.id)),
		reads.read(`versions:${row.id}`, () => approvedVersionCount(db, row.id)),
		exchangeRates(db)
	]);
	// what does not depend on the request's filters, computed once per revision: the actions, those an initiative
	// carries, and each domain's regions without actions (the gap view, the strategy's country's regions)
	const facts = await reads.read(`facts:${row.id}:${language}`, async () => ({
		actions: countActions(whole),
		carried: countActions(keepActions(whole, (action) => Boolean((accepted as Record<string, number>)[action.id]))),
		gaps: regionsWithoutActions(whole, row.country)
	}));
	const inMad = inMadOf(execution, rates);
	return { ...withFilteredTree(row, owner, whole, language, filters), accepted: accepted as Readonly<Record<string, number>>, execution, inMad, approvedVersions, facts };
}

type Execution = Awaited<ReturnType<typeof executionRates>>;
type InMad = { total: ReturnType<typeof totalInMad>; byYear: ({ year: string } & NonNullable<ReturnType<typeof totalInMad>>)[] };
/** The execution converted to MAD, kept per cached execution and cached rates (both the same objects until their data changes). */
const convertedOnce = new WeakMap<object, WeakMap<object, InMad>>();

/** The execution by year converted to MAD, each year at its rate, and all years together. */
function inMadOf(execution: Execution, rates: readonly ExchangeRate[]): InMad {
	const byRates = convertedOnce.get(execution) ?? new WeakMap<object, InMad>();
	convertedOnce.set(execution, byRates);
	const kept = byRates.get(rates);
	if (kept) return kept;
	const converted: InMad = {
		total: totalInMad(yearAmounts(execution.year), rates),
		byYear: [...new Set(execution.year.map((entry) => entry.key))].flatMap((year) => {
			const total = totalInMad(yearAmounts(execution.year.filter((entry) => entry.key === year)), rates);
			return total ? [{ year, ...total }] : [];
		})
	};
	byRates.set(rates, converted);
	return converted;
}

/** A region's page: the published strategies' actions there, its indicators' approved values and its budget. */
export async function regionOverview(db: DbOrTx, region: string, language: Language) {
	const reads = await strategyCache(db).snapshot();
	const [nodes, values, totals, links, rates] = await Promise.all([
		reads.read('published-nodes', () => publishedNodes(db)),
		reads.read('approved-values-by-region', () => approvedValuesByRegion(db)),
		reads.read('budget-totals-by-place', () => budgetTotalsByPlace(db)),
		// the accepted initiative links with their actions' places; the initiatives' own titles are the Atlas's, read per request
		reads.read('accepted-links', () => acceptedLinksOfPublished(db)),
		exchangeRates(db)
	]);
	return {
		initiatives: await initiativesInRegionFrom(db, links, region, language),
		strategies: actionsInRegionFrom(nodes, region, language),
		progress: progressInRegionFrom(values, region, language),
		budget: budgetInRegionFrom(totals, region, language, rates)
	};
}
