import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { GET } from './+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

describe('GET /api/v1/health', () => {
	let app: TestApp;
	beforeAll(async () => {
		app = await createTestApp();
		holder.__sharakaApp = Promise.resolve(app);
	});
	afterAll(async () => {
		holder.__sharakaApp = undefined;
		await app.close();
	});

	it('answers ok with the database in use', async () => {
		const response = await GET();
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			status: 'ok',
			database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
			version: expect.stringMatching(/^\d+\.\d+\.\d+/)
		});
	});

	it('answers 503 when the database does not answer', async () => {
		holder.__sharakaApp = Promise.resolve({ ...app, database: { ...app.database, ping: async () => false } });
		const response = await GET();
		expect(response.status).toBe(503);
		expect((await response.json()).status).toBe('unavailable');
		holder.__sharakaApp = Promise.resolve(app);
	});
});
