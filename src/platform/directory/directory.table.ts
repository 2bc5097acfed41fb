// Directories of services (ADR 0009): programmes, associations, support structures that people are
// sent to. One table for every module's directory; a module's entries form a collection
// (`jobs.programmes` today, Return's support network next), each owned by an organisation.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../accounts/accounts.table.ts';
import type { LocalisedText } from '../content/content.table.ts';

export const directoryEntryStatuses = ['active', 'archived'] as const;
export type DirectoryEntryStatus = (typeof directoryEntryStatuses)[number];

/** A service run by an association or a public body, with where, in which languages, and how to reach it. */
export const directoryEntry = pgTable(
	'directory_entry',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the collection's key, `<module>.<name>` (e.g. jobs.programmes) */
		collection: text('collection').notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocalisedText>().notNull(),
		description: jsonb('description').$type<LocalisedText>().notNull(),
		eligibility: jsonb('eligibility').$type<LocalisedText>().notNull(),
		/** when it is open, in the organisation's words per language ("du lundi au vendredi, 8 h 30 – 16 h 30") */
		openingHours: jsonb('opening_hours').$type<LocalisedText>().notNull().default({}),
		/** from the collection's controlled list */
		services: text('services').array().notNull(),
		cities: text('cities').array().notNull(),
		/** ISO 3166-2 region codes, MA-01…MA-12 */
		regions: text('regions').array().notNull(),
		/** ISO 639 codes of the languages the team speaks */
		languages: text('languages').array().notNull(),
		phone: text('phone'),
		email: text('email'),
		address: text('address'),
		website: text('website'),
		/** the organisations funding the service (e.g. the ministry funding associations' programmes): ids, checked by the service */
		funderIds: uuid('funder_ids').array().notNull().default(sql`'{}'::uuid[]`),
		/** records of other modules the entry belongs to, `<kind>:<key>` (e.g. `atlas.initiative:sharaka`; src/platform/kernel/links.ts) */
		links: text('links').array().notNull().default(sql`'{}'::text[]`),
		status: text('status', { enum: directoryEntryStatuses }).notNull().default('active'),
		/** the number of its current version (`directory_entry_version`); each change of its data adds one */
		version: integer('version').notNull().default(1),
		isSample: boolean('is_sample').notNull().default(false),
		/** every searchable word (names, descriptions, eligibility, cities, organisation), kept by the service */
		searchText: text('search_text').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('directory_entry_collection_organisation_idx').on(table.collection, table.organisationId),
		index('directory_entry_services_idx').using('gin', table.services),
		index('directory_entry_regions_idx').using('gin', table.regions),
		index('directory_entry_funders_idx').using('gin', table.funderIds),
		index('directory_entry_links_idx').using('gin', table.links),
		index('directory_entry_search_idx').using('gin', sql`search_normalise(${table.searchText}) gin_trgm_ops`)
	]
);

export type DirectoryEntryRow = typeof directoryEntry.$inferSelect;

/**
 * The versions of an entry's data, each with who it is from (a contributor, or the proposer of a correction a
 * moderator approved) and their comment. An entry written straight into the table (seeds, demo) has no row for
 * its first version until it is first changed: the service then keeps that version before the new one.
 */
export const directoryEntryVersion = pgTable(
	'directory_entry_version',
	{
		entryId: uuid('entry_id')
			.notNull()
			.references(() => directoryEntry.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		/** the entry's data as the service compares it (`entrySnapshot`) */
		snapshot: jsonb('snapshot').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.entryId, table.number] })]
);
