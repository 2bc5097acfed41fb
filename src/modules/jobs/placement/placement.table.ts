// International placement (issue 10): partnership agreements of ANAPEC's international placement division,
// their documents, and the terms of the offers abroad.
import { boolean, date, index, integer, jsonb, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { jobOffer, jobsTables } from '../job-offer.table.ts';
import {
	agreementKinds,
	agreementStatuses,
	documentKinds,
	handlingUnits,
	partnerSectors,
	type AgencyShare,
	type Costs,
	type YearlyQuota
} from './placement.model.ts';

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
		/** ISIC Rev.4 sections the agreement covers (agriculture A, health Q…) */
		economicSectors: text('economic_sectors').array().notNull().default([]),
		/** ISCO-08 codes of the occupations covered */
		occupationCodes: text('occupation_codes').array().notNull().default([]),
		quotas: jsonb('quotas').$type<YearlyQuota[]>().notNull().default([]),
		status: text('status', { enum: agreementStatuses }).notNull().default('draft'),
		/** the division decides what may be shown to everyone (some agreements are confidential) */
		published: boolean('published').notNull().default(false),
		/** whether the public list shows the yearly quotas (some partners ask to keep them internal) */
		quotasPublished: boolean('quotas_published').notNull().default(true),
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

/** A document of an agreement: the signed text, an annex, a memo — a checked PDF in the file store, or a link. */
export const placementAgreementDocument = jobsTables.table(
	'placement_agreement_document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		agreementId: uuid('agreement_id')
			.notNull()
			.references(() => placementAgreement.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: documentKinds }).notNull(),
		title: text('title').notNull(),
		/** a link's address (https) */
		url: text('url'),
		/** a file's key in the file store (under placement-agreements/), its name as uploaded and size */
		fileKey: text('file_key'),
		fileName: text('file_name'),
		bytes: integer('bytes'),
		/** shown on the public list when the agreement is published */
		public: boolean('public').notNull().default(false),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_agreement_document_agreement_idx').on(table.agreementId)]
);

/**
 * The terms of an international placement offer (one row per offer abroad; the offer itself is a
 * `job_offer` with a host country other than MA and a channel, so the public search finds it).
 */
export const placementOffer = jobsTables.table(
	'placement_offer',
	{
		offerId: uuid('offer_id')
			.primaryKey()
			.references(() => jobOffer.id, { onDelete: 'cascade' }),
		/** the partnership the offer comes through, when it does */
		agreementId: uuid('agreement_id').references(() => placementAgreement.id, { onDelete: 'set null' }),
		/** the language the offer's texts (title, description, housing, travel) are written in: fr, ar or en */
		lang: text('lang').notNull().default('fr'),
		/** the employer abroad, when the offer's organisation is a partner recruiting for it */
		employerAbroad: text('employer_abroad'),
		/** length of the contract in months (a seasonal contract: the season) */
		contractMonths: smallint('contract_months'),
		seasonStartsOn: date('season_starts_on', { mode: 'string' }),
		seasonEndsOn: date('season_ends_on', { mode: 'string' }),
		/** housing and travel conditions, in the offer's words */
		housing: text('housing'),
		travel: text('travel'),
		/** who pays what: recruitment, travel, visa, housing, training, medical → employer, worker, shared, public, none */
		costs: jsonb('costs').$type<Costs>().notNull().default({}),
		handlingUnit: text('handling_unit', { enum: handlingUnits }).notNull().default('division'),
		/** the mobility counsellor handling it (handling unit `counsellor`) */
		counsellorUserId: text('counsellor_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the local agencies' shares of the positions (handling unit `agencies`) */
		agencyShares: jsonb('agency_shares').$type<AgencyShare[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_offer_agreement_idx').on(table.agreementId)]
);

export type PlacementAgreementRecord = typeof placementAgreement.$inferSelect;
export type PlacementAgreementDocumentRecord = typeof placementAgreementDocument.$inferSelect;
export type PlacementOfferRecord = typeof placementOffer.$inferSelect;
