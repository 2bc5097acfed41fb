// Tables of the Return module. Guide pages are the platform's content pages (collection return.guide);
// the network is the platform's directory. Here: pension portability by host country, and each
// person's saved checklist. `return` is a reserved word: the schema is `return_module`.
import { boolean, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';

export const returnTables = pgSchema('return_module');

/**
 * What a retiree can carry home from one host country: the agreement, what transfers, where to ask.
 * Reference data kept by moderators; a row without a source is shown as "to be completed".
 */
export const pensionAgreement = returnTables.table('pension_agreement', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** ISO 3166-1 alpha-2 of the host country, one row per country */
	countryCode: text('country_code').notNull().unique(),
	agreement: jsonb('agreement').$type<LocalisedText>().notNull().default({}),
	transfers: jsonb('transfers').$type<LocalisedText>().notNull().default({}),
	whereToAsk: jsonb('where_to_ask').$type<LocalisedText>().notNull().default({}),
	sourceName: text('source_name'),
	sourceUrl: text('source_url'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' })
});

/** A signed-in person's answers and the checklist steps they ticked (one checklist a person). */
export const returnChecklist = returnTables.table('checklist', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
	ticked: jsonb('ticked').$type<string[]>().notNull().default([]),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type PensionAgreementRow = typeof pensionAgreement.$inferSelect;

export const networkMemberStatuses = ['requested', 'member', 'refused'] as const;
export type NetworkMemberStatus = (typeof networkMemberStatuses)[number];

/**
 * An organisation's place in the RAMre network: asked by one of its people, decided by the network's
 * secretariat. Its services are the platform's directory entries (collection return.services).
 */
export const networkMember = returnTables.table('network_member', {
	organisationId: uuid('organisation_id')
		.primaryKey()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	status: text('status', { enum: networkMemberStatuses }).notNull().default('requested'),
	/** why the organisation wants to join, in its own words */
	motivation: text('motivation').notNull().default(''),
	requestedBy: text('requested_by').references(() => user.id, { onDelete: 'set null' }),
	requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
	decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
	decidedAt: timestamp('decided_at', { withTimezone: true }),
	isSample: boolean('is_sample').notNull().default(false)
});
