import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '#platform/testing/people.ts';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { GET as list } from '#modules/atlas/routes/api/v1/initiatives/+server.ts';
import { GET as detail } from '#modules/atlas/routes/api/v1/initiatives/[id]/+server.ts';
import { GET as stats } from '#modules/atlas/routes/api/v1/atlas/stats/+server.ts';
import { generateInitiatives } from '#modules/atlas/generate.ts';
import { removeSampleInitiatives } from '#modules/atlas/initiative.service.ts';

// The endpoints run as the request hook leaves them: the app from getApp(), the language in locals.
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;

function event(path: string, init: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		request: new Request(url, { headers: init.headers }),
		url,
		params: init.params ?? {},
		locals: { language: 'en', user: null, audit: { actorUserId: null, actorLabel: null, channel: 'api' } }
	} as unknown as RequestEvent;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('GET /api/v1/initiatives', () => {
	it('answers the filtered list with total, items and facets', async () => {
		const response = await list(event('/api/v1/initiatives?region=MA-02&national=exclude&theme=south_south&theme=migration_governance&sort=title'));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.items.map((item: { slug: string }) => item.slug).sort()).toEqual([
			'convention-oriental-kayes',
			'oim-migration-developpement-durable',
			'primo-oriental'
		]);
		expect(body.total).toBe(3);
		expect(body.facets.region.find((entry: { key: string }) => entry.key === 'MA-02').count).toBe(3);
	});

	it('refuses bad input with the field paths', async () => {
		const response = await list(event('/api/v1/initiatives?region=MA-99&pageSize=500&status=done'));
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('invalid_input');
		expect(body.error.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['pageSize', 'region.0', 'status.0']);
	});
});

describe('GET /api/v1/initiatives/{id}', () => {
	it('answers the detail with its version as ETag, by slug or id; never 304 (budgets follow the rates)', async () => {
		const response = await detail(event('/api/v1/initiatives/sharaka', { params: { id: 'sharaka' } }));
		expect(response.status).toBe(200);
		expect(response.headers.get('etag')).toBe('"1"');
		const body = await response.json();
		expect(body.title.fr).toContain('SHARAKA');
		const byId = await detail(event(`/api/v1/initiatives/${body.id}`, { params: { id: body.id } }));
		expect((await byId.json()).slug).toBe('sharaka');
		const unchanged = await detail(event('/api/v1/initiatives/sharaka', { params: { id: 'sharaka' }, headers: { 'if-none-match': '"1"' } }));
		expect(unchanged.status).toBe(200);
		expect((await unchanged.json()).budget).toEqual(body.budget);
	});

	it('answers 404 for an unknown initiative', async () => {
		const response = await detail(event('/api/v1/initiatives/nothing-here', { params: { id: 'nothing-here' } }));
		expect(response.status).toBe(404);
		expect((await response.json()).error.code).toBe('not_found');
	});
});

describe('GET /api/v1/atlas/stats', () => {
	it('groups by funder with contributions in EUR', async () => {
		const response = await stats(event('/api/v1/atlas/stats?by=funder'));
		const body = await response.json();
		expect(body.rows.find((row: { key: string }) => row.key === 'mae-pays-bas')).toMatchObject({ count: 1, budgetEur: 125000 });
	});

	it('counts real initiatives unless asked to count the samples too', async () => {
		const total = async (query: string) =>
			((await (await stats(event(`/api/v1/atlas/stats?by=theme${query}`))).json()).rows as { count: number }[]).reduce((sum, row) => sum + row.count, 0);
		const real = await total('');
		await generateInitiatives(contextFor(app.database.db, null), 20, { prefix: 'exemple-stats', seed: 3 });
		try {
			expect(await total('')).toBe(real);
			expect(await total('&sample=exclude')).toBe(real);
			expect(await total('&sample=include')).toBeGreaterThan(real);
		} finally {
			await removeSampleInitiatives(contextFor(app.database.db, null));
		}
	});

	it('requires a known dimension', async () => {
		const response = await stats(event('/api/v1/atlas/stats?by=colour'));
		expect(response.status).toBe(400);
		expect((await response.json()).error.details.fields[0].path).toBe('by');
	});
});
