// The Knowledge module's events: a seminar, a workshop, SHARAKA's final event (issue #14, item 4).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { knowledgeTables, type Source, type Translated } from '../knowledge.table.ts';
import type { EventStatus, ParticipantCategory, RegistrationStatus, SessionKind } from './event.model.ts';

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
		/** whether people may register on its page (until it starts) */
		registrationOpen: boolean('registration_open').notNull().default(false),
		/** places: confirmed registrations beyond it wait; null when the room has no limit */
		capacity: integer('capacity'),
		/** who the event is for (annex 3.2's categories) */
		participantCategories: jsonb('participant_categories').$type<ParticipantCategory[]>().notNull().default([]),
		/** the library's documents that came out of the event, by slug */
		documents: jsonb('documents').$type<string[]>().notNull().default([]),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		/** platform links to other modules' records (`talents.network:<slug>`): the event shows on their pages */
		links: jsonb('links').$type<string[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('event_starts_at_idx').on(table.startsAt)]
);

export type EventRow = typeof event.$inferSelect;

/**
 * A person registered for an event (signed in or not): confirmed within the capacity, else on the
 * waiting list in order of registration; cancelled by their personal link (then stripped of name and
 * e-mail). The code on the confirmation is what the organisers check at the door.
 */
export const eventRegistration = knowledgeTables.table(
	'event_registration',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		/** the account, when the person registered signed in */
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		/** null once cancelled or past the retention period: the counts stay, the person goes */
		name: text('name'),
		email: text('email'),
		organisationName: text('organisation_name'),
		category: text('category').$type<ParticipantCategory>().notNull(),
		/** the language of their e-mails */
		language: text('language').notNull(),
		status: text('status').$type<RegistrationStatus>().notNull(),
		checkInCode: text('check_in_code').notNull(),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
		checkedInBy: text('checked_in_by').references(() => user.id, { onDelete: 'set null' }),
		/** when the reminder of the day before went (once) */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		/** SHA-256 of the personal link's token (never the token) */
		tokenHash: text('token_hash'),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('event_registration_event_idx').on(table.eventId, table.status, table.createdAt),
		uniqueIndex('event_registration_code_idx').on(table.eventId, table.checkInCode),
		uniqueIndex('event_registration_token_idx').on(table.tokenHash),
		// one active registration per e-mail and event
		uniqueIndex('event_registration_email_idx').on(table.eventId, sql`lower(${table.email})`).where(sql`${table.status} <> 'cancelled'`),
		index('event_registration_user_idx').on(table.userId)
	]
);

export type EventRegistrationRow = typeof eventRegistration.$inferSelect;

/** One part of an event's programme: a plenary, a parallel session, a round table…, in a room, with its speakers. */
export const eventSession = knowledgeTables.table(
	'event_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		title: jsonb('title').$type<Translated>().notNull(),
		kind: text('kind').$type<SessionKind>().notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		room: text('room'),
		/** names as the organisers write them (with their function or organisation) */
		speakers: jsonb('speakers').$type<string[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('event_session_event_idx').on(table.eventId, table.startsAt)]
);

export type EventSessionRow = typeof eventSession.$inferSelect;
