// The Knowledge module's events: a seminar, a workshop, SHARAKA's final event (issue #14, item 4).
import { boolean, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { knowledgeTables, type Source, type Translated } from '../knowledge.table.ts';
import type { EventStatus, ParticipantCategory } from './event.model.ts';

export const event = knowledgeTables.table(
	'event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		title: jsonb('title').$type<Translated>().notNull(),
		description: jsonb('description').$type<Translated>().notNull().default({}),
		/** instants; shown and entered in Africa/Casablanca */
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** where it takes place (free text: a building and its city) and/or the link of an online event */
		place: text('place'),
		onlineUrl: text('online_url'),
		/** platform organisations, by slug */
		organisers: jsonb('organisers').$type<string[]>().notNull().default([]),
		status: text('status').$type<EventStatus>().notNull().default('draft'),
		/** who the event is for (annex 3.2's categories) */
		participantCategories: jsonb('participant_categories').$type<ParticipantCategory[]>().notNull().default([]),
		/** the library's documents that came out of the event, by slug */
		documents: jsonb('documents').$type<string[]>().notNull().default([]),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('event_starts_at_idx').on(table.startsAt)]
);

export type EventRow = typeof event.$inferSelect;
