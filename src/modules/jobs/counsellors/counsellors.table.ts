// Tables of the counsellors' space: ANAPEC agencies (the teams of the caseload `jobs.agencies`), their
// counsellors and the seeker's agency. The follow-up itself (notes, appointments, referrals) is the
// platform's casework (src/platform/casework, ADR 0010).
import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
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
