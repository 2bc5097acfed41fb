import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createRateLimiter } from '../security/rate-limit.ts';
import { AppError } from '../http/app-error.ts';
import { appErrorResponse } from '../http/api.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import { listAuditEvents } from '../audit/audit.service.ts';
import { apiToken, organisation, organisationMember, user } from './accounts.table.ts';
import { createApiToken, findUserByApiToken } from './api-token.service.ts';
import { translate } from '../i18n/translator.ts';
import {
	accountErrorMessages,
	accountFormFailure,
	changePassword,
	getMe,
	isResetTokenValid,
	requestPasswordReset,
	resendVerification,
	resetPassword,
	safeNextPath,
	signIn,
	signOut,
	signUp,
	signUpTiming,
	verifyEmail,
	type AccountRequest
} from './account.service.ts';
import { readMail, type ReadMail } from '../testing/mail.ts';

// ---------------------------------------------------------------------------
// helpers: the outbox as a person reads it, requests as a browser sends them
// ---------------------------------------------------------------------------

type Mail = ReadMail;

async function mailsTo(app: TestApp, email: string): Promise<Mail[]> {
	return (await app.outbox()).map(readMail).filter((mail) => mail.to.includes(email));
}

function linkIn(mail: Mail, page: string): URL {
	const match = /https?:\/\/\S+/.exec(mail.text);
	if (!match) throw new Error(`no link in:\n${mail.text}`);
	const url = new URL(match[0]);
	expect(url.pathname).toMatch(new RegExp(`/account/${page}$`));
	return url;
}

let ipCounter = 0;
function anonymous(ip = `203.0.113.${++ipCounter}`): AccountRequest {
	const audit: AuditContext = { actorUserId: null, actorLabel: null, channel: 'web', requestId: 'test', ip };
	return { headers: new Headers(), audit };
}

/** The request of a browser holding the session cookie that a sign-in set. */
function withSession(setCookie: Headers, ip = '198.51.100.1'): AccountRequest {
	const cookie = setCookie
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.filter((pair) => !pair.endsWith('='))
		.join('; ');
	expect(cookie).toContain('session_token=');
	return { ...anonymous(ip), headers: new Headers({ cookie }) };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected the promise to be rejected');
}

const PASSWORD = 'un mot de passe assez long';

async function verifiedAccount(app: TestApp, email: string, language: 'fr' | 'ar' | 'en' = 'fr') {
	await signUp(app, anonymous(), language, { name: 'Nadia Test', email, password: PASSWORD, passwordConfirmation: PASSWORD });
	const [mail] = await mailsTo(app, email);
	await verifyEmail(app, anonymous(), linkIn(mail, 'verify-email').searchParams.get('token')!);
	const [person] = await app.database.db.select().from(user).where(eq(user.email, email));
	return person;
}

async function auditActions(app: TestApp, resourceId: string) {
	const { items } = await listAuditEvents(app.database.db, { resourceId, page: 1, pageSize: 100 });
	return items.map((event) => event.action).reverse();
}

// ---------------------------------------------------------------------------

