// Workspaces' tables (see workspace.model.ts). Texts are written in one language, stored with it, so each
// part of a page carries its own `lang`. Authors are kept by name when their account goes: what a
// network's secretariat or member organisation said stays on record.
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../accounts/accounts.table.ts';
import { contributionStatuses, meetingModes } from './workspace.model.ts';

/** A notice from the secretariat to the workspace's members. */
export const workspaceAnnouncement = pgTable(
	'workspace_announcement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the workspace's key, `<module>.<name>` (e.g. return.network) */
		workspace: text('workspace').notNull(),
		language: text('language').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		authorLabel: text('author_label').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		/** demo data, badged and removable */
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('workspace_announcement_idx').on(table.workspace, table.publishedAt)]
);

/** A meeting: when and where, its agenda (terms of reference), then its minutes and who attended. */
export const workspaceMeeting = pgTable(
	'workspace_meeting',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspace: text('workspace').notNull(),
		language: text('language').notNull(),
		title: text('title').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		mode: text('mode', { enum: meetingModes }).notNull(),
		/** the address, or the link to join online */
		place: text('place').notNull(),
		agenda: text('agenda').notNull(),
		minutes: text('minutes'),
		/** the organisations that attended, recorded with the minutes */
		attendeeOrganisationIds: uuid('attendee_organisation_ids').array().notNull().default([]),
		minutesBy: text('minutes_by').references(() => user.id, { onDelete: 'set null' }),
		minutesAt: timestamp('minutes_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('workspace_meeting_idx').on(table.workspace, table.startsAt)]
);

/** A member organisation's contribution (to the ministry's strategy, a plan…) and the answer it got. */
export const workspaceContribution = pgTable(
	'workspace_contribution',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspace: text('workspace').notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		/** a topic from the workspace's list (e.g. a stage of return), if it has one */
		topic: text('topic'),
		language: text('language').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		authorLabel: text('author_label').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		status: text('status', { enum: contributionStatuses }).notNull().default('received'),
		answer: text('answer'),
		answerLanguage: text('answer_language'),
		answeredBy: text('answered_by').references(() => user.id, { onDelete: 'set null' }),
		answeredByLabel: text('answered_by_label'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('workspace_contribution_idx').on(table.workspace, table.submittedAt)]
);
