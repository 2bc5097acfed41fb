// Versioned content pages (ADR 0008): short, sourced, reviewed pages that editors revise in three
// languages and that readers trust because every version stays readable. One pair of tables serves
// every module; a module's pages form a collection (`jobs.rights`, later Return's guides…).
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../accounts/accounts.table.ts';

/** A text in the platform's languages; a language may be missing (the page then says so). */
export type LocalisedText = { fr?: string; ar?: string; en?: string };
/** A list (e.g. practical steps) per language. */
export type LocalisedList = { fr?: string[]; ar?: string[]; en?: string[] };
/** Where the information comes from: an institution's name, its site when known. */
export type ContentSource = { name: string; url?: string };

/** One page of a collection: its address, topic and place in the list. Its content lives in versions. */
export const contentPage = pgTable(
	'content_page',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the collection's key, `<module>.<name>` (e.g. jobs.rights) */
		collection: text('collection').notNull(),
		slug: text('slug').notNull(),
		/** one of the collection's topics */
		topic: text('topic').notNull(),
		/** order within the topic */
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('content_page_collection_slug_idx').on(table.collection, table.slug)]
);

/** Every save of a page is a new version, never changed afterwards. The highest number is current. */
export const contentPageVersion = pgTable(
	'content_page_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		pageId: uuid('page_id')
			.notNull()
			.references(() => contentPage.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		title: jsonb('title').$type<LocalisedText>().notNull(),
		summary: jsonb('summary').$type<LocalisedText>().notNull(),
		body: jsonb('body').$type<LocalisedText>().notNull(),
		steps: jsonb('steps').$type<LocalisedList>().notNull(),
		sources: jsonb('sources').$type<ContentSource[]>().notNull(),
		/** the day the content was last checked against its sources */
		reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the author's name at the time (kept if the account goes away) */
		authorLabel: text('author_label').notNull(),
		comment: text('comment').notNull(),
		/** a sample standing in for a real page (demo data, badged); an editor's save is never one */
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('content_page_version_page_version_idx').on(table.pageId, table.version)]
);

export type ContentPageRow = typeof contentPage.$inferSelect;
export type ContentVersionRow = typeof contentPageVersion.$inferSelect;
