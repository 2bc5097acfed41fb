// Tables of the counsellors' space: ANAPEC agencies and their counsellors, the seeker's agency, and the
// follow-up of a person by their agency (private notes, appointments, referrals to support programmes).
import { boolean, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { jobsTables } from '../job-offer.table.ts';
import { agencyStatuses, appointmentModes, appointmentStatuses, referralSides, referralStatuses } from './counsellors.model.ts';

/** An ANAPEC agency. Address and contact stay empty until someone who knows them fills them in. */
export const agency = jobsTables.table('agency', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** stable reference-data key (the seeded agencies are found by it at every start) */
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	city: text('city').notNull(),
	/** ISO 3166-2:MA region (MA-01…MA-12) */
	regionCode: text('region_code').notNull(),
	/** ISO 3166-2:MA province or prefecture (MA-RAB…), when known */
	provinceCode: text('province_code'),
	address: text('address'),
	phone: text('phone'),
	email: text('email'),
	/** a closed agency takes no new seekers; its history stays */
	status: text('status', { enum: agencyStatuses }).notNull().default('open'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Which counsellors (users with role counsellor) work in which agency; one person may serve several. */
export const agencyCounsellor = jobsTables.table(
	'agency_counsellor',
	{
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.agencyId, table.userId] }), index('agency_counsellor_user_idx').on(table.userId)]
);

/** The agency a job seeker chose (at most one). */
export const seekerAgency = jobsTables.table(
	'seeker_agency',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('seeker_agency_agency_idx').on(table.agencyId)]
);

/**
 * A counsellor's private follow-up note about a person: seen by the counsellors of the agency it was
 * written in, never by employers or programmes; the person gets it in their data export (right of access).
 */
export const followUpNote = jobsTables.table(
	'follow_up_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seekerUserId: text('seeker_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the author's name when writing (kept if the account goes away) */
		authorLabel: text('author_label').notNull(),
		body: text('body').notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('follow_up_note_seeker_idx').on(table.seekerUserId, table.agencyId, table.createdAt)]
);

/** An appointment between a person and a counsellor of their agency. */
export const appointment = jobsTables.table(
	'appointment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seekerUserId: text('seeker_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		counsellorUserId: text('counsellor_user_id').references(() => user.id, { onDelete: 'set null' }),
		counsellorLabel: text('counsellor_label').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		mode: text('mode', { enum: appointmentModes }).notNull(),
		purpose: text('purpose').notNull(),
		status: text('status', { enum: appointmentStatuses }).notNull().default('planned'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('appointment_seeker_idx').on(table.seekerUserId, table.startsAt), index('appointment_agency_idx').on(table.agencyId, table.startsAt)]
);

/**
 * A counsellor refers a person to a support programme of the directory, with the person's agreement.
 * The programme's organisation sees the person's name and contact details, and the counsellor's message.
 */
export const referral = jobsTables.table(
	'referral',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seekerUserId: text('seeker_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => directoryEntry.id, { onDelete: 'restrict' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		counsellorUserId: text('counsellor_user_id').references(() => user.id, { onDelete: 'set null' }),
		counsellorLabel: text('counsellor_label').notNull(),
		message: text('message').notNull(),
		/** when the person agreed to be referred (the counsellor records it) */
		agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: referralStatuses }).notNull().default('sent'),
		statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('referral_seeker_idx').on(table.seekerUserId, table.createdAt),
		index('referral_programme_idx').on(table.programmeId, table.createdAt),
		index('referral_agency_idx').on(table.agencyId, table.createdAt)
	]
);

/** Each status a referral went through, and from which side (the agency's counsellor or the programme). */
export const referralEvent = jobsTables.table(
	'referral_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		referralId: uuid('referral_id')
			.notNull()
			.references(() => referral.id, { onDelete: 'cascade' }),
		status: text('status', { enum: referralStatuses }).notNull(),
		side: text('side', { enum: referralSides }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('referral_event_referral_idx').on(table.referralId, table.at)]
);

export type AgencyRecord = typeof agency.$inferSelect;
export type ReferralRecord = typeof referral.$inferSelect;
export type AppointmentRecord = typeof appointment.$inferSelect;
