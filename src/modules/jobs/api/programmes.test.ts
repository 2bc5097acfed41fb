import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { organisation } from '#platform/accounts/accounts.table.ts';
import { directoryEntry } from '#platform/directory/directory.table.ts';
import { GET as listProgrammes } from '#modules/jobs/routes/api/v1/programmes/+server.ts';
import { GET as getProgramme } from '#modules/jobs/routes/api/v1/programmes/[id]/+server.ts';
import { GET as listRights } from '#modules/jobs/routes/api/v1/rights-pages/+server.ts';
import { GET as getRights } from '#modules/jobs/routes/api/v1/rights-pages/[slug]/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

function event(path: string, params: Record<string, string> = {}, language: 'fr' | 'ar' | 'en' = 'en') {
	const url = new URL(`http://localhost${path}`);
	return { request: new Request(url), url, params, locals: { language, user: null, actor: null } } as unknown as RequestEvent;
}

describe('public API of rights pages and programmes', () => {
	let app: TestApp;

	beforeAll(async () => {
		app = await createTestApp({}, { referenceData: true });
		holder.__sharakaApp = Promise.resolve(app);
		const [owner] = await app.database.db.insert(organisation).values({ slug: 'api-assoc', name: 'Association Éclair', type: 'ngo' }).returning();
		await app.database.db.insert(directoryEntry).values([
			{ collection: 'jobs.programmes', organisationId: owner.id, name: { fr: 'Aide juridique' }, description: { fr: 'Conseil' }, eligibility: {}, services: ['legal_aid'], cities: ['Tanger'], regions: ['MA-01'], languages: ['fr'], searchText: 'aide juridique conseil tanger association eclair' },
			{ collection: 'jobs.programmes', organisationId: owner.id, name: { fr: 'Ancien programme' }, description: { fr: 'Fini' }, eligibility: {}, services: ['training'], cities: ['Tanger'], regions: ['MA-01'], languages: ['fr'], status: 'archived', searchText: 'ancien' }
		]);
	});

	afterAll(async () => {
		delete holder.__sharakaApp;
		await app?.close();
	});

	it('lists rights pages in the language asked, with a link to the readable page', async () => {
		const response = await listRights(event('/api/v1/rights-pages?lang=ar'));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.total).toBeGreaterThanOrEqual(7);
		const residence = body.items.find((item: { slug: string }) => item.slug === 'residence-card');
		expect(residence).toMatchObject({ language: 'ar', fallback: false, title: 'بطاقة الإقامة وتجديدها', url: '/ar/jobs/rights/residence-card' });
	});

	it('gives one page with steps, sources and review date; an unknown slug is 404', async () => {
		const page = await (await getRights(event('/api/v1/rights-pages/work-contract', { slug: 'work-contract' }, 'fr'))).json();
		expect(page.language).toBe('fr');
		expect(page.steps.length).toBeGreaterThan(2);
		expect(page.sources.map((source: { name: string }) => source.name)).toContain('Code du travail (loi n° 65-99)');
		expect(page.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const missing = await getRights(event('/api/v1/rights-pages/nothing', { slug: 'nothing' }));
		expect(missing.status).toBe(404);
		expect((await missing.json()).error.code).toBe('not_found');
	});

	it('searches active programmes only, with facets, and refuses a bad filter', async () => {
		const body = await (await listProgrammes(event('/api/v1/programmes?q=eclair&region=MA-01'))).json();
		expect(body.total).toBe(1);
		expect(body.items[0]).toMatchObject({ name: { fr: 'Aide juridique' }, organisation: { name: 'Association Éclair' }, isSample: false });
		expect(body.facets.services).toEqual([{ value: 'legal_aid', count: 1 }]);
		const bad = await listProgrammes(event('/api/v1/programmes?service=cooking'));
		expect(bad.status).toBe(400);
	});

	it('answers 404 for an archived programme and for a malformed id', async () => {
		const rows = await app.database.db.select().from(directoryEntry);
		const archived = rows.find((row) => row.status === 'archived')!;
		const active = rows.find((row) => row.status === 'active')!;
		expect((await getProgramme(event(`/api/v1/programmes/${archived.id}`, { id: archived.id }))).status).toBe(404);
		expect((await getProgramme(event('/api/v1/programmes/x', { id: 'x' }))).status).toBe(404);
		expect((await getProgramme(event(`/api/v1/programmes/${active.id}`, { id: active.id }))).status).toBe(200);
	});
});
