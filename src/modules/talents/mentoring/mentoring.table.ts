// Tables of the Talents module's mentoring (issue #11, item 6): a talent's offer of mentoring in a field, and
// the requests of members (young people in Morocco) with the talent's answer and the end of the mentoring.
import { sql } from 'drizzle-orm';
import { boolean, index, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { talentProfile, talentsTables } from '../talents.table.ts';
import type { MentoringOfferStatus, MentoringSide, MentoringStatus } from '../talents.model.ts';

/** A talent's offer of mentoring (one per talent, kept up to date); it goes with the talent's profile. */
export const mentoringOffer = talentsTables.table(
	'mentoring_offer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mentorUserId: text('mentor_user_id')
			.notNull()
			.unique()
			.references(() => talentProfile.userId, { onDelete: 'cascade' }),
		/** the field: keys of the controlled list of skills */
		skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
		/** ISCO-08 unit group of the field, when the talent gives one */
		occupationCode: text('occupation_code'),
		/** the languages the mentoring can be held in (spoken-language codes) */
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		/** true: from abroad (video, messages); false: only in person, during stays in Morocco */
		remote: boolean('remote').notNull().default(true),
		hoursPerMonth: smallint('hours_per_month').notNull(),
		/** how many people the talent mentors at once (accepted requests) */
		capacity: smallint('capacity').notNull(),
		/** what the talent offers, in their words, and the language they wrote it in */
		about: text('about'),
		aboutLanguage: text('about_language'),
		status: text('status').$type<MentoringOfferStatus>().notNull().default('open'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('mentoring_offer_status_idx').on(table.status, table.updatedAt), index('mentoring_offer_skills_idx').using('gin', table.skills)]
);
export type MentoringOfferRow = typeof mentoringOffer.$inferSelect;

/** A member's request for mentoring, the talent's answer, and its end; e-mail addresses are shown only once accepted. */
export const mentoringRequest = talentsTables.table(
	'mentoring_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		offerId: uuid('offer_id')
			.notNull()
			.references(() => mentoringOffer.id, { onDelete: 'cascade' }),
		/** the talent who offers (kept with the request for the person's export and erasure) */
		mentorUserId: text('mentor_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		menteeUserId: text('mentee_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** the member's short message; null once deleted by the retention job, some months after the request finished */
		message: text('message'),
		status: text('status').$type<MentoringStatus>().notNull().default('requested'),
		/** the reason of a decline, or of an end, when one was given */
		reason: text('reason'),
		endedBy: text('ended_by').$type<MentoringSide>(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		/** when the talent last read the conversation (or wrote in it): the member's messages after it are unread */
		mentorReadAt: timestamp('mentor_read_at', { withTimezone: true }),
		/** when the member last read the conversation (or wrote in it): the talent's messages after it are unread */
		menteeReadAt: timestamp('mentee_read_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		// asking twice: one live request per member and offer
		uniqueIndex('mentoring_request_live_idx')
			.on(table.offerId, table.menteeUserId)
			.where(sql`status in ('requested', 'accepted')`),
		index('mentoring_request_mentor_idx').on(table.mentorUserId, table.status),
		index('mentoring_request_mentee_idx').on(table.menteeUserId)
	]
);
export type MentoringRequestRow = typeof mentoringRequest.$inferSelect;

/**
 * A message between a talent and the member they mentor, written on the platform once the request is accepted
 * (never an e-mail address given); the other side is e-mailed each one. Deleted with its request, and by the
 * retention job 6 months after the mentoring ended.
 */
export const mentoringMessage = talentsTables.table(
	'mentoring_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		requestId: uuid('request_id')
			.notNull()
			.references(() => mentoringRequest.id, { onDelete: 'cascade' }),
		/** who wrote it (the request's talent or member) */
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** written by the talent (else by the member): the side stays known if the account goes */
		fromMentor: boolean('from_mentor').notNull(),
		body: text('body').notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('mentoring_message_request_idx').on(table.requestId, table.createdAt), index('mentoring_message_author_idx').on(table.authorUserId)]
);
export type MentoringMessageRow = typeof mentoringMessage.$inferSelect;
