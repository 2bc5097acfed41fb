// Tables of the Knowledge module: the library's documents and their published versions.
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, primaryKey, text, timestamp, uuid, pgSchema, type AnyPgColumn } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** French and Arabic stems of a text already through search_normalise: one query in either language finds it. */
const bilingual = (column: AnyPgColumn | ReturnType<typeof sql>) => sql`(to_tsvector('french'::regconfig, ${column}) || to_tsvector('arabic'::regconfig, ${column}))`;
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import type { DocumentStatus, DocumentType, Horizon } from './knowledge.model.ts';

/** The knowledge module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const knowledgeTables = pgSchema('knowledge');

/** A text in any of the three languages; the key is the language the text is written in. */
export type Translated = { fr?: string; ar?: string; en?: string };
export type Recommendation = { text: string; horizon: Horizon };
export type Source = { citation: string; url?: string };
/** A PDF kept by the platform's file store (key relative to it), checked by its content when received. */
export type StoredPdf = { key: string; bytes: number; pages: number; name: string };

export const document = knowledgeTables.table(
	'document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		version: integer('version').notNull().default(1),
		title: jsonb('title').$type<Translated>().notNull(),
		summary: jsonb('summary').$type<Translated>().notNull().default({}),
		type: text('type').$type<DocumentType>().notNull(),
		status: text('status').$type<DocumentStatus>().notNull(),
		authors: jsonb('authors').$type<string[]>().notNull().default([]),
		/** platform organisations, by slug (a removed organisation is no longer shown) */
		organisations: jsonb('organisations').$type<string[]>().notNull().default([]),
		/** the year, and the full date when known (ISO `YYYY-MM-DD`) */
		year: integer('year'),
		publishedOn: text('published_on'),
		languages: jsonb('languages').$type<string[]>().notNull().default([]),
		themes: jsonb('themes').$type<string[]>().notNull().default([]),
		regions: jsonb('regions').$type<string[]>().notNull().default([]),
		countries: jsonb('countries').$type<string[]>().notNull().default([]),
		/**
		 * the records of other modules the document comes from or serves, as platform links (ADR 0003):
		 * Atlas initiatives and their components (`atlas.initiative:<slug>`), strategies' actions
		 * (`strategy.action:<strategy slug>/<action id>`); checked on writing, read through the links'
		 * owners (never an import of their modules). Replaces the bare initiative slugs (migration 0068).
		 */
		links: jsonb('links').$type<string[]>().notNull().default([]),
		licence: text('licence'),
		file: jsonb('file').$type<StoredPdf | null>(),
		/** the file's key in the file store, repeated as text for the backup's check of stored files */
		fileKey: text('file_key'),
		externalUrl: text('external_url'),
		recommendations: jsonb('recommendations').$type<Recommendation[]>().notNull().default([]),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		/** titles, summaries and authors through search_normalise (accents, Arabic spelling variants) */
		searchText: text('search_text').notNull().default(''),
		/** the stems of the search text, for ranking and whole-word matches */
		searchStems: tsvector('search_stems').generatedAlwaysAs((): ReturnType<typeof sql> => bilingual(sql`search_text`)),
		/**
		 * the stems of every page of the PDF's text, each with the numbers of the pages holding it as its
		 * positions (at most 256): the document's text in one small vector whatever its length, kept by
		 * the database from `document_page` (migration 0065); the search index reads it (search-index.ts)
		 */
		textStems: tsvector('text_stems').notNull().default(sql`''::tsvector`),
		/** the PDF's text: none (no file), pending (waiting for the job queue), done, failed */
		textStatus: text('text_status').$type<TextStatus>().notNull().default('none'),
		textError: text('text_error'),
		/**
		 * how far the extraction of the current file went, page by page (a very large PDF is read in chunks,
		 * each written with its progress): pages done, out of the file's pages (null: not started for this file)
		 */
		textPagesDone: integer('text_pages_done').notNull().default(0),
		textPagesTotal: integer('text_pages_total'),
		/** the run extracting it now and when it last wrote (a run silent for ten minutes is taken over, from its last page) */
		textClaim: uuid('text_claim'),
		textClaimedAt: timestamp('text_claimed_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('document_year_idx').on(table.year),
		index('document_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
		index('document_search_stems_idx').using('gin', table.searchStems),
		index('document_text_stems_idx').using('gin', table.textStems),
		index('document_text_pending_idx').on(table.textStatus),
		// the backlinks of an initiative's or an action's page: `links ? <value>`
		index('document_links_idx').using('gin', table.links)
	]
);

/** Every published version of a document, whole, with who proposed it (history, moderation's diff). */
export const documentVersion = knowledgeTables.table(
	'document_version',
	{
		documentId: uuid('document_id')
			.notNull()
			.references((): AnyPgColumn => document.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.documentId, table.number] }), index('document_version_author_idx').on(table.authorUserId)]
);

/** The text of each page of a document's PDF, extracted in the background, searched in French and Arabic. */
export const documentPage = knowledgeTables.table(
	'document_page',
	{
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		page: integer('page').notNull(),
		text: text('text').notNull(),
		stems: tsvector('stems')
			.notNull()
			.generatedAlwaysAs((): ReturnType<typeof sql> => bilingual(sql`search_normalise(text)`))
	},
	(table) => [primaryKey({ columns: [table.documentId, table.page] }), index('document_page_stems_idx').using('gin', table.stems)]
);

export type TextStatus = 'none' | 'pending' | 'done' | 'failed';
export type DocumentRow = typeof document.$inferSelect;

/**
 * A library file nobody names (no document, published version or live proposal) and since when it was first
 * seen so by the daily sweep: it is removed once still unnamed after the grace period (refused-files.ts).
 */
export const orphanFile = knowledgeTables.table('orphan_file', {
	key: text('key').primaryKey(),
	seenAt: timestamp('seen_at', { withTimezone: true }).notNull()
});
