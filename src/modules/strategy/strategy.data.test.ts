import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { ensureStrategyReferenceData, loadStrategyDemoData } from './strategy.data.ts';
import { countActions, listStrategies, strategyDetail } from './strategy.service.ts';
import { strategy } from './strategy.table.ts';

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

	it('adds the demo programme once, badged, with ~150 actions in every region, leaving the real domains as they were', async () => {
		await loadStrategyDemoData(app.database.db);
		await loadStrategyDemoData(app.database.db);
		await ensureStrategyReferenceData(app.database.db);
		const snia = await strategyDetail(app.database.db, 'snia', 'fr');
		const employment = snia.tree.find((item) => item.title === 'Emploi')!;
		expect(employment.isSample).toBe(false);
		expect(employment.children).toHaveLength(1);
		expect(employment.children[0]).toMatchObject({ isSample: true, periodStart: 2015, periodEnd: 2027 });
		expect(countActions(snia.tree)).toBe(150);
		const regions = new Set(employment.children[0].children.flatMap((objective) => objective.children.flatMap((action) => action.regions)));
		expect(regions.size).toBe(12);
		expect((await app.database.db.select().from(strategy).where(eq(strategy.slug, 'snia'))).length).toBe(1);
	});
});
