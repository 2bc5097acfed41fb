import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('rate limiter', () => {
	const settings = { windowSeconds: 60, maxPerIp: 5, maxPerAccount: 3 };

	it('refuses an account past its limit, from any IP, until the window ends', () => {
		let now = 0;
		const limiter = createRateLimiter(settings, () => now);
		for (let i = 0; i < 3; i++) expect(limiter.hit('sign_in', `10.0.0.${i}`, 'a@x.ma').allowed).toBe(true);
		const refused = limiter.hit('sign_in', '10.0.0.9', 'A@X.ma ');
		expect(refused.allowed).toBe(false);
		expect(refused.retryAfterSeconds).toBe(60);
		now = 61_000;
		expect(limiter.hit('sign_in', '10.0.0.9', 'a@x.ma').allowed).toBe(true);
	});

	it('refuses an IP past its limit whatever the accounts', () => {
		const limiter = createRateLimiter(settings, () => 0);
		for (let i = 0; i < 5; i++) expect(limiter.hit('sign_up', '192.0.2.1', `p${i}@x.ma`).allowed).toBe(true);
		expect(limiter.hit('sign_up', '192.0.2.1', 'other@x.ma').allowed).toBe(false);
		expect(limiter.hit('sign_up', '192.0.2.2', 'other@x.ma').allowed).toBe(true);
	});

	it('counts each action separately', () => {
		const limiter = createRateLimiter(settings, () => 0);
		for (let i = 0; i < 3; i++) limiter.hit('sign_in', '192.0.2.1', 'a@x.ma');
		expect(limiter.hit('password_reset', '192.0.2.1', 'a@x.ma').allowed).toBe(true);
	});
});
