import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { organisation, organisationMember, user } from '#platform/accounts/accounts.table.ts';
import { findUserByApiToken } from '#platform/accounts/api-token.service.ts';
import { listAuditEvents } from '#platform/audit/audit.service.ts';
import { GET as getMe } from './+server.ts';
import { GET as listTokens, POST as createToken } from './tokens/+server.ts';
import { DELETE as revokeToken } from './tokens/[id]/+server.ts';

// The endpoints run as the request hook leaves them: the caller in locals, the app from getApp().
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

interface Caller {
	id: string;
	name: string;
	email: string;
}

function event(caller: Caller, init: { method?: string; body?: unknown; params?: Record<string, string>; language?: 'fr' | 'ar' | 'en'; authMethod?: 'session' | 'token' } = {}) {
	const url = new URL('http://localhost/api/v1/me/tokens');
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	return {
		request,
		url,
		params: init.params ?? {},
		locals: {
			language: init.language ?? 'en',
			user: { ...caller, role: 'member', locale: 'en' },
			authMethod: init.authMethod ?? 'session',
			audit: { actorUserId: caller.id, actorLabel: caller.email, channel: 'api', requestId: 'test', ip: '127.0.0.1' }
		}
	} as unknown as RequestEvent;
}

describe('/api/v1/me', () => {
	let app: TestApp;
	let amina: Caller;
	let omar: Caller;
	let orgId: string;

	beforeAll(async () => {
		app = await createTestApp();
		holder.__sharakaApp = Promise.resolve(app);
		amina = { id: 'user-amina', name: 'Amina', email: 'amina@example.ma' };
		omar = { id: 'user-omar', name: 'Omar', email: 'omar@example.ma' };
		await app.database.db.insert(user).values([
			{ ...amina, emailVerified: true, locale: 'ar', role: 'partner' },
			{ ...omar, emailVerified: true }
		]);
		const [org] = await app.database.db
			.insert(organisation)
			.values({ slug: 'oim-test', name: 'OIM (test)', acronym: 'OIM', type: 'un_agency' })
			.returning();
		orgId = org.id;
		await app.database.db.insert(organisationMember).values({ organisationId: orgId, userId: amina.id });
	});
	afterAll(async () => {
		holder.__sharakaApp = undefined;
		await app?.close();
	});

	it('GET /me describes the caller with role, language and organisations', async () => {
		const response = await getMe(event(amina));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({
			id: amina.id,
			name: 'Amina',
			email: 'amina@example.ma',
			role: 'partner',
			locale: 'ar',
			organisations: [{ id: orgId, slug: 'oim-test', name: 'OIM (test)', acronym: 'OIM' }]
		});
	});

	it('creates a token shown once, lists it without the secret, and revokes only the owner’s', async () => {
		const created = await createToken(event(amina, { method: 'POST', body: { name: '  Export mensuel ' } }));
		expect(created.status).toBe(201);
		const body = await created.json();
		expect(body).toMatchObject({ name: 'Export mensuel', prefix: body.token.slice(0, 10) });
		expect(body.token).toMatch(/^shk_/);
		expect((await findUserByApiToken(app.database.db, body.token))?.user.id).toBe(amina.id);

		const listed = await (await listTokens(event(amina))).json();
		expect(listed.items).toHaveLength(1);
		expect(listed.items[0]).toMatchObject({ id: body.id, name: 'Export mensuel', revokedAt: null });
		expect(JSON.stringify(listed)).not.toContain(body.token);
		expect((await (await listTokens(event(omar))).json()).items).toEqual([]);

		// someone else's token is "not found", and keeps working
		const foreign = await revokeToken(event(omar, { method: 'DELETE', params: { id: body.id } }));
		expect(foreign.status).toBe(404);
		expect((await foreign.json()).error.code).toBe('not_found');
		expect(await findUserByApiToken(app.database.db, body.token)).not.toBeNull();
		expect((await revokeToken(event(amina, { method: 'DELETE', params: { id: 'not-a-uuid' } }))).status).toBe(404);

		const revoked = await revokeToken(event(amina, { method: 'DELETE', params: { id: body.id } }));
		expect(revoked.status).toBe(204);
		expect(await findUserByApiToken(app.database.db, body.token)).toBeNull();
		const after = await (await listTokens(event(amina))).json();
		expect(after.items[0].revokedAt).not.toBeNull();
		expect((await revokeToken(event(amina, { method: 'DELETE', params: { id: body.id } }))).status).toBe(404);

		const { items } = await listAuditEvents(app.database.db, { resourceId: body.id, page: 1, pageSize: 10 });
		expect(items.map((item) => item.action).sort()).toEqual(['api_token.create', 'api_token.revoke']);
	});

	it('refuses a token without a name, in the caller’s language', async () => {
		const response = await createToken(event(omar, { method: 'POST', body: { name: ' ' }, language: 'fr' }));
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: {
				code: 'invalid_input',
				message: 'Les données envoyées ne sont pas valides.',
				details: { fields: [{ path: 'name', message: 'Ce champ est obligatoire.' }] }
			}
		});
	});

	it('refuses to mint a token for a caller who is authenticated by a token', async () => {
		const response = await createToken(event(omar, { method: 'POST', body: { name: 'Minted' }, authMethod: 'token' }));
		expect(response.status).toBe(403);
		expect((await response.json()).error.code).toBe('forbidden');
		const listed = await listTokens(event(omar));
		expect((await listed.json()).items.map((token: { name: string }) => token.name)).not.toContain('Minted');
	});
});
