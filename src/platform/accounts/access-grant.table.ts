import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from './accounts.table.ts';

/**
 * A role a person holds in one module, beyond what their platform role gives by default (manifest
 * `actions`): e.g. moderator of the Atlas only. A module declares the roles it can grant (manifest
 * `grantRoles`); a grant may be limited to one organisation or to one scope value of the module
 * (an agency, a network, a region). Grants naming a module or role no longer installed are ignored.
 */
export const accessGrant = pgTable(
	'access_grant',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		module: text('module').notNull(),
		role: text('role').notNull(),
		organisationId: uuid('organisation_id').references(() => organisation.id, { onDelete: 'cascade' }),
		scope: text('scope'),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		unique('access_grant_unique').on(table.userId, table.module, table.role, table.organisationId, table.scope).nullsNotDistinct(),
		index('access_grant_user_idx').on(table.userId)
	]
);

export type AccessGrantRecord = typeof accessGrant.$inferSelect;
