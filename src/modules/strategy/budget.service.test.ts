import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { budgetInRegion, budgetLinesOf, executionRates, removeBudgetLine, setBudgetLine } from './budget.service.ts';
import { createNode, createStrategy, moveNode, removeNode, updateNode } from './strategy.service.ts';
import { budgetLine, node, nodeRegion } from './strategy.table.ts';
import type { DbOrTx } from '../../platform/db/database.ts';

let app: TestApp;
let planner: Person;
let strategyId: string;
let domain: string;
let actionInOriental: string;
let nationalAction: string;
let objective: string;

const refusal = refusalWithReason;

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db);
	planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'budget-test' }];
	strategyId = (await createStrategy(contextFor(db, admin), { slug: 'budget-test', title: { fr: 'Budget' }, country: 'MA', published: true })).id;
	const ctx = contextFor(db, planner);
	domain = (await createNode(ctx, 'budget-test', { kind: 'domain', title: { fr: 'Santé' } })).id;
	const programme = (await createNode(ctx, 'budget-test', { kind: 'programme', parentId: domain, title: { fr: 'Soins' } })).id;
	objective = (await createNode(ctx, 'budget-test', { kind: 'objective', parentId: programme, title: { fr: 'Accès' } })).id;
	actionInOriental = (await createNode(ctx, 'budget-test', { kind: 'action', parentId: objective, title: { fr: 'Caravane médicale' }, regions: ['MA-02'] })).id;
	nationalAction = (await createNode(ctx, 'budget-test', { kind: 'action', parentId: objective, title: { fr: 'Ligne d’écoute' }, national: true })).id;
});
afterAll(async () => app?.close());

