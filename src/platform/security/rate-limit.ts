import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { rateLimitCounter } from './rate-limit.table.ts';

/**
 * Counters per IP and per account for the sensitive actions, kept in the database
 * (`rate_limit_counter`) so that every instance of the app on one database shares them.
 *
 * Each bucket (an action and an IP, or an action and an account) counts within a window that
 * starts with its first event and lasts `windowSeconds`. `hit` counts one event atomically
 * (insert … on conflict do update … returning) and refuses it past either limit; a refused
 * event does not count. What an event is depends on the caller:
 * - guesses (sign-in, current password, reset token): every attempt counts while it runs, and
 *   `succeeded()` takes it back, so only failures stay counted; a success also forgets the
 *   account's earlier failures. Counting before the check, not after, means parallel guesses
 *   cannot slip past the limit.
 * - requests that send e-mails (sign-up, password reset, new verification link): every request
 *   counts.
 */
export interface RateLimitSettings {
	windowSeconds: number;
	/** events per window from one IP (loose: an office or an agency shares one address) */
	maxPerIp: number;
	/** events per window for one account, whatever the IPs (strict) */
	maxPerAccount: number;
}

export interface RateLimitVerdict {
	allowed: boolean;
	/** when refused: seconds until the fullest bucket's window ends (at least 1); 0 when allowed */
	retryAfterSeconds: number;
}

export interface RateLimitTicket extends RateLimitVerdict {
	/** The attempt succeeded: it no longer counts, and the account's failures at this action are forgotten. */
	succeeded(): Promise<void>;
}

export interface RateLimiter {
	/** Counts one event of `action` from this IP and for this account; refuses it (uncounted) past either limit. */
	hit(action: string, ip: string | null, account?: string | null): Promise<RateLimitTicket>;
	/** Forgets the account's events at `action` (e.g. its sign-in failures once its password is reset). */
	forget(action: string, account: string): Promise<void>;
	/** Forgets every counter (tests). */
	reset(): Promise<void>;
}

/** Expired rows are deleted at most this often by each instance. */
const SWEEP_EVERY_MS = 60_000;

/** The bucket's key: no IP or e-mail address is stored readable. */
function bucketOf(action: string, kind: 'ip' | 'account', value: string): string {
	const digest = crypto.createHash('sha256').update(value).digest('base64url');
	return `${action}:${kind}:${digest}`;
}

export function normaliseAccount(account: string): string {
	return account.trim().toLowerCase();
}

export function createRateLimiter(db: Db, settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
	const windowMs = settings.windowSeconds * 1000;
	let lastSweep = -Infinity;

	async function sweep(time: number) {
		if (time - lastSweep < SWEEP_EVERY_MS) return;
		lastSweep = time;
		await db.delete(rateLimitCounter).where(lt(rateLimitCounter.expiresAt, new Date(time)));
	}

	/** Adds one to each bucket, starting a new window where the last one has ended; one statement. */
	async function count(buckets: string[], time: number) {
		const at = new Date(time).toISOString();
		const expired = sql`${rateLimitCounter.expiresAt} <= ${at}::timestamptz`;
		return db
			.insert(rateLimitCounter)
			.values(buckets.map((bucket) => ({ bucket, windowStart: new Date(time), expiresAt: new Date(time + windowMs), count: 1 })))
			.onConflictDoUpdate({
				target: rateLimitCounter.bucket,
				set: {
					count: sql`case when ${expired} then 1 else ${rateLimitCounter.count} + 1 end`,
					windowStart: sql`case when ${expired} then excluded.window_start else ${rateLimitCounter.windowStart} end`,
					expiresAt: sql`case when ${expired} then excluded.expires_at else ${rateLimitCounter.expiresAt} end`
				}
			})
			.returning({
				bucket: rateLimitCounter.bucket,
				count: rateLimitCounter.count,
				windowStart: rateLimitCounter.windowStart,
				expiresAt: rateLimitCounter.expiresAt
			});
	}

	/** Takes one back from a bucket, if its window is still the one that counted it. */
	async function uncount(bucket: string, windowStart: Date) {
		await db
			.update(rateLimitCounter)
			.set({ count: sql`greatest(${rateLimitCounter.count} - 1, 0)` })
			.where(and(eq(rateLimitCounter.bucket, bucket), eq(rateLimitCounter.windowStart, windowStart)));
	}

	return {
		async hit(action, ip, account) {
			const time = now();
			await sweep(time);
			const ipBucket = bucketOf(action, 'ip', ip ?? 'unknown');
			const accountBucket = account ? bucketOf(action, 'account', normaliseAccount(account)) : null;
			const rows = await count(accountBucket ? [ipBucket, accountBucket] : [ipBucket], time);
			const counted = rows.map((row) => ({
				...row,
				max: row.bucket === accountBucket ? settings.maxPerAccount : settings.maxPerIp
			}));
			const takeBack = () => Promise.all(counted.map((row) => uncount(row.bucket, row.windowStart))).then(() => {});
			const full = counted.filter((row) => row.count > row.max);
			if (full.length) {
				await takeBack();
				const until = Math.max(...full.map((row) => row.expiresAt.getTime()));
				return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - time) / 1000)), succeeded: async () => {} };
			}
			return {
				allowed: true,
				retryAfterSeconds: 0,
				async succeeded() {
					const ipRow = counted.find((row) => row.bucket === ipBucket);
					if (ipRow) await uncount(ipRow.bucket, ipRow.windowStart);
					if (accountBucket) await db.delete(rateLimitCounter).where(eq(rateLimitCounter.bucket, accountBucket));
				}
			};
		},
		async forget(action, account) {
			await db.delete(rateLimitCounter).where(eq(rateLimitCounter.bucket, bucketOf(action, 'account', normaliseAccount(account))));
		},
		async reset() {
			await db.delete(rateLimitCounter);
		}
	};
}
