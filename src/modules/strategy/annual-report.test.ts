import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { linkChoices } from '../../platform/kernel/links.ts';
import { createTranslator } from '../../platform/i18n/translator.ts';
import { annualReport, defaultReportYear, reportYears } from './annual-report.ts';
import { annualReportPdf } from './annual-report-pdf.ts';
import { setBudgetLine } from './budget.service.ts';
import { proposeInitiative } from './initiative-links.service.ts';
import { createRecommendation } from './recommendations.service.ts';
import { createIndicator, reviewValue, submitValue } from './results.service.ts';
import { AnnualReport } from './strategy.schemas.ts';
import { createNode, createStrategy } from './strategy.service.ts';

let app: TestApp;
let admin: Person;
let reporter: Person;
const actions: Record<string, string> = {};
let initiatives: string[];
const now = () => new Date('2026-12-06T10:00:00Z');
const visitor = (language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, null, { now, language });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	admin = await aPerson(db, { role: 'administrator' });
	const ctx = contextFor(db, admin, { now });
	await createStrategy(ctx, { slug: 'rapport-test', title: { fr: 'Stratégie du rapport', ar: 'استراتيجية التقرير' }, country: 'MA', periodStart: 2022, periodEnd: 2026, status: 'active', published: true });
	await createStrategy(ctx, { slug: 'rapport-brouillon', title: { fr: 'Stratégie non publiée' }, country: 'MA', periodStart: 2022, periodEnd: 2026, published: false });
	await createStrategy(ctx, { slug: 'rapport-senegal', title: { fr: 'Plan du Sénégal' }, country: 'SN', periodStart: 2020, periodEnd: 2030, published: true });
	const branch = async (slug: string, domainTitle: string) => {
		const domain = await createNode(ctx, slug, { kind: 'domain', title: { fr: domainTitle } });
		const programme = await createNode(ctx, slug, { kind: 'programme', parentId: domain.id, title: { fr: `${domainTitle} — programme` } });
		return (await createNode(ctx, slug, { kind: 'objective', parentId: programme.id, title: { fr: `${domainTitle} — objectif` } })).id;
	};
	const employment = await branch('rapport-test', 'Emploi');
	const health = await branch('rapport-test', 'Santé');
	const action = async (key: string, parentId: string, fields: Record<string, unknown>) => {
		actions[key] = (await createNode(ctx, 'rapport-test', { kind: 'action', parentId, title: { fr: key }, ...fields })).id;
	};
	await action('Caravane de l’Oriental', employment, { regions: ['MA-02'], periodStart: 2023, periodEnd: 2025 });
	await action('Guichet du Souss', employment, { regions: ['MA-09'], periodStart: 2024, periodEnd: 2024 });
	await action('Ligne d’écoute nationale', employment, { national: true });
	await action('Foire de 2022', employment, { regions: ['MA-02'], periodStart: 2022, periodEnd: 2022 });
	await action('Dispensaire mobile', health, { regions: ['MA-02'], periodStart: 2024, periodEnd: 2024 });
	await createNode(ctx, 'rapport-brouillon', { kind: 'domain', title: { fr: 'Caché' } });

	// the budget of 2024 (and a line of 2025 that the 2024 report leaves out)
	await setBudgetLine(ctx, actions['Caravane de l’Oriental'], { year: 2024, fundingSource: 'Budget général', planned: 1000, committed: 800, executed: 600 });
	await setBudgetLine(ctx, actions['Caravane de l’Oriental'], { year: 2025, fundingSource: 'Budget général', planned: 9999, committed: 0, executed: 0 });
	await setBudgetLine(ctx, actions['Guichet du Souss'], { year: 2024, fundingSource: 'Budget général', planned: 500, committed: 500, executed: 250 });
	await setBudgetLine(ctx, actions['Ligne d’écoute nationale'], { year: 2024, fundingSource: 'Union européenne', currency: 'EUR', planned: 200, committed: 100, executed: 50 });

	// the indicators: one broken down by region, one national; approved values, and one still waiting
	const domainOf = actions['Caravane de l’Oriental'];
	const byRegion = await createIndicator(ctx, 'rapport-test', { nodeId: domainOf, code: 'R1', definition: { fr: 'Migrants orientés', ar: 'مهاجرون موجهون' }, unit: { fr: 'personnes' }, level: 'output', disaggregations: ['region'], baselineValue: 10, baselineYear: 2021, targets: [{ year: 2024, value: 100 }] });
	await createIndicator(ctx, 'rapport-test', { nodeId: domainOf, code: 'R2', definition: { fr: 'Taux d’insertion' }, unit: { fr: '%' }, level: 'outcome', targets: [{ year: 2024, value: 40 }] });
	reporter = await aPerson(db, { name: 'Rapporteuse Oriental' });
	reporter.actor.grants = [{ module: 'strategy', role: 'reporter', organisationId: null, scope: 'rapport-test' }];
	const silent = await aPerson(db, { name: 'Rapporteur silencieux' });
	await db.insert(accessGrant).values([
		{ userId: reporter.user.id, module: 'strategy', role: 'reporter', scope: 'rapport-test' },
		{ userId: silent.user.id, module: 'strategy', role: 'reporter', scope: 'rapport-test' }
	]);
	const mine = contextFor(db, reporter, { now });
	for (const [region, value] of [['MA-02', 30], ['MA-09', 50]] as const) {
		const row = await submitValue(mine, 'rapport-test', { indicatorId: byRegion.id, year: 2024, region, value });
		await reviewValue(ctx, 'rapport-test', row.id, { decision: 'approve' });
	}
	await submitValue(mine, 'rapport-test', { indicatorId: byRegion.id, year: 2024, region: 'MA-01', value: 7777.5 });

	// an initiative accepted for the Oriental's caravan, one only proposed for the Souss
	initiatives = (await linkChoices(db, 'atlas.initiative', 'fr')).filter((choice) => !choice.isSample).map((choice) => choice.value);
	await proposeInitiative(ctx, actions['Caravane de l’Oriental'], { initiative: initiatives[0] });
	await proposeInitiative(contextFor(db, await aPerson(db, { role: 'partner' }), { now }), actions['Guichet du Souss'], { initiative: initiatives[1] });

	// recommendations followed by the Oriental's and the Souss's actions
	const tracker = contextFor(db, await aPerson(db, { role: 'moderator' }), { now });
	await createRecommendation(tracker, { text: { fr: 'Étendre la caravane aux provinces du sud de l’Oriental.' }, horizon: 'short', dueYear: 2025, sourceCitation: 'Bilan 2023, p. 4', actions: [actions['Caravane de l’Oriental']] });
	await createRecommendation(tracker, { text: { fr: 'Ouvrir un second guichet à Agadir.' }, horizon: 'medium', sourceCitation: 'Bilan 2023, p. 9', actions: [actions['Guichet du Souss']] });
}, 60_000);
afterAll(async () => app?.close());

