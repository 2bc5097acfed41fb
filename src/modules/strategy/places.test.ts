// The regions of the RECOSA countries' action plans: a strategy names only its own country's first-level divisions
// (Senegal's regions on Senegal's plan, never Morocco's), in its tree, its reported values, its import and its
// reports; the region pages work for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { coteDIvoireDivisions, maliDivisions, senegalDivisions } from '../../platform/geo/west-africa.ts';
import { regions as moroccanRegions } from '../../platform/geo/morocco.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { createIndicator, regionsWithoutActions, submitValue, valuesOf } from './results.service.ts';
import { createNode, createStrategy, strategyBySlug, strategyDetail, updateNode } from './strategy.service.ts';
import { nodeFailure, nodeFormChoices } from './node-form.ts';
import { resultsFailure } from './results-form.ts';
import { annualReport } from './annual-report.ts';
import { regionOverview } from './strategy-read-model.ts';
import { isPlaceOf, placeByCode, placeChoices, placeName, placesOf } from './places.ts';
import { indicatorValue, node, nodeRegion } from './strategy.table.ts';

let app: TestApp;
let planner: Person;
let reporter: Person;
let objective: string;
let indicatorId: string;

const refusal = refusalWithReason;
const grant = (person: Person, role: string) => {
	person.actor.grants = [{ module: 'strategy', role, organisationId: null, scope: 'plan-senegal' }];
};

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = contextFor(db, await aPerson(db, { role: 'administrator' }));
	await createStrategy(admin, { slug: 'plan-senegal', title: { fr: 'Plan d’action — Sénégal' }, country: 'SN', periodStart: 2019, periodEnd: 2026, published: true });
	const domain = (await createNode(admin, 'plan-senegal', { kind: 'domain', title: { fr: 'Mobilité' } })).id;
	const programme = (await createNode(admin, 'plan-senegal', { kind: 'programme', parentId: domain, title: { fr: 'Accueil' } })).id;
	objective = (await createNode(admin, 'plan-senegal', { kind: 'objective', parentId: programme, title: { fr: 'Guichets' } })).id;
	indicatorId = (await createIndicator(admin, 'plan-senegal', { nodeId: domain, code: 'SN1', definition: { fr: 'Personnes accueillies' }, unit: { fr: 'personnes' }, level: 'output', disaggregations: ['region'], targets: [{ year: 2024, value: 100 }] })).id;
	planner = await aPerson(db);
	grant(planner, 'planner');
	reporter = await aPerson(db);
	grant(reporter, 'reporter');
});
afterAll(async () => app?.close());

describe('the first-level divisions of the RECOSA countries', () => {
	it('lists ISO 3166-2 codes of each country once, with French names and the Arabic ones the source gives', () => {
		expect(coteDIvoireDivisions).toHaveLength(14);
		expect(maliDivisions).toHaveLength(11);
		expect(senegalDivisions).toHaveLength(14);
		for (const [country, list] of [['CI', coteDIvoireDivisions], ['ML', maliDivisions], ['SN', senegalDivisions]] as const) {
			expect(new Set(list.map((entry) => entry.iso)).size).toBe(list.length);
			expect(list.every((entry) => entry.iso.startsWith(`${country}-`) && entry.country === country && entry.nameFr)).toBe(true);
			expect(placesOf(country)).toBe(list);
		}
		// Arabic names where the source has them; never a Latin transliteration
		expect(coteDIvoireDivisions.filter((entry) => !entry.nameAr).map((entry) => entry.iso)).toEqual(['CI-CM', 'CI-LC', 'CI-LG', 'CI-SM', 'CI-WR']);
		expect([...coteDIvoireDivisions, ...maliDivisions, ...senegalDivisions].every((entry) => entry.nameAr === null || /^[\u0600-\u06FF\s-]+$/.test(entry.nameAr))).toBe(true);
		// Morocco's stay as they are
		expect(placesOf('MA').map((entry) => entry.iso)).toEqual(moroccanRegions.map((region) => region.iso));
		expect(isPlaceOf('SN-DK', 'SN') && !isPlaceOf('MA-02', 'SN') && !isPlaceOf('SN-DK', 'MA')).toBe(true);
		// a name missing in Arabic is given in French, said to be French
		expect(placeName(placeByCode('CI-LG')!, 'ar')).toEqual({ text: 'Lagunes', lang: 'fr' });
		expect(placeName(placeByCode('SN-DK')!, 'ar')).toEqual({ text: 'داكار', lang: 'ar' });
		expect(placeChoices('ML', 'fr').map((choice) => choice.label)).toContain('Kayes');
	});
});

