// International placement (issue 10): partnership agreements of ANAPEC's international placement division.
import { boolean, date, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { jobsTables } from '../job-offer.table.ts';
import { agreementKinds, agreementStatuses, partnerSectors, type YearlyQuota } from './placement.model.ts';

/** A partnership with a partner abroad (public employment service, ministry, employer). */
export const placementAgreement = jobsTables.table(
	'placement_agreement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** stable key of the agreements taken from the seeds (found again at every start); null for the division's own */
		slug: text('slug').unique(),
		kind: text('kind', { enum: agreementKinds }).notNull().default('agreement'),
		/** the partner as an organisation of the directory, when it is one */
		organisationId: uuid('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		/** the partner's name as the agreement gives it (kept when the organisation is not in the directory) */
		partnerName: text('partner_name').notNull(),
		sector: text('sector', { enum: partnerSectors }).notNull(),
		/** ISO 3166-1 alpha-2 */
		hostCountry: text('host_country').notNull(),
		title: text('title').notNull(),
		/** language of title and summary (fr, ar, en) */
		lang: text('lang').notNull().default('fr'),
		summary: text('summary'),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		/** ISCO-08 codes of the occupations covered */
		occupationCodes: text('occupation_codes').array().notNull().default([]),
		quotas: jsonb('quotas').$type<YearlyQuota[]>().notNull().default([]),
		status: text('status', { enum: agreementStatuses }).notNull().default('draft'),
		/** the division decides what may be shown to everyone (some agreements are confidential) */
		published: boolean('published').notNull().default(false),
		/** where a real fact comes from (seed document and section); null for samples and the division's own entries */
		source: text('source'),
		/** a fictional agreement of the demo data, shown with a "sample" badge */
		isSample: boolean('is_sample').notNull().default(false),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_agreement_country_idx').on(table.hostCountry)]
);

export type PlacementAgreementRecord = typeof placementAgreement.$inferSelect;