describe('the annual monitoring report', () => {
	it('gives the national report of a year: its budget by domain and region per currency, approved values only, completeness, initiatives, gap and recommendations', async () => {
		const report = await annualReport(visitor(), 'rapport-test', { year: '2024' });
		expect(AnnualReport.safeParse(report).success).toBe(true);
		expect(report).toMatchObject({ year: 2024, years: [2022, 2023, 2024, 2025, 2026], region: null, strategy: { title: 'Stratégie du rapport', country: 'MA', periodStart: 2022 } });
		// each currency apart, the 2025 line (9 999 planned) left out
		expect(report.budget.totals).toEqual([
			{ currency: 'EUR', planned: 200, committed: 100, executed: 50, rate: 25 },
			{ currency: 'MAD', planned: 1500, committed: 1300, executed: 850, rate: 56.7 }
		]);
		expect(report.budget.byDomain.map((row) => [row.domain, row.currency, row.planned])).toEqual([
			['Emploi', 'EUR', 200],
			['Emploi', 'MAD', 1500]
		]);
		expect(report.budget.byRegion.map((row) => [row.region, row.currency, row.executed, row.rate])).toEqual([
			['MA-02', 'MAD', 600, 60],
			['MA-09', 'MAD', 250, 50],
			['national', 'EUR', 50, 25]
		]);
		// the approved regional values add up; the value waiting for approval is nowhere
		const [r1, r2] = report.indicators;
		expect(r1).toMatchObject({ code: 'R1', baselineValue: 10, target: 100, actual: 80, light: 'close', ratio: 80, regionsReported: 2, regionValue: null });
		expect(r2).toMatchObject({ code: 'R2', target: 40, actual: null, light: 'no_data', regionsReported: null });
		expect(JSON.stringify(report)).not.toContain('7777.5');
		// R2 has no value yet; of the two reporters one has said nothing, and a visitor does not learn who
		expect(report.completeness).toMatchObject({ indicators: 2, reported: 1, approved: 1, missing: [{ code: 'R2', definition: 'Taux d’insertion' }], reporters: { total: 2, notReported: 1, people: null } });
		expect(JSON.stringify(report)).not.toContain('Rapporteur silencieux');
		// the actions running in 2024 (the 2022 fair is over), the initiative accepted, not the one proposed
		expect(report.actions.total).toBe(4);
		expect(report.actions.withoutInitiatives).toBe(3);
		expect(report.actions.gap.map((entry) => entry.title).sort()).toEqual(['Dispensaire mobile', 'Guichet du Souss', 'Ligne d’écoute nationale']);
		expect(report.actions.byDomain.map((entry) => [entry.domain, entry.actions, entry.withoutInitiatives])).toEqual([
			['Emploi', 3, 2],
			['Santé', 1, 1]
		]);
		expect(report.initiatives).toHaveLength(1);
		expect(report.initiatives[0]).toMatchObject({ link: initiatives[0], actions: [{ title: 'Caravane de l’Oriental' }] });
		expect(JSON.stringify(report)).not.toContain(initiatives[1]);
		expect(report.recommendations.map((item) => [item.horizon, item.status, item.late])).toEqual([
			['short', 'open', true],
			['medium', 'open', false]
		]);
	});

	it('names the reporters, who has reported and who has not, to the strategy’s owners only', async () => {
		const owner = await aPerson(app.database.db);
		owner.actor.grants = [{ module: 'strategy', role: 'owner', organisationId: null, scope: 'rapport-test' }];
		const report = await annualReport(contextFor(app.database.db, owner, { now }), 'rapport-test', { year: 2024 });
		expect(report.completeness.reporters?.people).toEqual([
			{ name: 'Rapporteur silencieux', values: 0 },
			{ name: 'Rapporteuse Oriental', values: 3 }
		]);
		const planner = await aPerson(app.database.db);
		planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'rapport-test' }];
		expect((await annualReport(contextFor(app.database.db, planner, { now }), 'rapport-test', { year: 2024 })).completeness.reporters?.people).toBeNull();
	});

	it('gives a region’s report with that region only: its actions’ budget (the national ones apart), its values, its initiatives and recommendations', async () => {
		const report = await annualReport(visitor('ar'), 'rapport-test', { year: 2024, region: 'MA-02' });
		expect(report.region).toEqual({ code: 'MA-02', name: 'الشرق' });
		expect(report.strategy.title).toBe('استراتيجية التقرير');
		expect(report.budget.totals).toEqual([{ currency: 'MAD', planned: 1000, committed: 800, executed: 600, rate: 60 }]);
		expect(report.budget.byDomain.map((row) => [row.currency, row.planned])).toEqual([['MAD', 1000]]);
		expect(report.budget.byRegion).toEqual([]);
		expect(report.budget.national).toEqual([{ currency: 'EUR', planned: 200, committed: 100, executed: 50, rate: 25 }]);
		// the indicator broken down by region, with the region's value; the national one left out
		expect(report.indicators.map((item) => [item.code, item.regionValue, item.definition])).toEqual([['R1', 30, 'مهاجرون موجهون']]);
		expect(report.nationalOnlyIndicators).toBe(1);
		expect(report.completeness).toMatchObject({ indicators: 1, reported: 1, approved: 1, missing: [], reporters: null });
		// the Souss's action, budget, proposal and recommendation are not the Oriental's
		const text = JSON.stringify(report);
		for (const absent of ['Guichet du Souss', 'Agadir', '7777.5', 'MA-09']) expect(text).not.toContain(absent);
		expect(report.actions.total).toBe(3);
		expect(report.actions.gap.map((entry) => entry.title).sort()).toEqual(['Dispensaire mobile', 'Ligne d’écoute nationale']);
		expect(report.initiatives).toHaveLength(1);
		expect(report.recommendations.map((item) => item.text)).toEqual(['Étendre la caravane aux provinces du sud de l’Oriental.']);
	});

	it('shows the last complete year by default, and refuses a year outside the period or a region for another country, with the field', async () => {
		expect(defaultReportYear(reportYears({ periodStart: 2022, periodEnd: 2026 }, now()), now())).toBe(2025);
		expect(defaultReportYear(reportYears({ periodStart: 2026, periodEnd: 2030 }, now()), now())).toBe(2026);
		expect(defaultReportYear(reportYears({ periodStart: 2015, periodEnd: 2020 }, now()), now())).toBe(2020);
		expect(reportYears({ periodStart: null, periodEnd: null }, now())).toEqual([2026]);
		expect((await annualReport(visitor(), 'rapport-test', {})).year).toBe(2025);
		expect(await refusal(annualReport(visitor(), 'rapport-test', { year: 2030 }))).toBe('invalid_input:period_outside_strategy');
		expect(await refusal(annualReport(visitor(), 'rapport-test', { year: 'deux mille' }))).toBe('invalid_input:year');
		expect(await refusal(annualReport(visitor(), 'rapport-test', { region: 'MA-99' }))).toBe('invalid_input:region');
		expect(await refusal(annualReport(visitor(), 'rapport-senegal', { region: 'MA-02' }))).toBe('invalid_input:region_of_another_country');
	});

	it('keeps an unpublished strategy’s report to its planners', async () => {
		expect(await refusal(annualReport(visitor(), 'rapport-brouillon', {}))).toBe('not_found:');
		expect(await refusal(annualReport(visitor(), 'nothing-here', {}))).toBe('not_found:');
		const report = await annualReport(contextFor(app.database.db, admin, { now }), 'rapport-brouillon', {});
		expect(report.strategy.published).toBe(false);
	});

	it('makes the same report as a PDF in French and in Arabic, with its title and its tables', async () => {
		const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const textOf = async (pdf: Uint8Array) => {
			const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true }).promise;
			let text = '';
			for (let page = 1; page <= document.numPages; page++) text += (await (await document.getPage(page)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
			return text;
		};
		const french = await annualReportPdf(await annualReport(visitor(), 'rapport-test', { year: 2024, region: 'MA-02' }), 'fr', 'https://sharaka.test');
		expect(Buffer.from(french.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		expect(french.fileName).toBe('rapport-annuel-rapport-test-2024-MA-02.pdf');
		const text = (await textOf(french.pdf)).replace(/\s+/g, ' ');
		expect(text).toContain('Rapport annuel de suivi 2024 — Stratégie du rapport — Oriental');
		expect(text).toContain('Caravane de l’Oriental');
		expect(text).toContain(createTranslator('fr').currency(1000, 'MAD').replace(/\s+/g, ' '));
		expect(text).not.toContain('Guichet du Souss');
		const arabic = await annualReportPdf(await annualReport(visitor('ar'), 'rapport-test', { year: 2024 }), 'ar', 'https://sharaka.test');
		expect((await textOf(arabic.pdf)).normalize('NFKC')).toMatch(/[\u0600-\u06FF]/);
	}, 60_000);
});