describe("a strategy names its own country's regions", () => {
	it("offers the planners Senegal's regions on Senegal's plan, accepts one and refuses a Moroccan region with the rule in the page's language, nothing changed", async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		expect((await nodeFormChoices(db, 'fr', 'SN')).regions.map((choice) => choice.value)).toEqual(senegalDivisions.map((entry) => entry.iso));
		const action = await createNode(ctx, 'plan-senegal', { kind: 'action', parentId: objective, title: { fr: 'Guichet mobilité à Thiès' }, regions: ['SN-TH'] });
		const count = await db.$count(node);
		const places = await db.$count(nodeRegion);
		const refused = createNode(ctx, 'plan-senegal', { kind: 'action', parentId: objective, title: { fr: 'Guichet à Oujda' }, regions: ['SN-DK', 'MA-02'] });
		expect(await refusal(refused)).toBe('invalid_input:region_of_another_country');
		// the form says it on the regions' field, in French and in Arabic
		const form = new FormData();
		const failure = (language: 'fr' | 'ar') => updateNode(ctx, action.id, { title: { fr: 'Guichet mobilité à Thiès' }, regions: ['MA-02'] }).catch((error) => nodeFailure(language, error, form));
		expect(((await failure('fr')) as { data: { errors: Record<string, string> } }).data.errors.regions).toBe(translate('fr', 'strategy.reason_region_of_another_country'));
		expect(((await failure('ar')) as { data: { errors: Record<string, string> } }).data.errors.regions).toBe(translate('ar', 'strategy.reason_region_of_another_country'));
		expect(await db.$count(node)).toBe(count);
		expect(await db.$count(nodeRegion)).toBe(places);
		expect((await db.select({ region: nodeRegion.region }).from(nodeRegion).where(eq(nodeRegion.nodeId, action.id))).map((row) => row.region)).toEqual(['SN-TH']);
		// and Morocco's strategies refuse Senegal's regions
		const admin = contextFor(db, await aPerson(db, { role: 'administrator' }));
		await createStrategy(admin, { slug: 'plan-maroc-test', title: { fr: 'Plan marocain' }, country: 'MA', published: true });
		const moroccanDomain = (await createNode(admin, 'plan-maroc-test', { kind: 'domain', title: { fr: 'Domaine' } })).id;
		expect(await refusal(createNode(admin, 'plan-maroc-test', { kind: 'programme', parentId: moroccanDomain, title: { fr: 'Programme' }, regions: ['SN-DK'] }))).toBe('invalid_input:region_of_another_country');
	});

	it('accepts a value reported for a Senegalese region on the Senegal plan and refuses a Moroccan region there with a localised error, nothing changed', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, reporter);
		const value = await submitValue(ctx, 'plan-senegal', { indicatorId, year: 2024, region: 'SN-DK', value: 42 });
		expect(value).toMatchObject({ region: 'SN-DK', status: 'submitted' });
		const before = await db.$count(indicatorValue);
		expect(await refusal(submitValue(ctx, 'plan-senegal', { indicatorId, year: 2024, region: 'MA-02', value: 7 }))).toBe('invalid_input:region_of_another_country');
		const form = new FormData();
		for (const language of ['fr', 'ar', 'en'] as const) {
			const failed = (await submitValue(ctx, 'plan-senegal', { indicatorId, year: 2024, region: 'MA-02', value: 7 }).catch((error) => resultsFailure(language, error, form, 'report'))) as { data: { errors: Record<string, string> } };
			expect(failed.data.errors.region).toBe(translate(language, 'strategy.reason_region_of_another_country'));
		}
		// a code no country has is unknown
		expect(await refusal(submitValue(ctx, 'plan-senegal', { indicatorId, year: 2024, region: 'XX-01', value: 7 }))).toMatch(/^invalid_input/);
		expect(await db.$count(indicatorValue)).toBe(before);
		const owner = await strategyBySlug(db, 'plan-senegal');
		expect((await valuesOf(db, owner.id)).map((entry) => entry.region)).toEqual(['SN-DK']);
	});

	it("reports on a Senegalese region, shows its gaps by Senegal's regions and lists its actions on the region's page", async () => {
		const db = app.database.db;
		const visitor = contextFor(db, null);
		const report = await annualReport(visitor, 'plan-senegal', { year: 2024, region: 'SN-TH' });
		expect(report.region).toEqual({ code: 'SN-TH', name: 'Thiès' });
		expect(await refusal(annualReport(visitor, 'plan-senegal', { year: 2024, region: 'MA-02' }))).toBe('invalid_input:region_of_another_country');
		const detail = await strategyDetail(db, 'plan-senegal', 'fr');
		const [gaps] = regionsWithoutActions(detail.tree, 'SN');
		expect(gaps.missing).toHaveLength(13);
		expect(gaps.missing).not.toContain('SN-TH');
		const overview = await regionOverview(db, 'SN-TH', 'fr');
		expect(overview.strategies.map((entry) => entry.strategy.slug)).toEqual(['plan-senegal']);
		expect(overview.strategies[0].actions.map((action) => action.title)).toEqual(['Guichet mobilité à Thiès']);
	});
});
