// Who publishes the platform and how to reach them (legal notice, accessibility statement), and what
// people write through the contact form.
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../accounts/accounts.table.ts';
import type { LocalisedText } from '../i18n/content-language.ts';
import { accessibilityStatuses, contactTopics } from './site.model.ts';

/** One row (id 1): set by administrators, shown on the legal notice and the accessibility statement. */
export const siteInformation = pgTable('site_information', {
	id: integer('id').primaryKey().default(1),
	/** the publisher's name in each language */
	publisher: jsonb('publisher').$type<LocalisedText>().notNull().default({}),
	address: text('address'),
	publicationDirector: text('publication_director'),
	/** where contact messages go, and the address the pages give */
	contactEmail: text('contact_email'),
	host: text('host'),
	accessibilityStatus: text('accessibility_status', { enum: accessibilityStatuses }).notNull().default('partial'),
	accessibilityAuditedOn: date('accessibility_audited_on'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' })
});

/** A message sent through the contact form (kept for the administrators, who mark it handled). */
export const contactMessage = pgTable(
	'contact_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		topic: text('topic', { enum: contactTopics }).notNull(),
		name: text('name'),
		email: text('email').notNull(),
		message: text('message').notNull(),
		/** the page language the person wrote from, to answer in it */
		language: text('language').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		handledAt: timestamp('handled_at', { withTimezone: true }),
		handledBy: text('handled_by').references(() => user.id, { onDelete: 'set null' })
	},
	(table) => [index('contact_message_open_idx').on(table.handledAt, table.createdAt)]
);
