import { boolean, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../../platform/content/content.table.ts';
import { returnTables } from '../return-schema.ts';
import type { SupportKind } from './schemes.model.ts';

/**
 * An assisted-return scheme of a host country: who runs it (an organisation of the platform whose people
 * keep the entry), who may use it, what it gives, whom to ask, and the source of what it says.
 */
export const assistedReturnScheme = returnTables.table('assisted_return_scheme', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	/** ISO 3166-1 alpha-2: the country the scheme helps people leave */
	country: text('country').notNull(),
	operatorOrganisationId: uuid('operator_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
	name: jsonb('name').$type<LocalisedText>().notNull(),
	eligibility: jsonb('eligibility').$type<LocalisedText>().notNull().default({}),
	support: jsonb('support').$type<LocalisedText>().notNull().default({}),
	supportKinds: text('support_kinds').array().$type<SupportKind[]>().notNull().default([]),
	website: text('website'),
	email: text('email'),
	phone: text('phone'),
	sourceName: text('source_name'),
	sourceUrl: text('source_url'),
	archived: boolean('archived').notNull().default(false),
	isSample: boolean('is_sample').notNull().default(false),
	updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type AssistedReturnSchemeRow = typeof assistedReturnScheme.$inferSelect;
