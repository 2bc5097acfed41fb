// Tables of the jobs module.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, smallint, text, timestamp, uuid, pgSchema } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import type { cefrLevels } from '../../platform/i18n/spoken-languages.ts';
import { contractTypes, educationLevels, offerStatuses, placementChannels, salaryPeriods, workingTimes, type RequiredLanguageCode } from './job-offer.model.ts';

/** The jobs module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const jobsTables = pgSchema('jobs');

/** ISCO-08 groups (reference data from isco08/isco08.csv): 1 major, 2 sub-major, 3 minor, 4 unit group. */
export const occupation = jobsTables.table(
	'occupation',
	{
		/** text: leading zeros matter ("0110") */
		code: text('code').primaryKey(),
		level: smallint('level').notNull(),
		parentCode: text('parent_code'),
		titleEn: text('title_en').notNull(),
		/** ESCO's French title; null for 8181 */
		titleFr: text('title_fr'),
		/** our own Arabic title, or null */
		titleAr: text('title_ar'),
		/** true while the Arabic title is our translation, not the ILO's */
		arUnofficial: boolean('ar_unofficial').notNull().default(true)
	},
	(table) => [index('occupation_parent_idx').on(table.parentCode)]
);

/** Jobs-module facts about an organisation that posts offers (the organisation table is the platform's). */
export const jobEmployer = jobsTables.table('job_employer', {
	organisationId: uuid('organisation_id')
		.primaryKey()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	/** a fictional employer of the demo data, shown with a "sample" badge */
	isSample: boolean('is_sample').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export interface RequiredLanguage {
	language: RequiredLanguageCode;
	level: (typeof cefrLevels)[number];
}

export const jobOffer = jobsTables.table(
	'job_offer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull(),
		/** an ISCO-08 unit group (level 4) */
		occupationCode: text('occupation_code')
			.notNull()
			.references(() => occupation.code),
		skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
		/** ISO 3166-1 alpha-2 country of the job: MA, or the host country of an international placement offer (issue 10) */
		hostCountry: text('host_country').notNull().default('MA'),
		/** international placement: individual (qualified), mass or seasonal; null for offers in Morocco */
		channel: text('channel', { enum: placementChannels }),
		/** ISO 3166-2:MA region, e.g. MA-01; null for an offer abroad */
		regionCode: text('region_code'),
		/** ISO 3166-2:MA province or prefecture, e.g. MA-TNG */
		provinceCode: text('province_code'),
		city: text('city').notNull(),
		contractType: text('contract_type', { enum: contractTypes }).notNull(),
		workingTime: text('working_time', { enum: workingTimes }).notNull(),
		hoursPerWeek: smallint('hours_per_week'),
		salaryMin: integer('salary_min'),
		salaryMax: integer('salary_max'),
		salaryPeriod: text('salary_period', { enum: salaryPeriods }),
		/** ISO 4217: MAD in Morocco, the host country's currency abroad */
		salaryCurrency: text('salary_currency').notNull().default('MAD'),
		languages: jsonb('languages').$type<RequiredLanguage[]>().notNull().default([]),
		education: text('education', { enum: educationLevels }).notNull().default('none'),
		experienceYears: smallint('experience_years').notNull().default(0),
		positions: smallint('positions').notNull().default(1),
		status: text('status', { enum: offerStatuses }).notNull().default('draft'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** last day applications are taken (Morocco time); the offer expires the day after */
		closingDate: date('closing_date', { mode: 'string' }).notNull(),
		openToForeigners: boolean('open_to_foreigners').notNull().default(true),
		/** international placement: true when no recruitment fee or cost is charged to the worker (ethical recruitment, public badge); null in Morocco */
		noWorkerFees: boolean('no_worker_fees'),
		/** a counsellor's reason when sending a first offer back to its employer */
		returnReason: text('return_reason'),
		validatedAt: timestamp('validated_at', { withTimezone: true }),
		validatedBy: text('validated_by').references(() => user.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		isSample: boolean('is_sample').notNull().default(false),
		/** search_normalise(title, description, skills, occupation titles, employer, city): see the custom migration */
		searchText: text('search_text').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('job_offer_search_trgm_idx').using('gin', table.searchText.op('gin_trgm_ops')),
		index('job_offer_status_closing_idx').on(table.status, table.closingDate),
		index('job_offer_organisation_idx').on(table.organisationId),
		index('job_offer_occupation_idx').using('btree', table.occupationCode.op('text_pattern_ops')),
		index('job_offer_region_idx').on(table.regionCode),
		index('job_offer_province_idx').on(table.provinceCode),
		index('job_offer_published_idx').on(table.publishedAt),
		// the "abroad" filter: few rows, so the offers in Morocco never pay for it
		index('job_offer_abroad_idx')
			.on(table.hostCountry, table.channel)
			.where(sql`${table.hostCountry} <> 'MA'`),
		// matching a seeker's skills (jobs/matching; function in migration 0011)
		index('job_offer_match_skills_idx').using('gin', sql`matching_skill_keys(${table.skills})`)
	]
);

export type JobOfferRecord = typeof jobOffer.$inferSelect;
export type OccupationRecord = typeof occupation.$inferSelect;
