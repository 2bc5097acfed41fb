import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only: a database trigger (migration 0001) refuses UPDATE and DELETE,
 * so not even a bug in the app can rewrite history.
 */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
		/** null for the system itself (jobs, CLI without a user) */
		actorUserId: text('actor_user_id'),
		/** e-mail or name of the actor at the time, kept even if the account goes */
		actorLabel: text('actor_label'),
		/** web | api | cli | system */
		channel: text('channel').notNull(),
		action: text('action').notNull(),
		resourceType: text('resource_type').notNull(),
		resourceId: text('resource_id'),
		before: jsonb('before'),
		after: jsonb('after'),
		requestId: text('request_id'),
		ip: text('ip')
	},
	(table) => [
		index('audit_event_occurred_idx').on(table.occurredAt),
		index('audit_event_actor_idx').on(table.actorUserId, table.occurredAt),
		index('audit_event_resource_idx').on(table.resourceType, table.resourceId),
		index('audit_event_action_idx').on(table.action)
	]
);
