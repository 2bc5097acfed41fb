// Tables of the counsellors' space: ANAPEC agencies (the teams of the caseload `jobs.agencies`), their
// counsellors and the seeker's agency. The follow-up itself (notes, appointments, referrals) is the
// platform's casework (src/platform/casework, ADR 0010).
import { boolean, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { referralKinds, referralStatuses } from '../../../platform/casework/casework.model.ts';
import { jobsTables } from '../job-offer.table.ts';
import { agencyStatuses } from './counsellors.model.ts';

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

export type AgencyRecord = typeof agency.$inferSelect;


/**
 * An association (any partner organisation) refers a person it accompanies to an ANAPEC agency, with the
 * person's agreement: the other way of the counsellors' referrals to programmes, with the same statuses
 * (sent → accepted or declined → completed) and e-mails. The person chooses the agency in their follow-up
 * page to share their profile with it; until then the agency sees the name, contact and message.
 */
export const agencyReferral = jobsTables.table(
	'agency_referral',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personUserId: text('person_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		staffUserId: text('staff_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the sender's name when sending (kept if the account goes away) */
		staffLabel: text('staff_label').notNull(),
		kind: text('kind', { enum: referralKinds }).notNull(),
		message: text('message').notNull(),
		/** when the person agreed to be referred (the association's staff records it) */
		agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: referralStatuses }).notNull().default('sent'),
		statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('agency_referral_agency_idx').on(table.agencyId, table.createdAt),
		index('agency_referral_organisation_idx').on(table.organisationId, table.createdAt),
		index('agency_referral_person_idx').on(table.personUserId)
	]
);

/** Each status an agency referral went through, and from which side. */
export const agencyReferralEvent = jobsTables.table(
	'agency_referral_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		referralId: uuid('referral_id')
			.notNull()
			.references(() => agencyReferral.id, { onDelete: 'cascade' }),
		status: text('status', { enum: referralStatuses }).notNull(),
		side: text('side', { enum: ['association', 'agency'] }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('agency_referral_event_referral_idx').on(table.referralId, table.at)]
);