describe('account flow', () => {
	let app: TestApp;
	beforeAll(async () => {
		app = await createTestApp();
	});
	afterAll(async () => {
		await app?.close();
	});
	beforeEach(() => app.rateLimiter.reset());

	it('signs up, refuses sign-in until the e-mail is verified, then signs in', async () => {
		const email = 'salma.bennani@example.ma';
		const result = await signUp(app, anonymous(), 'ar', {
			name: '  سلمى بناني ',
			email: ' Salma.Bennani@Example.MA ',
			password: PASSWORD,
			passwordConfirmation: PASSWORD
		});
		expect(result.email).toBe(email);

		// the verification e-mail is in the person's language, with a link to our own page
		const [welcome] = await mailsTo(app, email);
		expect(welcome.language).toBe('ar');
		expect(welcome.text).toContain('سلمى بناني');
		const link = linkIn(welcome, 'verify-email');
		expect(link.pathname).toBe('/ar/account/verify-email');

		const [person] = await app.database.db.select().from(user).where(eq(user.email, email));
		expect(person).toMatchObject({ name: 'سلمى بناني', locale: 'ar', role: 'member', emailVerified: false });

		// before verification: refused with a clear message, and a fresh link is sent
		const refused = await rejection(signIn(app, anonymous(), { email, password: PASSWORD }));
		expect(refused.code).toBe('forbidden');
		expect(accountErrorMessages('fr', refused)['']).toContain('pas encore confirmée');
		expect(await mailsTo(app, email)).toHaveLength(2);

		// the link verifies the address; opening it again says it is already done
		expect(await verifyEmail(app, anonymous(), link.searchParams.get('token')!)).toEqual({ status: 'verified' });
		expect(await verifyEmail(app, anonymous(), link.searchParams.get('token')!)).toEqual({ status: 'already_verified' });

		// now the password opens a session that better-auth recognises
		const signedIn = await signIn(app, anonymous(), { email: 'SALMA.BENNANI@example.ma', password: PASSWORD });
		expect(signedIn.userId).toBe(person.id);
		const session = await app.auth.api.getSession({ headers: withSession(signedIn.headers).headers });
		expect(session?.user.email).toBe(email);

		// a wrong password is refused without saying which part was wrong
		const wrong = await rejection(signIn(app, anonymous(), { email, password: 'not the right password' }));
		expect(wrong.code).toBe('unauthenticated');
		expect(accountErrorMessages('en', wrong)).toEqual({ '': 'E-mail address or password incorrect.' });
		const unknown = await rejection(signIn(app, anonymous(), { email: 'nobody@example.ma', password: PASSWORD }));
		expect(accountErrorMessages('en', unknown)).toEqual(accountErrorMessages('en', wrong));

		expect(await auditActions(app, person.id)).toEqual([
			'user.sign_up',
			'user.sign_in_failed',
			'user.verify_email',
			'user.sign_in',
			'user.sign_in_failed'
		]);
		const { items } = await listAuditEvents(app.database.db, { resourceId: person.id, action: 'user.sign_in', page: 1, pageSize: 5 });
		expect(items[0]).toMatchObject({ actorUserId: person.id, channel: 'web' });
	});

	it('reports every problem of a sign-up form at once, in the page language', async () => {
		const error = await rejection(
			signUp(app, anonymous(), 'fr', { name: '', email: 'pas-une-adresse', password: 'court', passwordConfirmation: 'autre' })
		);
		expect(error.code).toBe('invalid_input');
		expect(accountErrorMessages('fr', error)).toEqual({
			name: 'Ce champ est obligatoire.',
			email: 'Saisissez une adresse électronique valide, par exemple nom@exemple.ma.',
			password: 'Au moins 10 caractères.',
			passwordConfirmation: 'Les deux mots de passe ne sont pas identiques.'
		});
		const mismatch = await rejection(
			signUp(app, anonymous(), 'ar', { name: 'A', email: 'a@example.ma', password: PASSWORD, passwordConfirmation: PASSWORD + '!' })
		);
		expect(accountErrorMessages('ar', mismatch)).toEqual({ passwordConfirmation: 'كلمتا المرور غير متطابقتين.' });
		expect(await app.database.db.select().from(user).where(eq(user.email, 'a@example.ma'))).toHaveLength(0);
	});

	it('answers a sign-up with a registered address exactly like a new one, without a second account', async () => {
		const email = 'karim.existing@example.ma';
		await verifiedAccount(app, email);
		const before = (await app.outbox()).length;
		const again = await signUp(app, anonymous(), 'fr', { name: 'Intrus', email, password: 'another long password', passwordConfirmation: 'another long password' });
		expect(again).toEqual({ email });
		expect(await app.outbox()).toHaveLength(before);
		const rows = await app.database.db.select().from(user).where(eq(user.email, email));
		expect(rows).toHaveLength(1);
		expect(rows[0].name).toBe('Nadia Test');
		// the original password still works, the intruder's does not
		await expect(signIn(app, anonymous(), { email, password: PASSWORD })).resolves.toBeTruthy();
		await expect(rejection(signIn(app, anonymous(), { email, password: 'another long password' }))).resolves.toMatchObject({
			code: 'unauthenticated'
		});
	});

	it('refuses a forged or damaged verification link, and sends a new one on request', async () => {
		const invalid = await rejection(verifyEmail(app, anonymous(), 'eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAYi5tYSJ9.forged'));
		expect(accountErrorMessages('fr', invalid)).toEqual({ '': 'Ce lien n’est pas valide, ou il a déjà servi.' });
		expect(await rejection(verifyEmail(app, anonymous(), ''))).toMatchObject({ code: 'invalid_input' });

		const email = 'pending@example.ma';
		await signUp(app, anonymous(), 'en', { name: 'Pending', email, password: PASSWORD, passwordConfirmation: PASSWORD });
		expect(await mailsTo(app, email)).toHaveLength(1);
		await resendVerification(app, anonymous(), { email });
		const mails = await mailsTo(app, email);
		expect(mails).toHaveLength(2);
		expect(mails[1].language).toBe('en');
		expect(await verifyEmail(app, anonymous(), linkIn(mails[1], 'verify-email').searchParams.get('token')!)).toEqual({
			status: 'verified'
		});
		// an unknown address gets the same answer and no e-mail
		const outbox = (await app.outbox()).length;
		await expect(resendVerification(app, anonymous(), { email: 'nobody-here@example.ma' })).resolves.toEqual({
			email: 'nobody-here@example.ma'
		});
		expect(await app.outbox()).toHaveLength(outbox);
	});

	it('resets a forgotten password through the e-mailed link, once', async () => {
		const email = 'youssef.reset@example.ma';
		const person = await verifiedAccount(app, email, 'fr');
		const oldSession = await signIn(app, anonymous(), { email, password: PASSWORD });

		// an unknown address gets the same answer, and no e-mail
		const outbox = (await app.outbox()).length;
		expect(await requestPasswordReset(app, anonymous(), { email: 'inconnu@example.ma' })).toEqual({ email: 'inconnu@example.ma' });
		expect(await app.outbox()).toHaveLength(outbox);

		expect(await requestPasswordReset(app, anonymous(), { email })).toEqual({ email });
		const mail = (await mailsTo(app, email)).at(-1)!;
		expect(mail.language).toBe('fr');
		const link = linkIn(mail, 'reset-password');
		expect(link.pathname).toBe('/fr/account/reset-password');
		const token = link.searchParams.get('token')!;
		expect(await isResetTokenValid(app.database.db, token)).toBe(true);
		expect(await isResetTokenValid(app.database.db, 'made-up-token')).toBe(false);

		const mismatch = await rejection(resetPassword(app, anonymous(), { token, password: 'nouveau mot de passe', passwordConfirmation: 'autre chose' }));
		expect(accountErrorMessages('fr', mismatch)).toEqual({ passwordConfirmation: 'Les deux mots de passe ne sont pas identiques.' });

		await resetPassword(app, anonymous(), { token, password: 'nouveau mot de passe', passwordConfirmation: 'nouveau mot de passe' });
		await expect(rejection(signIn(app, anonymous(), { email, password: PASSWORD }))).resolves.toMatchObject({ code: 'unauthenticated' });
		await expect(signIn(app, anonymous(), { email, password: 'nouveau mot de passe' })).resolves.toMatchObject({ userId: person.id });
		// sessions opened before the reset are over
		expect(await app.auth.api.getSession({ headers: withSession(oldSession.headers).headers })).toBeNull();

		// the link works once
		expect(await isResetTokenValid(app.database.db, token)).toBe(false);
		const reused = await rejection(resetPassword(app, anonymous(), { token, password: 'encore un autre essai', passwordConfirmation: 'encore un autre essai' }));
		expect(accountErrorMessages('fr', reused)).toEqual({ '': 'Ce lien n’est pas valide, ou il a déjà servi.' });

		const actions = await auditActions(app, person.id);
		expect(actions).toContain('user.request_password_reset');
		expect(actions).toContain('user.reset_password');
	});

	it('changes the password of a signed-in person after checking the current one', async () => {
		const email = 'amina.change@example.ma';
		const person = await verifiedAccount(app, email);
		const session = await signIn(app, anonymous(), { email, password: PASSWORD });
		const other = await signIn(app, anonymous(), { email, password: PASSWORD });
		const request = withSession(session.headers);
		const signedIn = { id: person.id, email };

		const wrong = await rejection(
			changePassword(app, request, signedIn, { currentPassword: 'pas le bon', newPassword: 'un tout nouveau secret', passwordConfirmation: 'un tout nouveau secret' })
		);
		expect(accountErrorMessages('fr', wrong)).toEqual({ currentPassword: 'Votre mot de passe actuel est incorrect.' });

		const changed = await changePassword(app, request, signedIn, {
			currentPassword: PASSWORD,
			newPassword: 'un tout nouveau secret',
			passwordConfirmation: 'un tout nouveau secret'
		});
		// this browser keeps a fresh session, the other one is signed out
		expect(await app.auth.api.getSession({ headers: withSession(changed.headers).headers })).not.toBeNull();
		expect(await app.auth.api.getSession({ headers: withSession(other.headers).headers })).toBeNull();
		await expect(rejection(signIn(app, anonymous(), { email, password: PASSWORD }))).resolves.toMatchObject({ code: 'unauthenticated' });
		await expect(signIn(app, anonymous(), { email, password: 'un tout nouveau secret' })).resolves.toBeTruthy();
		expect(await auditActions(app, person.id)).toContain('user.change_password');
	});

	it('revokes the personal API tokens on a password reset and on a password change, and says so', async () => {
		const tokenStates = async (userId: string) =>
			(await app.database.db.select({ revokedAt: apiToken.revokedAt }).from(apiToken).where(eq(apiToken.userId, userId))).map((row) =>
				row.revokedAt ? 'revoked' : 'active'
			);

		// a reset by the e-mailed link
		const email = 'tokens.reset@example.ma';
		const person = await verifiedAccount(app, email);
		const first = await createApiToken(app.database.db, anonymous().audit, person.id, 'Export mensuel');
		const second = await createApiToken(app.database.db, anonymous().audit, person.id, 'Synchronisation');
		expect(await findUserByApiToken(app.database.db, first.token)).not.toBeNull();
		await requestPasswordReset(app, anonymous(), { email });
		const token = linkIn((await mailsTo(app, email)).at(-1)!, 'reset-password').searchParams.get('token')!;
		await resetPassword(app, anonymous(), { token, password: 'nouveau mot de passe', passwordConfirmation: 'nouveau mot de passe' });
		expect(await findUserByApiToken(app.database.db, first.token)).toBeNull();
		expect(await findUserByApiToken(app.database.db, second.token)).toBeNull();
		expect(await tokenStates(person.id)).toEqual(['revoked', 'revoked']);
		for (const revoked of [first, second]) {
			const { items } = await listAuditEvents(app.database.db, { resourceId: revoked.record.id, page: 1, pageSize: 10 });
			expect(items.map((event) => [event.action, event.actorUserId, event.after])).toContainEqual(['api_token.revoke', person.id, { reason: 'password_reset' }]);
		}

		// a change by the signed-in person
		const other = 'tokens.change@example.ma';
		const changer = await verifiedAccount(app, other);
		const kept = await createApiToken(app.database.db, anonymous().audit, changer.id, 'Tableau de bord');
		const session = await signIn(app, anonymous(), { email: other, password: PASSWORD });
		await changePassword(app, withSession(session.headers), { id: changer.id, email: other }, {
			currentPassword: PASSWORD,
			newPassword: 'un tout nouveau secret',
			passwordConfirmation: 'un tout nouveau secret'
		});
		expect(await findUserByApiToken(app.database.db, kept.token)).toBeNull();
		expect(await tokenStates(changer.id)).toEqual(['revoked']);
		const { items } = await listAuditEvents(app.database.db, { resourceId: kept.record.id, page: 1, pageSize: 10 });
		expect(items.map((event) => [event.action, event.after])).toContainEqual(['api_token.revoke', { reason: 'password_change' }]);

		// the pages the person sees after either say so
		expect(translate('en', 'account.reset_done')).toMatch(/API tokens/);
		expect(translate('en', 'account.password_changed')).toMatch(/API tokens/);
		expect(translate('fr', 'account.reset_done')).toMatch(/jetons d’API/);
		expect(translate('fr', 'account.password_changed')).toMatch(/jetons d’API/);
	});

	it('signs out: the session no longer opens anything; signing out twice is harmless', async () => {
		const email = 'sign.out@example.ma';
		const person = await verifiedAccount(app, email);
		const session = await signIn(app, anonymous(), { email, password: PASSWORD });
		const request = withSession(session.headers);
		await signOut(app, request, { id: person.id, email });
		expect(await app.auth.api.getSession({ headers: request.headers })).toBeNull();
		await expect(signOut(app, anonymous(), null)).resolves.toEqual({ headers: null });
		expect(await auditActions(app, person.id)).toContain('user.sign_out');
	});

	it('describes the signed-in person with their organisations', async () => {
		const person = await verifiedAccount(app, 'me@example.ma', 'en');
		const [org] = await app.database.db
			.insert(organisation)
			.values({ slug: 'anapec-test', name: 'ANAPEC (test)', acronym: 'ANAPEC', type: 'public_agency' })
			.returning();
		await app.database.db.insert(organisationMember).values({ organisationId: org.id, userId: person.id });
		expect(await getMe(app.database.db, person.id)).toEqual({
			id: person.id,
			name: 'Nadia Test',
			email: 'me@example.ma',
			role: 'member',
			locale: 'en',
			organisations: [{ id: org.id, slug: 'anapec-test', name: 'ANAPEC (test)', acronym: 'ANAPEC' }]
		});
		await app.database.db
			.delete(organisationMember)
			.where(and(eq(organisationMember.organisationId, org.id), eq(organisationMember.userId, person.id)));
		expect((await getMe(app.database.db, person.id)).organisations).toEqual([]);
	});
});

