import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The rate limiter's counters (security/rate-limit.ts), shared by every instance of the app on
 * one database. One row per bucket — an action and an IP or an account, hashed so that no
 * address is readable here — counting within a window that starts with the bucket's first
 * event. Expired rows are deleted as the limiter goes.
 */
export const rateLimitCounter = pgTable(
	'rate_limit_counter',
	{
		bucket: text('bucket').primaryKey(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		count: integer('count').notNull()
	},
	(table) => [index('rate_limit_counter_expires_at_idx').on(table.expiresAt)]
);
