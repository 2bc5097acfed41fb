import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { executionRates, setBudgetLine } from './budget.service.ts';
import { acceptedCounts, initiativesInRegion, keepActions } from './initiative-links.service.ts';
import { countActions, createNode, createStrategy, foldActions, strategyWithTree, updateNode } from './strategy.service.ts';
import { regionOverview, strategyDashboard } from './strategy-read-model.ts';
import { actionsInRegion } from './strategy.service.ts';
import { budgetInRegion } from './budget.service.ts';
import { progressInRegion, regionsWithoutActions } from './results.service.ts';
import { actionInitiative, strategy } from './strategy.table.ts';
import { linkChoices } from '../../platform/kernel/links.ts';
import type { TreeFilters } from './strategy.schemas.ts';

let app: TestApp;
let admin: Person;
let planner: Person;
let orgId: string;
const ids: Record<string, string> = {};
const canPlanTest = { canPlan: (row: { slug: string }) => row.slug === 'lecture-test' };
const nobody = { canPlan: () => false };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[{ id: orgId }] = await db.insert(organisation).values({ slug: 'lecture-ministere', name: 'Ministère de lecture', type: 'ministry', country: 'MA' }).returning();
	admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db, { role: 'member' });
	planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'lecture-test' }];
	await createStrategy(contextFor(db, admin), { slug: 'lecture-test', title: { fr: 'Stratégie lue' }, country: 'MA', periodStart: 2020, periodEnd: 2026, status: 'active', published: false, ownerOrganisationId: orgId });
	const ctx = contextFor(db, planner);
	ids.domain = (await createNode(ctx, 'lecture-test', { kind: 'domain', title: { fr: 'Emploi' } })).id;
	ids.programme = (await createNode(ctx, 'lecture-test', { kind: 'programme', parentId: ids.domain, title: { fr: 'Insertion' } })).id;
	ids.objective = (await createNode(ctx, 'lecture-test', { kind: 'objective', parentId: ids.programme, title: { fr: 'Accompagner' } })).id;
	ids.other = (await createNode(ctx, 'lecture-test', { kind: 'objective', parentId: ids.programme, title: { fr: 'Former' } })).id;
	for (const [key, parent, regions] of [['first', ids.objective, ['MA-01']], ['second', ids.objective, ['MA-02']], ['third', ids.other, ['MA-01']]] as const) {
		ids[key] = (await createNode(ctx, 'lecture-test', { kind: 'action', parentId: parent, title: { fr: `Action ${key}` }, regions: [...regions], leadOrganisationId: orgId, status: 'ongoing' })).id;
	}
});
afterAll(async () => app?.close());

/** What the dashboard reads, straight from the services (the reference). */
async function reference(filters: TreeFilters = {}) {
	const db = app.database.db;
	const { detail, whole } = await strategyWithTree(db, 'lecture-test', 'fr', filters, canPlanTest);
	return { detail, whole, accepted: Object.fromEntries(await acceptedCounts(db, detail.id)), execution: await executionRates(db, detail.id) };
}