describe('rate limits', () => {
	let app: TestApp;
	beforeAll(async () => {
		app = await createTestApp({ RATE_LIMIT_MAX_PER_ACCOUNT: '3', RATE_LIMIT_MAX_PER_IP: '5', RATE_LIMIT_WINDOW_SECONDS: '600' });
	});
	afterAll(async () => {
		await app?.close();
	});
	beforeEach(() => app.rateLimiter.reset());

	it('stops password guessing on one account, even with the right password and from other IPs', async () => {
		const email = 'target@example.ma';
		await verifiedAccount(app, email);
		await app.rateLimiter.reset();
		for (let attempt = 1; attempt <= 3; attempt++) {
			const error = await rejection(signIn(app, anonymous(), { email, password: `guess number ${attempt}` }));
			expect(error.code).toBe('unauthenticated');
		}
		const limited = await rejection(signIn(app, anonymous(), { email, password: PASSWORD }));
		expect(limited.code).toBe('rate_limited');
		// the window started with the first failure, a moment ago
		expect(limited.values.minutes).toBe(10);
		expect(limited.values.seconds).toBeGreaterThan(570);
		expect(limited.values.seconds).toBeLessThanOrEqual(600);
		expect(accountErrorMessages('fr', limited)).toEqual({ '': 'Trop de tentatives. Réessayez dans 10 minutes.' });
		// another account from a fresh IP is not affected
		await expect(rejection(signIn(app, anonymous(), { email: 'other@example.ma', password: PASSWORD }))).resolves.toMatchObject({
			code: 'unauthenticated'
		});
	});

	// forty password checks: a loaded machine needs more than the suite's thirty seconds
	it('does not count successful sign-ins: forty from one office address, then a newcomer signs in', { timeout: 120_000 }, async () => {
		const office = '192.0.2.50';
		const people = ['agent.one@example.ma', 'agent.two@example.ma', 'newcomer@example.ma'];
		for (const email of people) await verifiedAccount(app, email);
		await app.rateLimiter.reset();
		for (let i = 0; i < 40; i++) {
			await signIn(app, anonymous(office), { email: people[i % 2], password: PASSWORD });
		}
		// a few typing mistakes along the way count, but stay far below the limit
		await rejection(signIn(app, anonymous(office), { email: people[0], password: 'a typing mistake' }));
		await rejection(signIn(app, anonymous(office), { email: people[1], password: 'a typing mistake' }));
		await expect(signIn(app, anonymous(office), { email: people[2], password: PASSWORD })).resolves.toBeTruthy();
		// a success forgets the account's earlier failures (two so far): three more are allowed afterwards
		await rejection(signIn(app, anonymous(office), { email: people[0], password: 'another typing mistake' }));
		await expect(signIn(app, anonymous(office), { email: people[0], password: PASSWORD })).resolves.toBeTruthy();
		for (let i = 0; i < 3; i++) {
			expect((await rejection(signIn(app, anonymous(), { email: people[0], password: 'wrong again' }))).code).toBe('unauthenticated');
		}
	});

	it('stops one IP that tries many accounts', async () => {
		const request = anonymous('192.0.2.200');
		for (let attempt = 1; attempt <= 5; attempt++) {
			await rejection(signIn(app, request, { email: `person${attempt}@example.ma`, password: PASSWORD }));
		}
		expect((await rejection(signIn(app, request, { email: 'person6@example.ma', password: PASSWORD }))).code).toBe('rate_limited');
	});

	it('limits sign-ups and password-reset requests too', async () => {
		const email = 'reset.flood@example.ma';
		for (let attempt = 1; attempt <= 3; attempt++) await requestPasswordReset(app, anonymous(), { email });
		expect((await rejection(requestPasswordReset(app, anonymous(), { email }))).code).toBe('rate_limited');

		const request = anonymous('192.0.2.201');
		for (let attempt = 1; attempt <= 5; attempt++) {
			await signUp(app, request, 'fr', { name: 'Bot', email: `bot${attempt}@example.ma`, password: PASSWORD, passwordConfirmation: PASSWORD });
		}
		const limited = await rejection(
			signUp(app, request, 'fr', { name: 'Bot', email: 'bot6@example.ma', password: PASSWORD, passwordConfirmation: PASSWORD })
		);
		expect(limited.code).toBe('rate_limited');
		expect(await app.database.db.select().from(user).where(eq(user.email, 'bot6@example.ma'))).toHaveLength(0);
	});
});

