// The Knowledge module's newsletter (issue #14, item 6): subscribers by e-mail with double opt-in, and
// issues composed from the library, events and Atlas initiatives, sent to each in their language.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { knowledgeTables, type Translated } from '../knowledge.table.ts';
import type { IssueStatus, SubscriberStatus } from './newsletter.model.ts';

/**
 * A person who asked for the newsletter: pending until they confirm by the e-mailed link (deleted if they
 * do not within 7 days), then confirmed; unsubscribing deletes the row (nothing of them is kept).
 */
export const newsletterSubscriber = knowledgeTables.table(
	'newsletter_subscriber',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		/** the language of the issues they receive */
		language: text('language').notNull(),
		status: text('status').$type<SubscriberStatus>().notNull(),
		/** SHA-256 of the confirmation link's token, until confirmed */
		confirmTokenHash: text('confirm_token_hash'),
		/** the key of the unsubscribe link in every issue (it can only unsubscribe) */
		unsubscribeToken: text('unsubscribe_token').notNull(),
		/** the number of the last issue sent to them: a send interrupted goes on where it stopped */
		lastIssue: integer('last_issue').notNull().default(0),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('newsletter_subscriber_email_idx').on(sql`lower(${table.email})`),
		uniqueIndex('newsletter_subscriber_confirm_idx').on(table.confirmTokenHash),
		uniqueIndex('newsletter_subscriber_unsubscribe_idx').on(table.unsubscribeToken),
		index('newsletter_subscriber_status_idx').on(table.status, table.lastIssue)
	]
);
export type NewsletterSubscriberRow = typeof newsletterSubscriber.$inferSelect;

/** One issue: its number, title and introduction in three languages, and what it points to. */
export const newsletterIssue = knowledgeTables.table('newsletter_issue', {
	id: uuid('id').primaryKey().defaultRandom(),
	number: integer('number').notNull().unique(),
	title: jsonb('title').$type<Translated>().notNull(),
	intro: jsonb('intro').$type<Translated>().notNull().default({}),
	/** library documents, by slug */
	documents: jsonb('documents').$type<string[]>().notNull().default([]),
	/** events, by slug */
	events: jsonb('events').$type<string[]>().notNull().default([]),
	/** other modules' records as platform links (`atlas.initiative:slug`) */
	links: jsonb('links').$type<string[]>().notNull().default([]),
	status: text('status').$type<IssueStatus>().notNull().default('draft'),
	sentAt: timestamp('sent_at', { withTimezone: true }),
	/** subscribers it was sent to */
	recipients: integer('recipients').notNull().default(0),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
export type NewsletterIssueRow = typeof newsletterIssue.$inferSelect;
