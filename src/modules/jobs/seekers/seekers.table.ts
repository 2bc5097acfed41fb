// Tables of job seekers and applications.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import type { CefrLevel } from '../../../platform/i18n/spoken-languages.ts';
import { jobsTables } from '../job-offer.table.ts';
import { applicationStatuses, availabilities, consentScopes, residenceStatuses } from './seekers.model.ts';

/** A language a person speaks; the level only for languages stated on the CEFR scale. */
export interface SeekerLanguage {
	language: string;
	level: CefrLevel | null;
}

/** A member's job-seeker profile: personal data of possibly vulnerable people, shown only to those the person allows. */
export const seekerProfile = jobsTables.table(
	'seeker_profile',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		phone: text('phone'),
		city: text('city'),
		/** ISO 3166-1 alpha-2 */
		nationality: text('nationality').notNull(),
		residenceStatus: text('residence_status', { enum: residenceStatuses }).notNull(),
		languages: jsonb('languages').$type<SeekerLanguage[]>().notNull().default([]),
		/** null: the person has not said */
		education: text('education'),
		educationDetails: text('education_details'),
		experienceYears: smallint('experience_years').notNull().default(0),
		experience: text('experience'),
		skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
		/** ISCO-08 unit groups sought */
		occupationCodes: text('occupation_codes').array().notNull().default(sql`'{}'::text[]`),
		/** ISO 3166-2:MA regions or provinces sought */
		placeCodes: text('place_codes').array().notNull().default(sql`'{}'::text[]`),
		availability: text('availability', { enum: availabilities }).notNull().default('immediately'),
		availableFrom: date('available_from', { mode: 'string' }),
		/** null: nobody but the person (consent not given or withdrawn) */
		consentScope: text('consent_scope', { enum: consentScopes }),
		consentAt: timestamp('consent_at', { withTimezone: true }),
		/** the stored CV's random file name under $DATA_DIR/uploads/cv (never the person's file name) */
		cvFile: text('cv_file'),
		cvSize: integer('cv_size'),
		cvUploadedAt: timestamp('cv_uploaded_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** for matching (jobs/matching): the ISCO groups sought at every level, e.g. {7112, 711, 71} (migration 0011) */
		matchOccupationGroups: text('match_occupation_groups')
			.array()
			.notNull()
			.generatedAlwaysAs(sql`matching_occupation_groups(occupation_codes)`),
		/** for matching: the skills normalised as comparison keys (migration 0011) */
		matchSkillKeys: text('match_skill_keys')
			.array()
			.notNull()
			.generatedAlwaysAs(sql`matching_skill_keys(skills)`)
	},
	(table) => [
		index('seeker_profile_consent_idx').on(table.consentScope),
		index('seeker_profile_match_groups_idx').using('gin', table.matchOccupationGroups),
		index('seeker_profile_match_skills_idx').using('gin', table.matchSkillKeys)
	]
);

/** Every consent choice, kept with its date (given, changed or withdrawn: scope null). */
export const seekerConsentEvent = jobsTables.table(
	'seeker_consent_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		scope: text('scope', { enum: consentScopes }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('seeker_consent_event_user_idx').on(table.userId, table.at)]
);

/**
 * An application to an offer. When its author deletes their account, the row stays (the employer's
 * history keeps its status and dates) but loses everything personal: user, message, shared profile.
 */
export const jobApplication = jobsTables.table(
	'job_application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		offerId: uuid('offer_id')
			.notNull()
			.references(() => jobOffer.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		message: text('message'),
		/** when the person agreed, on applying, that the offer's employer sees their profile and CV */
		sharedAt: timestamp('shared_at', { withTimezone: true }),
		status: text('status', { enum: applicationStatuses }).notNull().default('submitted'),
		statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
		/** the author deleted their account: nothing personal is left */
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('job_application_offer_user_idx').on(table.offerId, table.userId),
		index('job_application_user_idx').on(table.userId),
		index('job_application_offer_idx').on(table.offerId, table.createdAt)
	]
);

/** Each status an application went through, for the person's timeline. */
export const jobApplicationEvent = jobsTables.table(
	'job_application_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => jobApplication.id, { onDelete: 'cascade' }),
		status: text('status', { enum: applicationStatuses }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('job_application_event_application_idx').on(table.applicationId, table.at)]
);

export type SeekerProfileRecord = typeof seekerProfile.$inferSelect;
export type JobApplicationRecord = typeof jobApplication.$inferSelect;

/** The offer-search criteria a saved search keeps (those of `GET /api/v1/job-offers`, without paging). */
export interface SavedSearchQuery {
	q?: string;
	occupation?: string;
	region?: string;
	province?: string;
	contract?: string;
	language?: string;
	foreigners?: 'yes';
}

/** A person's saved offer search; with `alert`, a daily e-mail lists the offers published since the last one. */
export const jobSavedSearch = jobsTables.table(
	'job_saved_search',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		query: jsonb('query').$type<SavedSearchQuery>().notNull(),
		alert: boolean('alert').notNull().default(true),
		/** offers published after this instant go into the next digest */
		lastAlertAt: timestamp('last_alert_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('job_saved_search_user_idx').on(table.userId)]
);
export type SavedSearchRecord = typeof jobSavedSearch.$inferSelect;