describe('rate limits at the default settings', () => {
	let app: TestApp;
	beforeAll(async () => {
		app = await createTestApp();
	});
	afterAll(async () => {
		await app?.close();
	});
	beforeEach(() => app.rateLimiter.reset());

	it('blocks an account after 10 wrong passwords, not another account from the same IP', async () => {
		const office = '192.0.2.60';
		const target = await verifiedAccount(app, 'guessed@example.ma');
		await verifiedAccount(app, 'colleague@example.ma');
		for (let attempt = 1; attempt <= 10; attempt++) {
			const error = await rejection(signIn(app, anonymous(office), { email: 'guessed@example.ma', password: `guess number ${attempt}` }));
			expect(error.code).toBe('unauthenticated');
		}
		// the 11th is refused without trying the password, even the right one, from anywhere
		expect((await rejection(signIn(app, anonymous(office), { email: 'guessed@example.ma', password: 'guess number 11' }))).code).toBe(
			'rate_limited'
		);
		expect((await rejection(signIn(app, anonymous(), { email: 'Guessed@example.ma', password: PASSWORD }))).code).toBe('rate_limited');
		// the colleague behind the same address is not affected
		await expect(signIn(app, anonymous(office), { email: 'colleague@example.ma', password: PASSWORD })).resolves.toBeTruthy();

		// the owner resets the password by e-mail: the account opens again at once
		await requestPasswordReset(app, anonymous(), { email: 'guessed@example.ma' });
		const token = linkIn((await mailsTo(app, 'guessed@example.ma')).at(-1)!, 'reset-password').searchParams.get('token')!;
		await resetPassword(app, anonymous(), { token, password: 'a brand new password', passwordConfirmation: 'a brand new password' });
		await expect(signIn(app, anonymous(office), { email: 'guessed@example.ma', password: 'a brand new password' })).resolves.toMatchObject({
			userId: target.id
		});
	});

	it('shares the counters between instances of the app on one database', async () => {
		const email = 'two.servers@example.ma';
		await verifiedAccount(app, email);
		// on PostgreSQL a second app with its own connections; on PGlite a second limiter on the same database
		const other = await app.anotherInstance();
		const second = other ?? { ...app, rateLimiter: createRateLimiter(app.database.db, app.settings.rateLimit) };
		try {
			for (let attempt = 1; attempt <= 10; attempt++) {
				await rejection(signIn(attempt % 2 ? app : second, anonymous(), { email, password: `guess number ${attempt}` }));
			}
			expect((await rejection(signIn(second, anonymous(), { email, password: PASSWORD }))).code).toBe('rate_limited');
			expect((await rejection(signIn(app, anonymous(), { email, password: PASSWORD }))).code).toBe('rate_limited');
		} finally {
			await other?.close();
		}
	});

	it('answers a sign-up with a registered address after the same work and the same floor as a new one', async () => {
		// The floor itself (every answer waits for the slow path's recent time) is timing-floor.test.ts's, on a
		// clock of its own; here, that both paths hash the password and both wait for the floor, the new one
		// teaching it. Wall-clock times are not compared: a loaded machine makes them say nothing.
		const registered = 'registered.timing@example.ma';
		await verifiedAccount(app, registered);
		const context = await app.auth.$context;
		const { hash } = context.password;
		let hashes = 0;
		context.password.hash = (password) => {
			hashes++;
			return hash(password);
		};
		const { wait } = signUpTiming;
		const waits: boolean[] = [];
		signUpTiming.wait = (startedAt, slowPath) => {
			waits.push(slowPath);
			return wait(startedAt, slowPath);
		};
		const form = (email: string) => ({ name: 'Timing', email, password: PASSWORD, passwordConfirmation: PASSWORD });
		try {
			for (let i = 0; i < 3; i++) {
				await app.rateLimiter.reset();
				expect(await signUp(app, anonymous(), 'fr', form(`new.timing${i}@example.ma`))).toEqual({ email: `new.timing${i}@example.ma` });
				expect(await signUp(app, anonymous(), 'fr', form(registered))).toEqual({ email: registered });
			}
			await app.settle();
			expect(hashes).toBe(6);
			expect(waits).toEqual([true, false, true, false, true, false]);
		} finally {
			context.password.hash = hash;
			signUpTiming.wait = wait;
		}
		expect(await app.database.db.select().from(user).where(eq(user.email, registered))).toHaveLength(1);
	});

	it('answers a refusal with 429, its localised message and Retry-After, on pages and in the API', async () => {
		const error = new AppError('rate_limited', { values: { minutes: 3, seconds: 150 } });
		const headers: Record<string, string>[] = [];
		const form = new FormData();
		form.set('email', 'someone@example.ma');
		form.set('password', 'never sent back');
		const failure = accountFormFailure('ar', error, form, (set) => headers.push(set));
		expect(failure).toEqual({
			status: 429,
			data: { values: { email: 'someone@example.ma' }, errors: { '': 'محاولات كثيرة. أعيدوا المحاولة بعد 3 دقائق.' } }
		});
		expect(headers).toEqual([{ 'retry-after': '150' }]);
		expect(accountErrorMessages('en', error)).toEqual({ '': 'Too many attempts. Try again in 3 minutes.' });

		const response = appErrorResponse('fr', error);
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('150');
		expect(await response.json()).toMatchObject({
			error: { code: 'rate_limited', message: 'Trop de tentatives. Réessayez dans 3 minutes.' }
		});
	});
});

