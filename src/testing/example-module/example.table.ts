import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/accounts/accounts.table.ts';

/** A private note a person keeps (the example's personal data). */
export const exampleNote = pgTable(
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
