import { index, text, timestamp, uuid, pgSchema } from 'drizzle-orm/pg-core';
import { user } from '../../platform/accounts/accounts.table.ts';

/** The example module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const exampleTables = pgSchema('example');

/** A private note a person keeps (the example's personal data). */
export const exampleNote = exampleTables.table(
	'example_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('example_note_user_idx').on(table.userId, table.createdAt)]
);
