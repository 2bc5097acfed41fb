// Pre-departure orientation sessions and circular migration (issue 10, items 7–8): sessions per agency and
// host country with registrations and attendance; returns of seasonal workers per season; invitations
// for the next season; the 3- and 12-month follow-ups of long-term departures.
import { boolean, date, index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobsTables } from '../job-offer.table.ts';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { earlyReasons, followUpOutcomes, invitationStatuses, registrationStatuses, returnOutcomes, sessionStatuses } from './departure.model.ts';

/** A pre-departure orientation session given by a local agency (or the division) for one host country. */
export const placementOrientationSession = jobsTables.table(
	'placement_orientation_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** null: the division's own session */
		agencyId: uuid('agency_id').references(() => agency.id, { onDelete: 'restrict' }),
		/** ISO 3166-1 alpha-2 */
		hostCountry: text('host_country').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(120),
		/** an address (null: online only) */
		place: text('place'),
		/** an https link (null: in person only) */
		onlineUrl: text('online_url'),
		capacity: integer('capacity').notNull(),
		language: text('language').notNull(),
		/** when full: a waiting list (true) or a refusal (false) */
		waitingList: boolean('waiting_list').notNull().default(true),
		status: text('status', { enum: sessionStatuses }).notNull().default('open'),
		isSample: boolean('is_sample').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_orientation_session_country_idx').on(table.hostCountry, table.startsAt), index('placement_orientation_session_agency_idx').on(table.agencyId, table.startsAt)]
);

/** A candidate's seat (or place on the waiting list) in a session, and whether they attended. */
export const placementOrientationRegistration = jobsTables.table(
	'placement_orientation_registration',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => placementOrientationSession.id, { onDelete: 'cascade' }),
		/** the pipeline entry (campaign × person) the registration serves */
		candidateId: uuid('candidate_id')
			.notNull()
			.references(() => placementCandidate.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		status: text('status', { enum: registrationStatuses }).notNull(),
		/** null: not recorded yet */
		attended: boolean('attended'),
		attendanceBy: text('attendance_by').references(() => user.id, { onDelete: 'set null' }),
		attendanceAt: timestamp('attendance_at', { withTimezone: true }),
		/** the person themselves, or the staff member who registered them */
		registeredBy: text('registered_by').references(() => user.id, { onDelete: 'set null' }),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		unique('placement_orientation_registration_uq').on(table.sessionId, table.userId),
		index('placement_orientation_registration_user_idx').on(table.userId),
		index('placement_orientation_registration_candidate_idx').on(table.candidateId)
	]
);

/** A seasonal worker's return from a season (one per pipeline entry) and the re-hire decision. */
export const placementReturn = jobsTables.table(
	'placement_return',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		candidateId: uuid('candidate_id')
			.notNull()
			.unique('placement_return_candidate_uq')
			.references(() => placementCandidate.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => placementCampaign.id, { onDelete: 'cascade' }),
		/** the year of the season */
		season: integer('season').notNull(),
		outcome: text('outcome', { enum: returnOutcomes }).notNull(),
		returnedOn: date('returned_on', { mode: 'string' }),
		earlyReason: text('early_reason', { enum: earlyReasons }),
		note: text('note'),
		/** re-hire eligibility decided by staff (null: not decided yet) */
		eligible: boolean('eligible'),
		eligibilityBy: text('eligibility_by').references(() => user.id, { onDelete: 'set null' }),
		eligibilityAt: timestamp('eligibility_at', { withTimezone: true }),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('placement_return_campaign_idx').on(table.campaignId), index('placement_return_user_idx').on(table.userId)]
);

/** An eligible returnee invited to a campaign of the next season, and their answer. */
export const placementInvitation = jobsTables.table(
	'placement_invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => placementCampaign.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** the season they came back from */
		fromCandidateId: uuid('from_candidate_id').references(() => placementCandidate.id, { onDelete: 'set null' }),
		/** the agency that sourced them last season (they come back through it) */
		agencyId: uuid('agency_id').references(() => agency.id, { onDelete: 'set null' }),
		status: text('status', { enum: invitationStatuses }).notNull().default('invited'),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [unique('placement_invitation_uq').on(table.campaignId, table.userId), index('placement_invitation_user_idx').on(table.userId)]
);

/** A follow-up of a long-term departure, 3 or 12 months after arrival: when it was due and what it found. */
export const placementFollowUp = jobsTables.table(
	'placement_follow_up',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		candidateId: uuid('candidate_id')
			.notNull()
			.references(() => placementCandidate.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		months: integer('months').notNull(),
		dueOn: date('due_on', { mode: 'string' }).notNull(),
		doneOn: date('done_on', { mode: 'string' }).notNull(),
		outcome: text('outcome', { enum: followUpOutcomes }).notNull(),
		note: text('note'),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [unique('placement_follow_up_uq').on(table.candidateId, table.months), index('placement_follow_up_user_idx').on(table.userId)]
);
