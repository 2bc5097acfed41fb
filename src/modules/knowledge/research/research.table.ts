// The Knowledge module's research mapping (issue #14, item 3): researchers who chose to appear, and the
// findings of the seeds' study of Moroccan research on migration (2010–2016).
import { boolean, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { knowledgeTables, type Translated } from '../knowledge.table.ts';
import type { FindingKind } from './research.model.ts';

/**
 * A researcher's own profile (one per account): shown in the directory and the mapping only while they
 * consent (`visible`); withdrawn at any time, deleted with the account.
 */
export const researcher = knowledgeTables.table(
	'researcher',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.unique()
			.references(() => user.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		/** their title or position, as they write it */
		position: text('position'),
		/** a platform organisation, by slug */
		institution: text('institution'),
		themes: jsonb('themes').$type<string[]>().notNull().default([]),
		regions: jsonb('regions').$type<string[]>().notNull().default([]),
		bio: jsonb('bio').$type<Translated>().notNull().default({}),
		website: text('website'),
		/** their works in the library, by slug */
		works: jsonb('works').$type<string[]>().notNull().default([]),
		visible: boolean('visible').notNull().default(false),
		/** when they last agreed to appear publicly (null: never) */
		consentAt: timestamp('consent_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('researcher_visible_idx').on(table.visible)]
);
export type ResearcherRow = typeof researcher.$inferSelect;

/** What a study of the research found and recommends, as the seeds report it (with the source). */
export const researchFinding = knowledgeTables.table(
	'research_finding',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the library document of the study, by slug */
		document: text('document').notNull(),
		position: integer('position').notNull(),
		kind: text('kind').$type<FindingKind>().notNull(),
		text: jsonb('text').$type<Translated>().notNull(),
		source: text('source').notNull()
	},
	(table) => [index('research_finding_document_idx').on(table.document, table.position)]
);
