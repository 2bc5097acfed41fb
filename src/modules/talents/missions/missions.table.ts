// Tables of the Talents module's missions (requests for expertise, issue #11 item 3): the published missions
// and their versions, their status history, each talent's standing in a mission (interest, shortlist, contact,
// selection), the messages through the platform, the mutual feedback, and the institutions' views of profiles.
// A mission is proposed and moderated through the platform's moderation tables (collection `talents.missions`).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../../platform/i18n/content-language.ts';
import { talentsTables, type TalentLanguage } from '../talents.table.ts';
import type { ContactStatus, MissionMode, MissionStatus } from '../talents.model.ts';

/** The short report that closes a mission, in the language it was written in. */
export interface MissionReport {
	language: string;
	results: string;
	deliverables: string | null;
	followUp: string | null;
}

/** A published request for expertise of an organisation based in Morocco. */
export const mission = talentsTables.table(
	'mission',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		/** the published version (each moderated change adds one) */
		version: integer('version').notNull().default(1),
		/** the organisation that asks, and manages the mission */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		title: jsonb('title').$type<LocalisedText>().notNull(),
		context: jsonb('context').$type<LocalisedText>().notNull(),
		/** ISO 3166-2:MA region where the mission serves */
		region: text('region').notNull(),
		sector: text('sector').notNull(),
		/** keys of the controlled list of skills */
		skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
		/** ISCO-08 unit group */
		occupationCode: text('occupation_code'),
		languages: jsonb('languages').$type<TalentLanguage[]>().notNull().default([]),
		mode: text('mode').$type<MissionMode>().notNull(),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		/** working days in Morocco (on-site and hybrid missions) */
		durationDays: smallint('duration_days'),
		/** hours a month from abroad (remote and hybrid missions) */
		remoteHoursPerMonth: smallint('remote_hours_per_month'),
		travelCovered: boolean('travel_covered').notNull().default(false),
		stayCovered: boolean('stay_covered').notNull().default(false),
		/** other conditions (fees, insurance…), in the organisation's words */
		conditions: jsonb('conditions').$type<LocalisedText>().notNull().default({}),
		/** the Atlas initiative the mission belongs to, as a platform link (`atlas.initiative:<slug>`) */
		initiative: text('initiative'),
		status: text('status').$type<MissionStatus>().notNull().default('open'),
		statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
		report: jsonb('report').$type<MissionReport>(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('mission_status_idx').on(table.status, table.createdAt),
		index('mission_organisation_idx').on(table.organisationId),
		index('mission_skills_idx').using('gin', table.skills),
		// the Atlas's region page: a region's completed missions, newest first
		index('mission_region_status_idx').on(table.region, table.status, table.statusAt)
	]
);
export type MissionRow = typeof mission.$inferSelect;

/** Each published version of a mission's description, with who proposed it (public content is versioned). */
export const missionVersion = talentsTables.table(
	'mission_version',
	{
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.missionId, table.number] })]
);

/** Every change of a mission's status: from, to, who and when (and why, for a cancellation). */
export const missionEvent = talentsTables.table(
	'mission_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status').$type<MissionStatus>(),
		toStatus: text('to_status').$type<MissionStatus>().notNull(),
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		note: text('note'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('mission_event_mission_idx').on(table.missionId, table.at)]
);

/**
 * A talent's standing in a mission: their interest (with a short note), the organisation's shortlist, the
 * contact asked through the platform and the talent's answer, the selection. One row per mission and talent,
 * made by whichever comes first.
 */
export const missionCandidate = talentsTables.table(
	'mission_candidate',
	{
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		talentUserId: text('talent_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		interested: boolean('interested').notNull().default(false),
		interestNote: text('interest_note'),
		interestAt: timestamp('interest_at', { withTimezone: true }),
		shortlisted: boolean('shortlisted').notNull().default(false),
		shortlistedAt: timestamp('shortlisted_at', { withTimezone: true }),
		contact: text('contact').$type<ContactStatus>(),
		contactAt: timestamp('contact_at', { withTimezone: true }),
		contactAnsweredAt: timestamp('contact_answered_at', { withTimezone: true }),
		selected: boolean('selected').notNull().default(false),
		selectedAt: timestamp('selected_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.missionId, table.talentUserId] }), index('mission_candidate_talent_idx').on(table.talentUserId)]
);

/** A message between the organisation and a talent about a mission, through the platform (e-mailed to the other side). */
export const missionMessage = talentsTables.table(
	'mission_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		/** the talent of the conversation (whoever writes) */
		talentUserId: text('talent_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		fromTalent: boolean('from_talent').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('mission_message_thread_idx').on(table.missionId, table.talentUserId, table.createdAt), index('mission_message_talent_idx').on(table.talentUserId)]
);

/** After a completed mission, each side's feedback on the other: the organisation on the talent, the talent on the mission. */
export const missionFeedback = talentsTables.table(
	'mission_feedback',
	{
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		talentUserId: text('talent_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		fromTalent: boolean('from_talent').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** 1 to 5 */
		rating: smallint('rating').notNull(),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.missionId, table.talentUserId, table.fromTalent] }), index('mission_feedback_talent_idx').on(table.talentUserId)]
);

/**
 * What the talent sees of institutions looking at their profile ("who looked at my profile"): by mission and
 * kind of view (in the ranking, or the details), how many times, first and last. Every single view is also
 * in the audit trail as a read of personal data, with the person who read.
 */
export const talentProfileView = talentsTables.table(
	'talent_profile_view',
	{
		talentUserId: text('talent_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		missionId: uuid('mission_id')
			.notNull()
			.references(() => mission.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<'ranking' | 'details'>().notNull(),
		views: integer('views').notNull().default(1),
		firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
		lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('talent_profile_view_idx').on(table.talentUserId, table.missionId, table.kind), index('talent_profile_view_mission_idx').on(table.missionId)]
);
