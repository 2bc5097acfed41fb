/**
 * Fixed-window counters in memory, per key (an IP or an account), for the sensitive
 * actions: sign-in, sign-up and password reset. One process serves the platform, so
 * memory is the right place; counters reset on restart, which only relaxes them.
 */
export interface RateLimitSettings {
	windowSeconds: number;
	maxPerIp: number;
	maxPerAccount: number;
}

export interface RateLimitVerdict {
	allowed: boolean;
	retryAfterSeconds: number;
}

export interface RateLimiter {
	/** Counts one attempt of `action` from this IP and for this account; refuses past either limit. */
	hit(action: string, ip: string | null, account?: string | null): RateLimitVerdict;
	reset(): void;
}

export function createRateLimiter(settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
	const windows = new Map<string, { count: number; resetAt: number }>();

	function count(key: string, max: number): RateLimitVerdict {
		const time = now();
		let window = windows.get(key);
		if (!window || window.resetAt <= time) {
			window = { count: 0, resetAt: time + settings.windowSeconds * 1000 };
			windows.set(key, window);
		}
		window.count++;
		const retryAfterSeconds = Math.ceil((window.resetAt - time) / 1000);
		return { allowed: window.count <= max, retryAfterSeconds };
	}

	function sweep() {
		if (windows.size < 10_000) return;
		const time = now();
		for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
	}

	return {
		hit(action, ip, account) {
			sweep();
			const verdicts = [count(`${action}|ip|${ip ?? 'unknown'}`, settings.maxPerIp)];
			if (account) verdicts.push(count(`${action}|account|${account.trim().toLowerCase()}`, settings.maxPerAccount));
			const refused = verdicts.filter((verdict) => !verdict.allowed);
			return refused.length
				? { allowed: false, retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) }
				: { allowed: true, retryAfterSeconds: 0 };
		},
		reset: () => windows.clear()
	};
}
