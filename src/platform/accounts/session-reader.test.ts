// The one-query session reader against better-auth's own answer: the same person and the same policy view for a
// live session, and better-auth left to decide everything else (revoked, expired, due for a refresh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { organisation, organisationMember, session, user } from './accounts.table.ts';
import { accessGrant } from './access-grant.table.ts';
import { loadActor } from './actor.ts';
import { readSession, verifiedToken } from './session-reader.ts';
import { createApiToken, findUserByApiToken } from './api-token.service.ts';
import { apiToken } from './accounts.table.ts';
import { systemContext } from '../audit/audit.service.ts';

let app: TestApp;
const PASSWORD = 'un mot de passe assez long';

beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => {
	await app?.close();
});

async function signedInCookie(email: string): Promise<string> {
	await app.auth.api.signUpEmail({ body: { name: 'Reader Person', email, password: PASSWORD } });
	await app.database.db.update(user).set({ emailVerified: true }).where(eq(user.email, email));
	const { headers } = await app.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
	return headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
}

function tokenOf(cookie: string): string {
	const value = decodeURIComponent(cookie.split('; ').find((part) => part.startsWith(app.sessionSettings.cookies.sessionToken))!.split('=')[1]);
	return verifiedToken(value, app.sessionSettings.secret)!;
}

describe('reading the session in one query', () => {
	it('finds the same person as better-auth and the same organisations and grants as the policy', async () => {
		const email = 'reader.one@example.ma';
		const cookie = await signedInCookie(email);
		const [row] = await app.database.db.select({ id: user.id }).from(user).where(eq(user.email, email));
		// an organisation and a module grant, as an administrator would give them
		const [association] = await app.database.db.insert(organisation).values({ slug: 'reader-association', name: 'Reader Association', type: 'ngo' }).returning();
		await app.database.db.update(user).set({ role: 'partner' }).where(eq(user.id, row.id));
		await app.database.db.insert(organisationMember).values({ userId: row.id, organisationId: association.id });
		await app.database.db.insert(accessGrant).values({ userId: row.id, module: 'talents', role: 'coordinator', scope: 'network-1' });

		const reading = await readSession(app.database.db, cookie, app.sessionSettings);
		const answer = await app.auth.api.getSession({ headers: new Headers({ cookie }) });
		expect(reading.kind).toBe('signed-in');
		if (reading.kind !== 'signed-in') return;
		expect(reading.person).toMatchObject({ id: answer!.user.id, email, name: 'Reader Person', role: 'partner' });
		expect(reading.actor).toEqual(await loadActor(app.database.db, row.id, 'partner'));
		expect(reading.actor.organisationIds).toEqual([association.id]);
		expect(reading.actor.grants).toEqual([{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'network-1' }]);
	});

	it('answers "no session" to a cookie whose signature is not the platform’s', async () => {
		const cookie = await signedInCookie('reader.forged@example.ma');
		const name = app.sessionSettings.cookies.sessionToken;
		const token = tokenOf(cookie);
		const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32, 7).toString('base64')}`)}`;
		expect((await readSession(app.database.db, forged, app.sessionSettings)).kind).toBe('none');
		expect((await readSession(app.database.db, `${name}=${token}`, app.sessionSettings)).kind).toBe('none');
		expect(await app.auth.api.getSession({ headers: new Headers({ cookie: forged }) })).toBeNull();
	});

	it('leaves a revoked, an expired or a session due for a refresh to better-auth, which refuses or refreshes it', async () => {
		const revokedCookie = await signedInCookie('reader.revoked@example.ma');
		await app.database.db.delete(session).where(eq(session.token, tokenOf(revokedCookie)));
		expect((await readSession(app.database.db, revokedCookie, app.sessionSettings)).kind).toBe('ask-better-auth');
		expect(await app.auth.api.getSession({ headers: new Headers({ cookie: revokedCookie }) })).toBeNull();

		const expiredCookie = await signedInCookie('reader.expired@example.ma');
		await app.database.db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.token, tokenOf(expiredCookie)));
		expect((await readSession(app.database.db, expiredCookie, app.sessionSettings)).kind).toBe('ask-better-auth');
		expect(await app.auth.api.getSession({ headers: new Headers({ cookie: expiredCookie }) })).toBeNull();

		const { expiresIn, updateAge } = app.sessionSettings;
		const dueCookie = await signedInCookie('reader.due@example.ma');
		const lastRefresh = Date.now() - (updateAge + 60) * 1000;
		await app.database.db.update(session).set({ expiresAt: new Date(lastRefresh + expiresIn * 1000) }).where(eq(session.token, tokenOf(dueCookie)));
		expect((await readSession(app.database.db, dueCookie, app.sessionSettings)).kind).toBe('ask-better-auth');
		const refreshed = await app.auth.api.getSession({ headers: new Headers({ cookie: dueCookie }) });
		expect(refreshed!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + (expiresIn - 60) * 1000);
		// refreshed, it is read in one query again
		expect((await readSession(app.database.db, dueCookie, app.sessionSettings)).kind).toBe('signed-in');
	});

	it('leaves a "don’t remember me" session to better-auth', async () => {
		const cookie = await signedInCookie('reader.once@example.ma');
		const withMark = `${cookie}; ${app.sessionSettings.cookies.dontRemember}=x`;
		expect((await readSession(app.database.db, withMark, app.sessionSettings)).kind).toBe('ask-better-auth');
	});

	it('reads a bearer token’s holder with the same organisations and grants, marks the token used, refuses a revoked one', async () => {
		const email = 'reader.token@example.ma';
		await signedInCookie(email);
		const [row] = await app.database.db.select({ id: user.id }).from(user).where(eq(user.email, email));
		await app.database.db.update(user).set({ role: 'moderator' }).where(eq(user.id, row.id));
		const [association] = await app.database.db.insert(organisation).values({ slug: 'token-association', name: 'Token Association', type: 'ngo' }).returning();
		await app.database.db.insert(organisationMember).values({ userId: row.id, organisationId: association.id });
		await app.database.db.insert(accessGrant).values({ userId: row.id, module: 'strategy', role: 'planner', scope: 'snia' });
		const { token, record } = await createApiToken(app.database.db, systemContext(), row.id, 'Sync');

		const found = await findUserByApiToken(app.database.db, token);
		expect(found).toMatchObject({ tokenId: record.id, tokenName: 'Sync', user: { id: row.id, email, role: 'moderator' } });
		expect(found!.actor).toEqual(await loadActor(app.database.db, row.id, 'moderator'));
		expect(found!.actor.grants).toEqual([{ module: 'strategy', role: 'planner', organisationId: null, scope: 'snia' }]);
		const [used] = await app.database.db.select({ lastUsedAt: apiToken.lastUsedAt }).from(apiToken).where(eq(apiToken.id, record.id));
		expect(used.lastUsedAt).not.toBeNull();

		await app.database.db.update(apiToken).set({ revokedAt: new Date() }).where(eq(apiToken.id, record.id));
		expect(await findUserByApiToken(app.database.db, token)).toBeNull();
		expect(await findUserByApiToken(app.database.db, 'shk_unknown')).toBeNull();
	});
});
