// The request hook itself (src/hooks.server.ts), called as SvelteKit calls it: an event for a route,
// and a `resolve` standing for the page or endpoint (it records who it ran for).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { aPerson, type Person } from '#platform/testing/people.ts';
import { createApiToken } from '#platform/accounts/api-token.service.ts';
import { user } from '#platform/accounts/accounts.table.ts';
import { systemContext } from '#platform/audit/audit.service.ts';
import { throughTheHook } from './testing/hook-request.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let tokenHolder: Person;
let token: string;
let sessionCookie: string;
const PASSWORD = 'un mot de passe assez long';

beforeAll(async () => {
	app = await createTestApp();
	holder.__sharakaApp = Promise.resolve(app);
	tokenHolder = await aPerson(app.database.db, { role: 'partner' });
	token = (await createApiToken(app.database.db, systemContext(), tokenHolder.user.id, 'Sync')).token;
	// a browser session of another person
	const email = 'hook.session@example.ma';
	await app.auth.api.signUpEmail({ body: { name: 'Session Person', email, password: PASSWORD } });
	await app.database.db.update(user).set({ emailVerified: true }).where(eq(user.email, email));
	const { headers } = await app.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
	sessionCookie = headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app?.close();
});

const request = throughTheHook;

const basic = { authorization: `Basic ${Buffer.from('proxy-user:proxy-password').toString('base64')}` };

describe('the Authorization header', () => {
	it('takes a Bearer token, refuses a bad one, and ignores other schemes (a Basic-auth proxy in front)', async () => {
		// Bearer: the token's person; a wrong or empty token: 401
		expect((await request('/api/v1/me', '/api/v1/me', { authorization: `Bearer ${token}` })).ranFor).toBe(tokenHolder.email);
		expect((await request('/api/v1/me', '/api/v1/me', { authorization: `bearer ${token}` })).ranFor).toBe(tokenHolder.email);
		for (const authorization of ['Bearer shk_not-a-token', 'Bearer', 'Bearer a b']) {
			const refused = await request('/api/v1/health', '/api/v1/health', { authorization });
			expect(refused.response.status, authorization).toBe(401);
			expect(refused.ranFor).toBeUndefined();
		}

		// Basic (and any other scheme): not ours, the request goes on as anonymous…
		for (const headers of [basic, { authorization: 'Digest username="proxy"' }, { authorization: 'Negotiate abc' }]) {
			const health = await request('/api/v1/health', '/api/v1/health', headers);
			expect(health.response.status, headers.authorization).toBe(200);
			expect(health.ranFor).toBeNull();
			const page = await request('/[lang=lang]/legal', '/fr/legal', headers);
			expect(page.response.status).toBe(200);
			expect(page.ranFor).toBeNull();
		}
		// … or with its session cookie
		const signedIn = await request('/api/v1/me', '/api/v1/me', { ...basic, cookie: sessionCookie });
		expect(signedIn.response.status).toBe(200);
		expect(signedIn.ranFor).toBe('hook.session@example.ma');
		const page = await request('/[lang=lang]/account', '/fr/account', { ...basic, cookie: sessionCookie });
		expect(page.ranFor).toBe('hook.session@example.ma');
		// a page that needs a person still sends the anonymous visitor to sign in
		const anonymous = await request('/[lang=lang]/account', '/fr/account', basic);
		expect(anonymous.response.status).toBe(303);
		expect(anonymous.response.headers.get('location')).toBe('/fr/account/sign-in?next=%2Ffr%2Faccount');
	});
});

describe('Cache-Control of personal answers', () => {
	it('is private, no-store for every answer made for a signed-in person, unless the route chose one', async () => {
		const cookie = { cookie: sessionCookie };
		for (const [routeId, pathname] of [
			['/[lang=lang]/account', '/fr/account'],
			['/[lang=lang]/jobs/profile/follow-up', '/ar/jobs/profile/follow-up'],
			['/[lang=lang]/legal', '/en/legal']
		]) {
			const { response, ranFor } = await request(routeId, pathname, cookie);
			expect(ranFor, pathname).toBe('hook.session@example.ma');
			expect(response.headers.get('cache-control'), pathname).toBe('private, no-store');
		}
		// the same through a token, and for SvelteKit's page data (JSON)
		const json = () => Response.json({ me: true });
		expect((await request('/[lang=lang]/account', '/fr/account/__data.json', cookie, json)).response.headers.get('cache-control')).toBe('private, no-store');
		expect((await request('/api/v1/me', '/api/v1/me', { authorization: `Bearer ${token}` }, json)).response.headers.get('cache-control')).toBe(
			'private, no-store'
		);
		// a route's own choice stands
		const chosen = () => new Response('x', { headers: { 'content-type': 'text/javascript', 'cache-control': 'no-cache' } });
		expect((await request('/[lang=lang]/legal', '/fr/legal', cookie, chosen)).response.headers.get('cache-control')).toBe('no-cache');
		// anonymous visitors: nothing added (public pages stay cacheable)
		expect((await request('/[lang=lang]/legal', '/fr/legal')).response.headers.get('cache-control')).toBeNull();
	});
});
