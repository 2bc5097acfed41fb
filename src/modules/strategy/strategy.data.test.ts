import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { ensureStrategyReferenceData, loadStrategyDemoData } from './strategy.data.ts';
import { countActions, listStrategies, strategyDetail } from './strategy.service.ts';
import { budgetLine, indicator, indicatorValue, node, strategy } from './strategy.table.ts';
import { completenessOf, indicatorsOf } from './results.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => app?.close());

describe('the strategies the seeds name', () => {
	it('lists the SNIA with its eight named domains, the MRE strategy, the Oriental plan and the four RECOSA plans, each with a source', async () => {
		const list = await listStrategies(app.database.db, 'fr');
		expect(list.map((item) => item.slug).sort()).toEqual(
			['recosa-plan-action-cote-d-ivoire', 'recosa-plan-action-mali', 'recosa-plan-action-maroc', 'recosa-plan-action-senegal', 'redeploiement-mre-oriental', 'snia', 'strategie-mre'].sort()
		);
		expect(list.every((item) => !item.isSample && item.sources.length > 0)).toBe(true);
		const snia = await strategyDetail(app.database.db, 'snia', 'ar');
		expect(snia.periodStart).toBe(2014);
		expect(snia.tree.map((item) => item.title)).toEqual(['التربية والتعليم', 'الصحة', 'السكن', 'الحماية الاجتماعية', 'التشغيل', 'الاتجار بالبشر', 'التعاون الدولي', 'الحكامة']);
		expect(snia.tree.every((item) => item.sources[0].citation.includes('Seed 004'))).toBe(true);
		const oriental = await strategyDetail(app.database.db, 'redeploiement-mre-oriental', 'fr');
		expect(oriental.tree[0].children.map((item) => item.title)).toEqual(['Fiche-projet 1', 'Fiche-projet 2', 'Fiche-projet 3', 'Fiche-projet 4']);
		const senegal = await strategyDetail(app.database.db, 'recosa-plan-action-senegal', 'fr');
		expect(senegal).toMatchObject({ country: 'SN', periodStart: 2019 });
		expect(senegal.summary).toContain('2013');
	});

	it('adds the demo programme once, badged: 150 actions under the eight real domains in every region, with budgets and ~60 indicators, leaving the real domains as they were', async () => {
		await loadStrategyDemoData(app.database.db);
		await loadStrategyDemoData(app.database.db);
		await ensureStrategyReferenceData(app.database.db);
		const db = app.database.db;
		const snia = { ...(await strategyDetail(db, 'snia', 'fr')), id: (await db.select().from(strategy).where(eq(strategy.slug, 'snia')))[0].id };
		// the seeds' eight domains, real and unchanged, each holding one sample programme; no domain invented
		expect(snia.tree.map((item) => [item.title, item.isSample])).toEqual(
			['Éducation', 'Santé', 'Logement', 'Protection sociale', 'Emploi', 'Traite des êtres humains', 'Coopération internationale', 'Gouvernance'].map((title) => [title, false])
		);
		for (const domain of snia.tree) {
			expect(domain.children).toHaveLength(1);
			expect(domain.children[0]).toMatchObject({ isSample: true, periodStart: 2015, periodEnd: 2027 });
			expect(countActions([domain])).toBeGreaterThanOrEqual(12);
		}
		expect(countActions(snia.tree)).toBe(150);
		const actions = snia.tree.flatMap((domain) => domain.children.flatMap((programme) => programme.children.flatMap((objective) => objective.children)));
		expect(new Set(actions.flatMap((action) => action.regions)).size).toBe(12);
		expect(actions.every((action) => action.isSample && action.title.startsWith('Exemple : '))).toBe(true);
		// a region page lists 30 actions of a strategy: none has more, national ones included
		const national = actions.filter((action) => action.national).length;
		for (const region of new Set(actions.flatMap((action) => action.regions))) expect(actions.filter((action) => action.regions.includes(region)).length + national).toBeLessThanOrEqual(30);
		// every action has budget lines, each year of its period, all badged; executed above committed only with a note
		const lines = await db.select().from(budgetLine).innerJoin(node, eq(node.id, budgetLine.nodeId)).where(eq(node.strategyId, snia.id));
		const lined = new Set(lines.map(({ budget_line: line }) => line.nodeId));
		expect(actions.every((action) => lined.has(action.id))).toBe(true);
		expect(lines.every(({ budget_line: line }) => line.isSample && line.year >= 2015 && line.year <= 2027)).toBe(true);
		expect(new Set(lines.map(({ budget_line: line }) => line.currency))).toEqual(new Set(['MAD', 'EUR', 'USD']));
		expect(lines.filter(({ budget_line: line }) => line.executed > line.committed).every(({ budget_line: line }) => line.note)).toBe(true);
		for (const action of actions) {
			// (the demo's draft changed one action's period since its lines were set: a year more or less)
			const years = new Set(lines.filter(({ budget_line: line }) => line.nodeId === action.id).map(({ budget_line: line }) => line.year));
			expect(years.size).toBeGreaterThanOrEqual(Math.min(action.periodEnd ?? 0, 2027) - action.periodStart!);
		}
		// ~60 indicators with targets and values per region and year; 2025 has approved, waiting, returned and missing ones
		const indicators = await db.select().from(indicator).where(eq(indicator.strategyId, snia.id));
		expect(indicators.length).toBeGreaterThanOrEqual(55);
		expect(indicators.length).toBeLessThanOrEqual(65);
		expect(indicators.every((row) => row.isSample)).toBe(true);
		const values = await db.select({ status: indicatorValue.status, year: indicatorValue.year, region: indicatorValue.region, indicatorId: indicatorValue.indicatorId }).from(indicatorValue).innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId)).where(eq(indicator.strategyId, snia.id));
		expect(new Set(values.filter((value) => value.year === 2025).map((value) => value.status))).toEqual(new Set(['approved', 'submitted', 'returned']));
		expect(new Set(values.filter((value) => value.region).map((value) => value.region)).size).toBe(12);
		const completeness = await completenessOf(db, (await db.select().from(strategy).where(eq(strategy.slug, 'snia')))[0], 2025);
		expect(completeness.missing.length).toBeGreaterThan(0);
		expect(completeness.reported).toBeGreaterThan(completeness.approved);
		const lights = new Set((await indicatorsOf(db, (await db.select().from(strategy).where(eq(strategy.slug, 'snia')))[0], 'fr')).flatMap((item) => item.years.map((year) => year.light)));
		expect(lights).toEqual(new Set(['achieved', 'close', 'behind', 'no_data']));
		expect((await db.select().from(strategy).where(eq(strategy.slug, 'snia'))).length).toBe(1);
		// one RECOSA country's plan, Senegal's, with a sample programme in Senegal's own regions, budgets in CFA francs and values
		const senegal = await strategyDetail(db, 'recosa-plan-action-senegal', 'fr');
		const planActions = senegal.tree.flatMap((domain) => domain.children.flatMap((programme) => programme.children.flatMap((objective) => objective.children)));
		expect(planActions.length).toBe(10);
		expect(planActions.every((action) => action.isSample && action.regions.length === 1 && action.regions[0].startsWith('SN-'))).toBe(true);
		const [plan] = await db.select().from(strategy).where(eq(strategy.slug, 'recosa-plan-action-senegal'));
		const planLines = await db.select({ currency: budgetLine.currency }).from(budgetLine).innerJoin(node, eq(node.id, budgetLine.nodeId)).where(eq(node.strategyId, plan.id));
		expect(planLines.length).toBeGreaterThan(20);
		expect(new Set(planLines.map((line) => line.currency))).toEqual(new Set(['XOF']));
		const planValues = await db.select({ region: indicatorValue.region }).from(indicatorValue).innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId)).where(eq(indicator.strategyId, plan.id));
		expect(planValues.filter((value) => value.region).every((value) => value.region.startsWith('SN-'))).toBe(true);
		expect(planValues.some((value) => value.region === '')).toBe(true);
	});
});
