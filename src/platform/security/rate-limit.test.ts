import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createRateLimiter } from './rate-limit.ts';
import { rateLimitCounter } from './rate-limit.table.ts';

describe('rate limiter (counters in the database)', () => {
	const settings = { windowSeconds: 60, maxPerIp: 5, maxPerAccount: 3 };
	let app: TestApp;
	let now = 0;
	const clock = () => now;
	beforeAll(async () => {
		app = await createTestApp({ RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_MAX_PER_IP: '5', RATE_LIMIT_MAX_PER_ACCOUNT: '3' });
	});
	afterAll(async () => {
		await app?.close();
	});
	beforeEach(async () => {
		now = Date.UTC(2031, 0, 1);
		await app.rateLimiter.reset();
	});

	it('refuses an account past its limit, from any IP, until its window ends; refusals do not count', async () => {
		const limiter = createRateLimiter(app.database.db, settings, clock);
		for (let i = 0; i < 3; i++) expect((await limiter.hit('sign_in', `10.0.0.${i}`, 'a@x.ma')).allowed).toBe(true);
		now += 15_000;
		const refused = await limiter.hit('sign_in', '10.0.0.9', 'A@X.ma ');
		expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 45 });
		// refused attempts are not counted: the IP that tried keeps its whole allowance elsewhere
		for (let i = 0; i < 5; i++) await limiter.hit('sign_in', '10.0.0.9', 'a@x.ma');
		expect((await limiter.hit('sign_in', '10.0.0.9', 'b@x.ma')).allowed).toBe(true);
		now += 45_000;
		expect((await limiter.hit('sign_in', '10.0.0.9', 'a@x.ma')).allowed).toBe(true);
	});

	it('refuses an IP past its limit whatever the accounts', async () => {
		const limiter = createRateLimiter(app.database.db, settings, clock);
		for (let i = 0; i < 5; i++) expect((await limiter.hit('sign_up', '192.0.2.1', `p${i}@x.ma`)).allowed).toBe(true);
		expect((await limiter.hit('sign_up', '192.0.2.1', 'other@x.ma')).allowed).toBe(false);
		expect((await limiter.hit('sign_up', '192.0.2.2', 'other@x.ma')).allowed).toBe(true);
		expect((await limiter.hit('sign_up', null)).allowed).toBe(true);
	});

	it('counts each action separately', async () => {
		const limiter = createRateLimiter(app.database.db, settings, clock);
		for (let i = 0; i < 3; i++) await limiter.hit('sign_in', '192.0.2.1', 'a@x.ma');
		expect((await limiter.hit('password_reset', '192.0.2.1', 'a@x.ma')).allowed).toBe(true);
		expect((await limiter.hit('sign_in', '192.0.2.1', 'a@x.ma')).allowed).toBe(false);
	});

	it('takes back an attempt that succeeded and forgets the account’s failures', async () => {
		const limiter = createRateLimiter(app.database.db, settings, clock);
		for (let i = 0; i < 2; i++) await limiter.hit('sign_in', '192.0.2.1', 'a@x.ma');
		// many successes from one IP never add up
		for (let i = 0; i < 20; i++) {
			const ticket = await limiter.hit('sign_in', '192.0.2.1', `person${i % 4}@x.ma`);
			expect(ticket.allowed).toBe(true);
			await ticket.succeeded();
		}
		await (await limiter.hit('sign_in', '192.0.2.1', 'a@x.ma')).succeeded();
		// a@x.ma starts again from zero; the IP still holds its two failures
		for (let i = 0; i < 3; i++) expect((await limiter.hit('sign_in', '192.0.2.1', 'a@x.ma')).allowed).toBe(true);
		expect((await limiter.hit('sign_in', '192.0.2.2', 'a@x.ma')).allowed).toBe(false);
		await limiter.forget('sign_in', ' A@x.MA');
		expect((await limiter.hit('sign_in', '192.0.2.2', 'a@x.ma')).allowed).toBe(true);
		// 2 failures + 3 + this one from 192.0.2.1: its sixth is refused
		expect((await limiter.hit('sign_in', '192.0.2.1', 'c@x.ma')).allowed).toBe(false);
	});

	it('does not let parallel attempts slip past the limit', async () => {
		const limiter = createRateLimiter(app.database.db, { ...settings, maxPerAccount: 10 }, clock);
		const tickets = await Promise.all(
			Array.from({ length: 25 }, (_, i) => limiter.hit('sign_in', `198.51.100.${i}`, 'target@x.ma'))
		);
		expect(tickets.filter((ticket) => ticket.allowed)).toHaveLength(10);
	});

	it('shares its counters between instances of the app on one database', async () => {
		// the same settings as the app's (and the real clock), like two servers started alike
		const first = createRateLimiter(app.database.db, settings);
		const second = createRateLimiter(app.database.db, settings);
		for (let i = 0; i < 3; i++) await (i % 2 ? first : second).hit('sign_in', `10.1.0.${i}`, 'shared@x.ma');
		expect((await first.hit('sign_in', '10.1.0.9', 'shared@x.ma')).allowed).toBe(false);
		expect((await second.hit('sign_in', '10.1.0.9', 'shared@x.ma')).allowed).toBe(false);

		// On PostgreSQL, a second app with its own connections (a second server) sees them too.
		const other = await app.anotherInstance();
		if (!other) return;
		try {
			expect((await other.rateLimiter.hit('sign_in', '10.1.0.9', 'shared@x.ma')).allowed).toBe(false);
			await other.rateLimiter.forget('sign_in', 'shared@x.ma');
			expect((await first.hit('sign_in', '10.1.0.9', 'shared@x.ma')).allowed).toBe(true);
		} finally {
			await other.close();
		}
	});

	it('starts a new window once the last one has ended, and deletes expired rows as it goes', async () => {
		const limiter = createRateLimiter(app.database.db, settings, clock);
		await limiter.hit('sign_in', '10.2.0.1', 'old@x.ma');
		now += 61_000;
		// a new limiter sweeps at once (then at most once a minute)
		const later = createRateLimiter(app.database.db, settings, clock);
		await later.hit('sign_in', '10.2.0.2', 'new@x.ma');
		const rows = await app.database.db.select().from(rateLimitCounter);
		expect(rows).toHaveLength(2);
		expect(rows.every((row) => row.expiresAt.getTime() === now + 60_000)).toBe(true);
		// no address is stored readable
		expect(rows.map((row) => row.bucket).join()).not.toMatch(/@|10\.2/);

		now += 61_000;
		for (let i = 0; i < 3; i++) await later.hit('sign_in', '10.2.0.2', 'new@x.ma');
		const renewed = await app.database.db.select().from(rateLimitCounter);
		expect(renewed.map(({ count, windowStart }) => ({ count, windowStart }))).toEqual([
			{ count: 3, windowStart: new Date(now) },
			{ count: 3, windowStart: new Date(now) }
		]);
	});
});