describe('budget lines of actions', () => {
	it('refuses executed above committed without a note, and bad amounts with their field; changes nothing', async () => {
		const ctx = contextFor(app.database.db, planner);
		expect(await refusal(setBudgetLine(ctx, actionInOriental, { year: 2024, fundingSource: 'Budget général', planned: 100, committed: 80, executed: 90 }))).toBe('invalid_input:executed_above_committed');
		expect(await refusal(setBudgetLine(ctx, actionInOriental, { year: 2024, fundingSource: 'Budget général', planned: -1 }))).toBe('invalid_input:planned');
		expect(await refusal(setBudgetLine(ctx, actionInOriental, { year: 2024, fundingSource: 'Budget général', currency: 'dirham' }))).toBe('invalid_input:currency');
		expect(await refusal(setBudgetLine(ctx, objective, { year: 2024, fundingSource: 'Budget général' }))).toBe('invalid_input:budget_on_actions_only');
		expect(await budgetLinesOf(app.database.db, actionInOriental)).toHaveLength(0);
	});

	it('keeps one line per year and funding source, audited, and only for the strategy’s planners', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		await setBudgetLine(ctx, actionInOriental, { year: 2024, fundingSource: 'Budget général', planned: '1 000,50', committed: 800, executed: 900, note: 'Dépassement dû à une seconde caravane' });
		await setBudgetLine(ctx, actionInOriental, { year: 2024, fundingSource: 'Budget général', planned: 1000, committed: 900, executed: 900 });
		await setBudgetLine(ctx, actionInOriental, { year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 200, committed: 100, executed: 50 });
		await setBudgetLine(ctx, nationalAction, { year: 2024, fundingSource: 'Budget général', planned: 1000, committed: 500, executed: 100 });
		const lines = await budgetLinesOf(db, actionInOriental);
		expect(lines.map((line) => [line.year, line.fundingSource, line.planned, line.executed])).toEqual([
			[2024, 'Budget général', 1000, 900],
			[2025, 'Union européenne', 200, 50]
		]);
		const events = await db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'strategy_budget_line'), eq(auditEvent.actorUserId, planner.user.id)));
		expect(events.map((event) => event.action).sort()).toEqual(['strategy_budget.create', 'strategy_budget.create', 'strategy_budget.create', 'strategy_budget.update']);
		const stranger = await aPerson(db);
		expect(await refusal(setBudgetLine(contextFor(db, stranger), actionInOriental, { year: 2026, fundingSource: 'X' }))).toBe('forbidden:');
	});

	it('gives execution rates by domain, region and year, per currency', async () => {
		const rates = await executionRates(app.database.db, strategyId);
		expect(rates.domain).toEqual([
			{ key: domain, currency: 'EUR', planned: 200, committed: 100, executed: 50, rate: 25 },
			{ key: domain, currency: 'MAD', planned: 2000, committed: 1400, executed: 1000, rate: 50 }
		]);
		expect(rates.region.map((row) => [row.key, row.currency, row.rate])).toEqual([
			['MA-02', 'EUR', 25],
			['MA-02', 'MAD', 90],
			['national', 'MAD', 10]
		]);
		expect(rates.year.map((row) => [row.key, row.currency, row.executed])).toEqual([
			['2024', 'MAD', 1000],
			['2025', 'EUR', 50]
		]);
	});

	it('gives a region its actions’ budget, and the national actions’ apart', async () => {
		const inOriental = (await budgetInRegion(app.database.db, 'MA-02', 'fr')).find((entry) => entry.slug === 'budget-test')!;
		expect(inOriental.regional.map((row) => [row.currency, row.planned, row.executed])).toEqual([
			['EUR', 200, 50],
			['MAD', 1000, 900]
		]);
		expect(inOriental.national.map((row) => [row.currency, row.rate])).toEqual([['MAD', 10]]);
		// a region without actions of its own still sees the national ones
		const elsewhere = (await budgetInRegion(app.database.db, 'MA-09', 'fr')).find((entry) => entry.slug === 'budget-test')!;
		expect(elsewhere.regional).toEqual([]);
		expect(elsewhere.national).toHaveLength(1);
	});

	it('removes a line, audited', async () => {
		const db = app.database.db;
		const [line] = await budgetLinesOf(db, nationalAction);
		await removeBudgetLine(contextFor(db, planner), nationalAction, line.id);
		expect(await budgetLinesOf(db, nationalAction)).toHaveLength(0);
		expect(await refusal(removeBudgetLine(contextFor(db, planner), nationalAction, line.id))).toBe('not_found:');
	});

	it('keeps the totals the pages read in step with every change that moves them, one statement or many', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		// the totals as summed from the lines themselves (the rule: real lines of real actions, an action in
		// each of its regions, a national one apart)
		const reference = async (database: DbOrTx) => {
			const nodes = await database.select().from(node).where(eq(node.strategyId, strategyId));
			const parent = new Map(nodes.map((row) => [row.id, row.parentId]));
			const domainOf = (id: string): string => (parent.get(id) ? domainOf(parent.get(id)!) : id);
			const places = await database.select().from(nodeRegion);
			const byKey = { domain: new Map<string, number>(), region: new Map<string, number>(), year: new Map<string, number>() };
			const add = (by: keyof typeof byKey, key: string, amount: number) => byKey[by].set(key, (byKey[by].get(key) ?? 0) + amount);
			for (const line of await database.select().from(budgetLine)) {
				const action = nodes.find((row) => row.id === line.nodeId);
				if (!action || action.isSample || line.isSample) continue;
				const amount = Number(line.planned);
				add('domain', `${domainOf(action.id)}|${line.currency}`, amount);
				add('year', `${line.year}|${line.currency}`, amount);
				for (const place of action.national ? ['national'] : places.filter((row) => row.nodeId === action.id).map((row) => row.region)) add('region', `${place}|${line.currency}`, amount);
			}
			return Object.fromEntries(Object.entries(byKey).map(([by, map]) => [by, [...map].sort(([a], [b]) => a.localeCompare(b))]));
		};
		const kept = async () => {
			const rates = await executionRates(db, strategyId);
			return Object.fromEntries(Object.entries(rates).map(([by, rows]) => [by, rows.map((row) => [`${row.key}|${row.currency}`, row.planned] as [string, number]).sort(([a], [b]) => a.localeCompare(b))]));
		};
		const inStep = async () => expect(await kept()).toEqual(await reference(db));

		const otherDomain = (await createNode(ctx, 'budget-test', { kind: 'domain', title: { fr: 'Emploi' } })).id;
		const otherProgramme = (await createNode(ctx, 'budget-test', { kind: 'programme', parentId: otherDomain, title: { fr: 'Insertion' } })).id;
		const otherObjective = (await createNode(ctx, 'budget-test', { kind: 'objective', parentId: otherProgramme, title: { fr: 'Orientation' } })).id;
		const movable = (await createNode(ctx, 'budget-test', { kind: 'action', parentId: objective, title: { fr: 'Permanence' }, regions: ['MA-01', 'MA-04'] })).id;
		await setBudgetLine(ctx, movable, { year: 2025, fundingSource: 'Budget général', planned: 300, committed: 100, executed: 50 });
		await setBudgetLine(ctx, movable, { year: 2026, fundingSource: 'Coopération', currency: 'EUR', planned: 70 });
		await inStep();
		// moved to another domain: its money follows it
		await moveNode(ctx, movable, { parentId: otherObjective });
		await inStep();
		expect((await executionRates(db, strategyId)).domain.find((row) => row.key === otherDomain && row.currency === 'MAD')?.planned).toBe(300);
		// its regions changed, then made national
		await updateNode(ctx, movable, { kind: 'action', title: { fr: 'Permanence' }, regions: ['MA-06'] });
		await inStep();
		await updateNode(ctx, movable, { kind: 'action', title: { fr: 'Permanence' }, national: true });
		await inStep();
		// several lines in one statement, and a line marked as a sample (left out)
		await db.update(budgetLine).set({ planned: 999 }).where(eq(budgetLine.nodeId, movable));
		await inStep();
		await db.update(budgetLine).set({ isSample: true }).where(and(eq(budgetLine.nodeId, movable), eq(budgetLine.year, 2026)));
		await inStep();
		// a write that fails changes no total
		await expect(db.transaction(async (tx) => {
			await tx.update(budgetLine).set({ planned: 5 }).where(eq(budgetLine.nodeId, movable));
			throw new Error('rolled back');
		})).rejects.toThrow('rolled back');
		await inStep();
		// the action removed with its lines
		await removeNode(ctx, otherDomain, { confirm: true, withChildren: true });
		await inStep();
		expect((await executionRates(db, strategyId)).domain.some((row) => row.key === otherDomain)).toBe(false);
	});
});

