// Tables of Atlas moderation.
import { index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { initiative } from '../atlas.table.ts';
import { atlasTables } from '../atlas.table.ts';

/** `withdrawn`: by its proposer, before a decision (e.g. a duplicate of a published initiative). */
export const proposalStatuses = ['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A partner's proposal: a complete new version of an initiative (or a new initiative when
 * `initiative_id` is null), with the version it was based on and a comment.
 */
export const initiativeProposal = atlasTables.table(
	'initiative_proposal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** null: a new initiative */
		initiativeId: uuid('initiative_id').references(() => initiative.id, { onDelete: 'cascade' }),
		/** the published version the proposal starts from (null for a new initiative) */
		baseVersion: integer('base_version'),
		/** the complete proposed version (InitiativeInput, organisations by slug) */
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
		index('initiative_proposal_status_idx').on(table.status, table.createdAt),
		index('initiative_proposal_initiative_idx').on(table.initiativeId)
	]
);

/** The private discussion thread of an initiative (staff and partners). */
export const initiativeMessage = atlasTables.table(
	'initiative_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('initiative_message_initiative_idx').on(table.initiativeId, table.createdAt)]
);

/**
 * A proposal a partner saved to finish later: the form as it was typed (it may not be valid yet), private to
 * its author, with the page to resume it on. Sending the proposal removes it; so does closing the account.
 */
export const proposalDraft = atlasTables.table(
	'atlas_proposal_draft',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** `/atlas/initiatives/new` or `/atlas/initiatives/{slug}/propose` */
		resumePath: text('resume_path').notNull(),
		/** the form's fields as typed */
		values: jsonb('values').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('atlas_proposal_draft_user_idx').on(table.userId, table.updatedAt)]
);