describe('safeNextPath', () => {
	it('keeps paths of this site and refuses anything that could lead elsewhere', () => {
		expect(safeNextPath('/fr/admin/users?page=2', 'fr')).toBe('/fr/admin/users?page=2');
		expect(safeNextPath('/ar', 'ar')).toBe('/ar');
		for (const next of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/fr\u0000x', '', null, 'fr/account']) {
			expect(safeNextPath(next, 'en')).toBe('/en/my-space');
		}
	});

	it('refuses paths that become another site once decoded or once their dot segments are resolved', () => {
		const escapes = [
			'/.//evil.example',
			'/./\\evil.example',
			'/%2e%2e//evil.example',
			'/%2E%2E//evil.example/x?y=1',
			'/x/..//evil.example',
			'/%2e//evil.example',
			'//evil',
			'/\\evil',
			'/%2F%2Fevil.example',
			'/%2f/evil.example',
			'/%5C%5Cevil.example',
			'/%5cevil.example',
			'%2F%2Fevil.example',
			'/%252e%252e//evil.example',
			'/%09/evil.example',
			'/%',
			'https:/evil.example'
		];
		for (const next of escapes) expect(safeNextPath(next, 'fr'), next).toBe('/fr/my-space');
		// ordinary paths, dot segments resolved, encoded characters kept
		expect(safeNextPath('/fr/jobs/offers?q=d%C3%A9veloppeur#top', 'fr')).toBe('/fr/jobs/offers?q=d%C3%A9veloppeur#top');
		expect(safeNextPath('/fr/atlas/../account', 'fr')).toBe('/fr/account');
		expect(safeNextPath('/ar/atlas/initiatives/%D8%A3', 'ar')).toBe('/ar/atlas/initiatives/%D8%A3');
	});
});
