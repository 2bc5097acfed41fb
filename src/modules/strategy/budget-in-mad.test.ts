// Budget totals converted to MAD with the Atlas's exchange rates, read through the platform (never an import
// of the Atlas): on the dashboard, the region page and the annual report, beside the totals per currency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { setBudgetLine } from './budget.service.ts';
import { createNode, createStrategy } from './strategy.service.ts';
import { regionOverview, strategyDashboard } from './strategy-read-model.ts';
import { annualReport } from './annual-report.ts';

let app: TestApp;
const everyone = { canPlan: () => false };

const setRate = (currency: string, year: number, perEur: number, source: string) =>
	app.database.db.execute(sql`insert into atlas.atlas_exchange_rate (currency, year, per_eur, source, checked_at) values (${currency}, ${year}, ${perEur}, ${source}, ${'2025-01-10T00:00:00Z'})
		on conflict (currency, year) do update set per_eur = excluded.per_eur, source = excluded.source, checked_at = excluded.checked_at`);

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const ctx = contextFor(db, await aPerson(db, { role: 'administrator' }));
	await createStrategy(ctx, { slug: 'mad-test', title: { fr: 'Dirhams' }, country: 'MA', periodStart: 2024, periodEnd: 2025, published: true });
	const domain = (await createNode(ctx, 'mad-test', { kind: 'domain', title: { fr: 'Santé' } })).id;
	const programme = (await createNode(ctx, 'mad-test', { kind: 'programme', parentId: domain, title: { fr: 'Soins' } })).id;
	const objective = (await createNode(ctx, 'mad-test', { kind: 'objective', parentId: programme, title: { fr: 'Accès' } })).id;
	const action = (await createNode(ctx, 'mad-test', { kind: 'action', parentId: objective, title: { fr: 'Caravane' }, regions: ['MA-02'] })).id;
	await setBudgetLine(ctx, action, { year: 2024, fundingSource: 'Budget général', currency: 'MAD', planned: 1000, committed: 500, executed: 250 });
	await setBudgetLine(ctx, action, { year: 2024, fundingSource: 'USAID', currency: 'USD', planned: 108, committed: 108, executed: 54 });
	await setBudgetLine(ctx, action, { year: 2024, fundingSource: 'Coopération', currency: 'XOF', planned: 5000, committed: 0, executed: 0 });
	await db.execute(sql`delete from atlas.atlas_exchange_rate where currency in ('MAD', 'USD', 'XOF')`);
	await setRate('MAD', 2024, 10.8, 'Bank Al-Maghrib');
	await setRate('USD', 2024, 1.08, 'ECB');
});
afterAll(async () => app?.close());

describe('budget totals in MAD', () => {
	it('converts at the Atlas’s rates on the dashboard, the region page and the annual report, naming the rates and what is not converted', async () => {
		const db = app.database.db;
		const dashboard = await strategyDashboard(db, 'mad-test', 'fr', {}, everyone);
		// the totals per currency stay as they are
		expect(dashboard.execution.year.map((row) => [row.currency, row.planned])).toEqual([['MAD', 1000], ['USD', 108], ['XOF', 5000]]);
		// 1000 MAD + 108 USD / 1.08 × 10.8; the XOF left out, named
		expect(dashboard.inMad.total).toMatchObject({ planned: 2080, committed: 1580, executed: 790, rate: 38, notConverted: ['XOF'] });
		expect(dashboard.inMad.total!.rates.map((rate) => [rate.currency, rate.year, rate.source])).toEqual([['MAD', 2024, 'Bank Al-Maghrib'], ['USD', 2024, 'ECB']]);
		expect(dashboard.inMad.byYear).toEqual([expect.objectContaining({ year: '2024', planned: 2080 })]);

		const region = (await regionOverview(db, 'MA-02', 'fr')).budget.find((entry) => entry.slug === 'mad-test')!;
		expect(region.regional.map((row) => row.currency)).toEqual(['MAD', 'USD', 'XOF']);
		expect(region.regionalInMad).toMatchObject({ planned: 2080, notConverted: ['XOF'] });
		expect(region.nationalInMad).toBeNull();

		const report = await annualReport(contextFor(db, await aPerson(db)), 'mad-test', { year: 2024 });
		expect(report.budget.inMad).toMatchObject({ planned: 2080, executed: 790, notConverted: ['XOF'] });
		expect(report.budget.inMad!.rates[0]).toMatchObject({ currency: 'MAD', checkedAt: '2025-01-10T00:00:00.000Z' });
	});

	it('shows a rate changed in the Atlas at the very next read', async () => {
		const db = app.database.db;
		await setRate('USD', 2024, 1.2, 'ECB');
		await setRate('XOF', 2024, 655.957, 'BCEAO');
		const dashboard = await strategyDashboard(db, 'mad-test', 'fr', {}, everyone);
		// 1000 + 108 / 1.2 × 10.8 + 5000 / 655.957 × 10.8
		expect(dashboard.inMad.total!.planned).toBeCloseTo(1000 + 972 + 82.32, 2);
		expect(dashboard.inMad.total!.notConverted).toEqual([]);
		expect((await regionOverview(db, 'MA-02', 'fr')).budget.find((entry) => entry.slug === 'mad-test')!.regionalInMad!.notConverted).toEqual([]);
	});
});