describe('the strategy dashboard’s read model', () => {
	it('puts the revision trigger on every table of the strategy schema', async () => {
		const missing = rowsOf<{ table: string }>(
			await app.database.db.execute(sql`select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'strategy' and c.relkind in ('r', 'p')
				and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'strategy_revision')`)
		);
		expect(missing.map((row) => row.table)).toEqual([]);
	});

	it('answers as the services do, for every filter, and only to those who may see the strategy', async () => {
		const db = app.database.db;
		for (const filters of [{}, { region: ['MA-01'] }, { status: ['planned' as const] }, { domain: [ids.domain], region: ['MA-02'] }]) {
			const read = await strategyDashboard(db, 'lecture-test', 'fr', filters, canPlanTest);
			const expected = await reference(filters);
			expect(read.detail).toEqual(expected.detail);
			expect(read.whole).toEqual(expected.whole);
			expect(read.accepted).toEqual(expected.accepted);
			expect(read.execution).toEqual(expected.execution);
			// the whole tree's counts and gaps, whatever the filters
			expect(read.facts).toEqual({ actions: countActions(expected.whole), carried: countActions(keepActions(expected.whole, (action) => Boolean(expected.accepted[action.id]))), gaps: regionsWithoutActions(expected.whole, 'MA') });
		}
		// not published: a visitor who does not plan it is told it does not exist, from memory as from the database
		expect(await refusalWithReason(strategyDashboard(db, 'lecture-test', 'fr', {}, nobody))).toBe('not_found:');
	});

	it('shows every kind of write at the very next read', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		await strategyDashboard(db, 'lecture-test', 'fr', {}, canPlanTest);
		await updateNode(ctx, ids.first, { title: { fr: 'Action renommée' }, regions: ['MA-01'], leadOrganisationId: orgId, status: 'ongoing' });
		await setBudgetLine(ctx, ids.first, { year: 2024, fundingSource: 'Budget général', planned: 1000, committed: 500, executed: 250 });
		await db.update(organisation).set({ name: 'Ministère renommé' }).where(eq(organisation.id, orgId));
		const read = await strategyDashboard(db, 'lecture-test', 'fr', {}, canPlanTest);
		const action = read.whole[0].children[0].children[0].children[0];
		expect(action).toMatchObject({ title: 'Action renommée', lead: 'Ministère renommé' });
		expect(read.detail.owner).toBe('Ministère renommé');
		expect(read.execution.year).toEqual([expect.objectContaining({ key: '2024', planned: 1000, executed: 250 })]);
		expect(read.execution).toEqual((await reference()).execution);
		await createStrategy(contextFor(db, admin), { slug: 'lecture-publiee', title: { fr: 'Publiée' }, country: 'MA', status: 'active', published: true });
		await expect(strategyDashboard(db, 'lecture-publiee', 'fr', {}, nobody)).resolves.toMatchObject({ detail: { slug: 'lecture-publiee', actions: 0 } });
	});
});

describe('the region pages’ read model', () => {
	it('answers as the services do, and shows a strategy at the next read once published', async () => {
		const db = app.database.db;
		const reference = async (region: string, language: 'ar' | 'fr' = 'ar') => ({ initiatives: await initiativesInRegion(db, region, language), strategies: await actionsInRegion(db, region, language), progress: await progressInRegion(db, region, language), budget: await budgetInRegion(db, region, language) });
		for (const region of ['MA-01', 'MA-02', 'MA-09']) expect(await regionOverview(db, region, 'ar')).toEqual(await reference(region));
		const before = await regionOverview(db, 'MA-01', 'fr');
		expect(before.strategies.map((entry) => entry.strategy.slug)).not.toContain('lecture-test');
		await db.update(strategy).set({ published: true }).where(eq(strategy.slug, 'lecture-test'));
		const after = await regionOverview(db, 'MA-01', 'fr');
		const published = after.strategies.find((entry) => entry.strategy.slug === 'lecture-test');
		expect(published?.actions.map((action) => action.title)).toEqual(['Action renommée', 'Action third']);
		expect(after.budget.find((entry) => entry.slug === 'lecture-test')?.regional).toEqual([expect.objectContaining({ currency: 'MAD', planned: 1000 })]);
		expect(after).toEqual(await reference('MA-01', 'fr'));
		// an initiative accepted for an action in the region shows at the next read, there and not elsewhere
		// (the Atlas's real initiatives are reference data)
		const [choice] = await linkChoices(db, 'atlas.initiative', 'fr');
		await db.insert(actionInitiative).values({ nodeId: ids.third, initiative: choice.value, status: 'accepted' });
		const carried = await regionOverview(db, 'MA-01', 'fr');
		expect(carried.initiatives.map((entry) => entry.initiative.value)).toEqual([choice.value]);
		expect(carried).toEqual(await reference('MA-01', 'fr'));
		expect((await regionOverview(db, 'MA-02', 'fr')).initiatives).toEqual([]);
	});
});

describe('a tree folded to its objectives', () => {
	it('counts each objective’s actions in their place and opens only the one asked for', async () => {
		const { whole } = await reference();
		const { tree, folded } = foldActions(whole, null);
		expect(countActions(tree)).toBe(0);
		expect(folded).toEqual({ [ids.objective]: 2, [ids.other]: 1 });
		const opened = foldActions(whole, ids.other);
		expect(opened.folded).toEqual({ [ids.objective]: 2 });
		expect(opened.tree[0].children[0].children.map((objective) => objective.children.map((action) => action.id))).toEqual([[], [ids.third]]);
		// the whole tree is left as it was
		expect(countActions(whole)).toBe(3);
	});
});
