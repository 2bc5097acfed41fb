// The request hook while the database is out of reach (src/hooks.server.ts): what is public still
// renders, the busiest public reads are served from their last copy, everything else answers 503 with
// Retry-After — JSON for the API whatever the client accepts, the localised outage page for pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import pg from 'pg';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { aPerson } from '#platform/testing/people.ts';
import { createApiToken } from '#platform/accounts/api-token.service.ts';
import { systemContext } from '#platform/audit/audit.service.ts';
import { handleError } from './hooks.server.ts';
import { throughTheHook } from './testing/hook-request.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let token: string;
let databaseDown = false;

beforeAll(async () => {
	app = await createTestApp();
	holder.__sharakaApp = Promise.resolve(app);
	const partner = await aPerson(app.database.db, { role: 'partner' });
	token = (await createApiToken(app.database.db, systemContext(), partner.user.id, 'Sync')).token;
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	if (databaseDown && 'url' in app.database.connection) await allowConnections(app.database.connection.url, true);
	await app.close().catch(() => {});
});

/** PostgreSQL: refuse new connections to the app's database and cut the open ones (an outage). */
async function allowConnections(url: string, allowed: boolean) {
	const name = new URL(url).pathname.slice(1);
	const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
	await admin.connect();
	await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${allowed}`);
	if (!allowed) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
	await admin.end();
}

async function takeDatabaseDown() {
	databaseDown = true;
	const connection = app.database.connection;
	if ('pglite' in connection) await connection.pglite.close();
	else await allowConnections(connection.url, false);
}

/** One request through the hook; `route` stands for SvelteKit rendering the page or endpoint. */
const request = (routeId: string, pathname: string, headers: Record<string, string> = {}, route?: (event: RequestEvent) => Promise<Response>) =>
	throughTheHook(routeId, pathname, headers, route);

/** What SvelteKit does when a load or endpoint throws: handleError, then its own 500 HTML page. */
function failingRoute(error: unknown) {
	return async (event: RequestEvent) => {
		await handleError({ kind: 'unknown', error, event, status: 500, message: 'Internal Error' } as unknown as Parameters<typeof handleError>[0]);
		return new Response('<!doctype html><h1>500</h1>', { status: 500, headers: { 'content-type': 'text/html' } });
	};
}

describe('the hook with the database out of reach', () => {
	it('answers an API failure as JSON even without an Accept header', async () => {
		const { response } = await request('/api/v1/health', '/api/v1/health', {}, failingRoute(new TypeError('a bug')));
		expect(response.status).toBe(500);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect((await response.json()).error.code).toBe('internal');
	});

	it('keeps serving public pages, the last copy of cached reads, and answers 503 with Retry-After for the rest', async () => {
		// before the outage: an anonymous visitor's Atlas list page is rendered and kept
		const atlasPage = () => new Response('<!doctype html><p>atlas list</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
		expect((await request('/[lang=lang]/atlas', '/fr/atlas', {}, async () => atlasPage())).response.status).toBe(200);

		await takeDatabaseDown();

		// a public page that needs no data still renders
		const legal = await request('/[lang=lang]/legal', '/fr/legal');
		expect(legal.response.status).toBe(200);

		// the kept copy answers, said to be possibly outdated; nothing is rendered
		const atlas = await request('/[lang=lang]/atlas', '/fr/atlas', {}, async () => {
			throw new Error('must not render');
		});
		expect(atlas.response.status).toBe(200);
		expect(await atlas.response.text()).toContain('atlas list');
		expect(atlas.response.headers.get('x-sharaka-outdated')).toContain('database unavailable');

		// an API call with a token: the token cannot be checked
		const api = await request('/api/v1/me', '/api/v1/me', { authorization: `Bearer ${token}` });
		expect(api.response.status).toBe(503);
		expect(api.response.headers.get('retry-after')).toBe('30');
		expect((await api.response.json()).error.code).toBe('database_unavailable');

		// a page for signed-in people, asked with a session cookie signed by the platform: the outage page (the
		// layout shows it), not a redirect to sign in
		const signature = crypto.createHmac('sha256', app.sessionSettings.secret).update('abc').digest('base64');
		const cookie = `${app.sessionSettings.cookies.sessionToken}=${encodeURIComponent(`abc.${signature}`)}`;
		const account = await request('/[lang=lang]/account', '/ar/account', { cookie }, async (event) => {
			expect(event.locals.denied).toBe(503);
			return new Response('<!doctype html><h1>outage</h1>', { status: 503, headers: { 'content-type': 'text/html' } });
		});
		expect(account.response.status).toBe(503);

		// a public page whose load fails on the database: 503 with Retry-After, not 500
		const offers = await request('/[lang=lang]/jobs/offers/[id]', '/fr/jobs/offers/x', {}, failingRoute(new Error('Connection terminated unexpectedly')));
		expect(offers.response.status).toBe(503);
		expect(offers.response.headers.get('retry-after')).toBe('30');

		// an endpoint failing on the database without Accept: JSON 503
		const health = await request('/api/v1/job-offers', '/api/v1/job-offers', {}, failingRoute(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
		expect(health.response.status).toBe(503);
		expect((await health.response.json()).error.code).toBe('database_unavailable');
	});
});
