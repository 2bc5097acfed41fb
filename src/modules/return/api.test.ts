import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { loadReturnNetworkDemoData } from './return.data.ts';
import { GET as guide } from './routes/api/v1/return/guide/+server.ts';
import { GET as guidePage } from './routes/api/v1/return/guide/[slug]/+server.ts';
import { GET as pensions } from './routes/api/v1/return/pension-agreements/+server.ts';
import { GET as services } from './routes/api/v1/return/services/+server.ts';
import { GET as servicesExport } from './routes/api/v1/return/services/export/+server.ts';
import { GET as statistics } from './routes/api/v1/return/statistics/+server.ts';
import { loadReintegrationDemoData } from './reintegration.data.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadReturnNetworkDemoData(app.database.db);
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Return API', () => {
	it('lists the guide for a profile, shows a page with its sources and contributor, 404 for an unknown page', async () => {
		const listed = await guide(apiEvent(null, { search: '?profile=retiree&lang=ar' }));
		expect(listed.status).toBe(200);
		const body = await listed.json();
		expect(body.items.map((item: { slug: string }) => item.slug)).toContain('pensions');
		expect(body.items.map((item: { slug: string }) => item.slug)).not.toContain('schooling');
		expect(body.items[0]).toMatchObject({ language: 'ar', toBeCompleted: true, profiles: expect.arrayContaining(['retiree']) });

		const page = await (await guidePage(apiEvent(null, { params: { slug: 'pensions' }, search: '?lang=en' }))).json();
		expect(page).toMatchObject({ slug: 'pensions', title: 'Pensions and social security', contributor: 'Sharaka', toBeCompleted: true });
		expect(page.sources.map((source: { name: string }) => source.name).join(' ')).toContain('annexe 3.4');
		expect((await guidePage(apiEvent(null, { params: { slug: 'nothing' } }))).status).toBe(404);
	});

	it('refuses an unknown profile, region or stage with the field named', async () => {
		const wrong = await guide(apiEvent(null, { search: '?profile=tourist', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('profile');
		const badRegion = await services(apiEvent(null, { search: '?region=MA-99&stage=holiday', language: 'fr' }));
		expect(badRegion.status).toBe(400);
		const text = JSON.stringify(await badRegion.json());
		expect(text).toContain('region');
		expect(text).toContain('stage');
	});

	it('gives the pension table and the services, as JSON, CSV and XLSX', async () => {
		const table = await (await pensions(apiEvent(null, { search: '?lang=en' }))).json();
		expect(table.items.find((item: { countryCode: string }) => item.countryCode === 'DE')).toMatchObject({ country: 'Germany', toBeCompleted: true, agreement: null, source: null });

		const found = await (await services(apiEvent(null, { search: '?region=MA-01&pageSize=5' }))).json();
		expect(found.total).toBeGreaterThan(0);
		expect(found.items[0]).toMatchObject({ isSample: true, regions: expect.arrayContaining(['MA-01']) });

		const csv = await servicesExport(apiEvent(null, { search: '?region=MA-01&format=csv&lang=en' }));
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect((await csv.text()).split('\r\n')[0]).toContain('Organisation,Service,Stages');
		const xlsx = await servicesExport(apiEvent(null, { search: '?format=xlsx' }));
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a ZIP, as every XLSX
	});

	it('gives anyone the pooled statistics, the fictional samples only when asked, small groups suppressed', async () => {
		await loadReintegrationDemoData(app.database.db);
		// by default the 300 sample cases are left out: what is left is too few to show
		const real = await (await statistics(apiEvent(null))).json();
		expect(real).toMatchObject({ samples: false, smallCount: 5 });
		expect(real.cases.total.open ?? 0).toBeLessThan(5);
		expect(real.survey.answered).toBe(0);
		expect((await statistics(apiEvent(null, { search: '?samples=all' }))).status).toBe(400);
		const response = await statistics(apiEvent(null, { search: '?samples=include' }));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.samples).toBe(true);
		expect(body.cases.total.open + body.cases.total.closed).toBeGreaterThanOrEqual(300);
		expect(body.cases.byRegion).toHaveLength(12);
		expect(body.survey.answered).toBeGreaterThan(300);
		for (const row of body.survey.byScheme) expect(row.count === 0 ? row.overall === null : row.overall >= 0 && row.overall <= 1).toBe(true);
		// no returnee is named, nor any case
		expect(JSON.stringify(body)).not.toMatch(/Alaoui|Bennani|personUserId|caseId/);
	});
});

describe('the pooled statistics as open data', () => {
	it('come as one CSV or XLSX table in the reader’s language, suppressed counts written as such, samples only when asked', async () => {
		const { statisticsRows } = await import('./statistics-view.ts');
		const real = await statisticsRows(app.database.db, 'fr', false);
		expect(real[0]).toEqual(['Tableau', 'Groupe', 'Dossiers en cours', 'Dossiers clos', 'Réponses', 'Économique', 'Sociale', 'Psychosociale', 'Score global']);
		// without the samples: the few real cases are under 5, written "<5", never their number
		expect(real[1].slice(0, 2)).toEqual(['Ensemble', '']);
		expect(real[1][2]).toBe('<5');
		const withSamples = await statisticsRows(app.database.db, 'ar', true);
		expect(withSamples.length).toBeGreaterThan(real.length);
		// the regions named in Arabic, every score from 0 to 100 or empty
		expect(withSamples.some((row) => row[1] === 'الشرق')).toBe(true);
		for (const row of withSamples.slice(1)) for (const cell of row.slice(5)) expect(cell === '' || (Number(cell) >= 0 && Number(cell) <= 100)).toBe(true);
		const { statisticsXlsx } = await import('./statistics-view.ts');
		expect((await statisticsXlsx(app.database.db, 'fr', true)).subarray(0, 2).toString()).toBe('PK');
	});
});
