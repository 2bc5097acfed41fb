// Moderation of proposals (ADR 0011): a partner proposes a complete version of a module's subject (an Atlas
// initiative; a Talents mission or a Knowledge document next), a moderator reviews it. One set of tables
// serves every module; a module's subjects form a collection (`atlas.initiatives`…). `subject_id` names
// the module's row without a foreign key (the platform does not know the module's tables): the module
// removes a subject's proposals and messages when it deletes the subject (`forgetModeratedSubjects`).
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../accounts/accounts.table.ts';

/** `withdrawn`: by its proposer, before a decision (e.g. a duplicate of a published subject). */
export const proposalStatuses = ['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** A complete new version of a subject (or a new subject when `subject_id` is null), with its base version and a comment. */
export const moderationProposal = pgTable(
	'moderation_proposal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the collection's key, `<module>.<name>` (e.g. atlas.initiatives) */
		collection: text('collection').notNull(),
		/** null: a new subject (set to the published subject once approved) */
		subjectId: uuid('subject_id'),
		/** the published version the proposal starts from (null for a new subject) */
		baseVersion: integer('base_version'),
		/** the complete proposed version, as the collection normalised it */
		data: jsonb('data').notNull(),
		comment: text('comment'),
		status: text('status', { enum: proposalStatuses }).notNull().default('pending'),
		proposerUserId: text('proposer_user_id').references(() => user.id, { onDelete: 'set null' }),
		proposerOrganisationId: uuid('proposer_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		reviewerUserId: text('reviewer_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the reason of a rejection or of a request for changes */
		reviewReason: text('review_reason'),
		/** the version number published from it */
		publishedVersion: integer('published_version'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('moderation_proposal_collection_status_idx').on(table.collection, table.status, table.createdAt),
		index('moderation_proposal_subject_idx').on(table.collection, table.subjectId)
	]
);
export type ProposalRow = typeof moderationProposal.$inferSelect;

/** The private discussion thread of a subject (staff and partners). */
export const moderationMessage = pgTable(
	'moderation_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		collection: text('collection').notNull(),
		subjectId: uuid('subject_id').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('moderation_message_subject_idx').on(table.collection, table.subjectId, table.createdAt)]
);

/**
 * A proposal saved to finish later: the form as it was typed (it may not be valid yet), private to its
 * author, with the page to resume it on. Sending the proposal removes it; so does closing the account.
 */
export const moderationDraft = pgTable(
	'moderation_draft',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		collection: text('collection').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** the page the form is on, without the language (e.g. `/atlas/initiatives/new`) */
		resumePath: text('resume_path').notNull(),
		/** the form's fields as typed */
		values: jsonb('values').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('moderation_draft_user_idx').on(table.userId, table.collection, table.updatedAt)]
);
