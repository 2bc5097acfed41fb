// Tables of the Atlas module.
import { searchNormalised } from '../../platform/db/search.ts';
import { sql, type SQL } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	numeric,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn,
	pgSchema
} from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { deliverableStatuses, deliverableTypes, initiativeStatuses, organisationRoles, partOfRelations } from './atlas.model.ts';
import { datePrecisions } from './partial-dates.ts';

/** The atlas module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const atlasTables = pgSchema('atlas');

/**
 * A text in any of the three languages, and in the source's own language when it is another (an IATI
 * file in Spanish keeps its Spanish title under `es`: issue 17, rule 9); at least one is given (checked by
 * the service). Pages show it with `pickText`, marked with its language when it stands in.
 */
export type Translated = { fr?: string; ar?: string; en?: string; [otherLanguage: string]: string | undefined };

/** Who evaluated an initiative, when, and where the evaluation can be read. */
export type InitiativeEvaluation = { by?: string | null; date?: string | null; url?: string | null };

/** A sub-national place outside Morocco: its country (ISO 3166-1 alpha-2) and its name. */
export type ForeignPlace = { country: string; region: string };
export type CountryShare = { country: string; percentage: number };
export type RecipientRegion = { code: string; vocabulary: '1' | '2'; percentage?: number | null };

/** A point on the map. */
export type InitiativePoint = { lat: number; lon: number; label?: string };

/** The shared search normalisation (db/search.ts), for the stored search document and every query. */
export function normalisedSql(value: SQL | AnyPgColumn): SQL {
	return searchNormalised(value);
}
export const atlasRegion = atlasTables.table('atlas_region', {
	/** ISO 3166-2, MA-01 … MA-12 */
	iso: text('iso').primaryKey(),
	hcp: text('hcp').notNull(),
	nameFr: text('name_fr').notNull(),
	nameAr: text('name_ar').notNull(),
	nameEn: text('name_en').notNull(),
	population2024: integer('population_2024')
});

export const atlasProvince = atlasTables.table(
	'atlas_province',
	{
		/** ISO 3166-2, e.g. MA-TNG */
		iso: text('iso').primaryKey(),
		hcp: text('hcp').notNull(),
		regionIso: text('region_iso')
			.notNull()
			.references(() => atlasRegion.iso),
		type: text('type').notNull(),
		nameFr: text('name_fr').notNull(),
		nameAr: text('name_ar').notNull(),
		nameEn: text('name_en').notNull(),
		population2024: integer('population_2024')
	},
	(table) => [index('atlas_province_region_idx').on(table.regionIso)]
);

export const initiative = atlasTables.table(
	'initiative',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		title: jsonb('title').$type<Translated>().notNull(),
		summary: jsonb('summary').$type<Translated>().notNull().default({}),
		description: jsonb('description').$type<Translated>().notNull().default({}),
		status: text('status', { enum: initiativeStatuses }).notNull(),
		plannedStart: date('planned_start'),
		plannedEnd: date('planned_end'),
		actualStart: date('actual_start'),
		actualEnd: date('actual_end'),
		/**
		 * what each date says: a day, or only a month (issue #17 rule 18) — stored as its first day for a start,
		 * its last day for an end (partial-dates.ts), so that comparisons and sorting stay those of dates
		 */
		plannedStartPrecision: text('planned_start_precision', { enum: datePrecisions }).notNull().default('day'),
		plannedEndPrecision: text('planned_end_precision', { enum: datePrecisions }).notNull().default('day'),
		actualStartPrecision: text('actual_start_precision', { enum: datePrecisions }).notNull().default('day'),
		actualEndPrecision: text('actual_end_precision', { enum: datePrecisions }).notNull().default('day'),
		/** the first and last year the initiative is active (actual dates, else planned), for filters and stats */
		startYear: integer('start_year'),
		endYear: integer('end_year'),
		nationalScope: boolean('national_scope').notNull().default(false),
		/**
		 * the communes, by HCP code (src/platform/geo/communes.ts). An array rather than a join table: the list
		 * is reference data in code, like `countries`, with no table of its own to join; a GIN index serves
		 * the `commune` filter as it serves countries and themes
		 */
		communes: text('commune_codes').array().notNull().default(sql`'{}'::text[]`),
		/** places the commune list does not hold (a douar, a neighbourhood, a commune not found), as written */
		otherPlaces: text('other_places'),
		/** other countries involved, ISO 3166-1 alpha-2 */
		countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
		points: jsonb('points').$type<InitiativePoint[]>().notNull().default([]),
		/** partner regions abroad (e.g. the Région de Kayes, Mali): a country and the region's name */
		foreignPlaces: jsonb('foreign_places').$type<ForeignPlace[]>().notNull().default([]),
		/** per cent of the initiative in Morocco when the source says so (null: all of it); statistics count that share */
		moroccoShare: numeric('morocco_share', { precision: 5, scale: 2, mode: 'number' }),
		countryShares: jsonb('country_shares').$type<CountryShare[]>().notNull().default([]),
		/** supranational regions the source names (IATI Region codes) */
		recipientRegions: jsonb('recipient_regions').$type<RecipientRegion[]>().notNull().default([]),
		themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
		targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
		budgetTotal: numeric('budget_total', { precision: 16, scale: 2, mode: 'number' }),
		/** ISO 4217 */
		budgetCurrency: text('budget_currency'),
		/** totals converted with the exchange rate of the start year (recomputed when rates change) */
		budgetEur: numeric('budget_eur', { precision: 16, scale: 2, mode: 'number' }),
		budgetMad: numeric('budget_mad', { precision: 18, scale: 2, mode: 'number' }),
		/** the total as the source also gives it in another currency (issue #17 rule 5): kept as written, never counted */
		budgetSecondAmount: numeric('budget_second_amount', { precision: 16, scale: 2, mode: 'number' }),
		budgetSecondCurrency: text('budget_second_currency'),
		contact: text('contact'),
		website: text('website'),
		iatiIdentifier: text('iati_identifier'),
		/** the larger initiative this one is part of (a programme's component, a phase, a pilot) */
		parentId: uuid('parent_id').references((): AnyPgColumn => initiative.id, { onDelete: 'set null' }),
		parentRelation: text('parent_relation', { enum: partOfRelations }),
		/** what the initiative achieved and what it taught (the seeds' inventory was "recorded, analysed and presented") */
		results: jsonb('results').$type<Translated>().notNull().default({}),
		lessons: jsonb('lessons').$type<Translated>().notNull().default({}),
		evaluation: jsonb('evaluation').$type<InitiativeEvaluation>(),
		/** a moderator's mark: a good practice to redeploy (component 1 of SHARAKA), with the reason; not part of versions */
		goodPracticeReason: jsonb('good_practice_reason').$type<Translated>(),
		goodPracticeAt: timestamp('good_practice_at', { withTimezone: true }),
		goodPracticeBy: text('good_practice_by').references(() => user.id, { onDelete: 'set null' }),
		lastVerifiedOn: date('last_verified_on'),
		isSample: boolean('is_sample').notNull().default(false),
		/** the number of the current published version (initiative_version.number) */
		version: integer('version').notNull().default(1),
		/** titles, summaries, descriptions, organisations, communes… as written; searched through search_document */
		searchText: text('search_text').notNull().default(''),
		searchDocument: text('search_document')
			.notNull()
			.generatedAlwaysAs((): SQL => normalisedSql(sql`search_text`)),
		/** the titles alone, normalised: ranks initiatives whose title holds the words first (cheap, unlike word_similarity) */
		titleDocument: text('title_document')
			.notNull()
			.generatedAlwaysAs((): SQL =>
				normalisedSql(sql`coalesce(title->>'fr', '') || ' ' || coalesce(title->>'ar', '') || ' ' || coalesce(title->>'en', '')`)
			),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('initiative_slug_idx').on(table.slug),
		// one initiative per IATI activity, whatever the path that made it (issue 17, rule 13)
		uniqueIndex('initiative_iati_identifier_idx')
			.on(sql`upper(${table.iatiIdentifier})`)
			.where(sql`${table.iatiIdentifier} is not null`),
		index('initiative_search_trgm_idx').using('gin', sql`${table.searchDocument} gin_trgm_ops`),
		index('initiative_themes_idx').using('gin', table.themes),
		index('initiative_targets_idx').using('gin', table.targetGroups),
		index('initiative_countries_idx').using('gin', table.countries),
		index('initiative_communes_idx').using('gin', table.communes),
		index('initiative_status_idx').on(table.status),
		index('initiative_years_idx').on(table.startYear, table.endYear),
		index('initiative_budget_idx').on(table.budgetEur),
		index('initiative_sample_idx').on(table.isSample),
		index('initiative_parent_idx').on(table.parentId),
		index('initiative_good_practice_idx').on(table.goodPracticeAt),
		// Likely duplicates (atlas/duplicates): the nearest titles of each language by trigram distance (`<->`,
		// GiST: a bounded nearest-neighbour scan, where GIN's `%` rechecks every title sharing a common word).
		index('initiative_title_fr_gist_idx').using('gist', sql`search_normalise(${table.title}->>'fr') gist_trgm_ops`),
		index('initiative_title_ar_gist_idx').using('gist', sql`search_normalise(${table.title}->>'ar') gist_trgm_ops`),
		index('initiative_title_en_gist_idx').using('gist', sql`search_normalise(${table.title}->>'en') gist_trgm_ops`)
	]
);

export const initiativeRegion = atlasTables.table(
	'initiative_region',
	{
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		regionIso: text('region_iso')
			.notNull()
			.references(() => atlasRegion.iso)
	},
	(table) => [primaryKey({ columns: [table.initiativeId, table.regionIso] }), index('initiative_region_region_idx').on(table.regionIso)]
);

export const initiativeProvince = atlasTables.table(
	'initiative_province',
	{
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		provinceIso: text('province_iso')
			.notNull()
			.references(() => atlasProvince.iso)
	},
	(table) => [
		primaryKey({ columns: [table.initiativeId, table.provinceIso] }),
		index('initiative_province_province_idx').on(table.provinceIso)
	]
);

/** An organisation's role in an initiative; a funder may state its contribution. */
export const initiativeOrganisation = atlasTables.table(
	'initiative_organisation',
	{
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id),
		role: text('role', { enum: organisationRoles }).notNull(),
		amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }),
		/** ISO 4217 */
		currency: text('currency'),
		amountEur: numeric('amount_eur', { precision: 16, scale: 2, mode: 'number' }),
		/** the contribution as the source also gives it in another currency: kept as written, never counted */
		secondAmount: numeric('second_amount', { precision: 16, scale: 2, mode: 'number' }),
		secondCurrency: text('second_currency'),
		position: integer('position').notNull().default(0)
	},
	(table) => [
		primaryKey({ columns: [table.initiativeId, table.organisationId, table.role] }),
		index('initiative_organisation_org_idx').on(table.organisationId, table.role)
	]
);

/**
 * Amounts per year where the source gives them (issue #17 rule 5): a funder's yearly contribution, or the
 * initiative's own budget for a year (no organisation), each in its own currency. Shown and exported as
 * given (IATI: budgets per period, incoming funds per year); the statistics use the total budget (else the
 * funders' contributions), so these are not converted.
 */
export const initiativeYearlyAmount = atlasTables.table(
	'initiative_yearly_amount',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		/** the funder (one of the initiative's organisations); null: the initiative's own budget */
		organisationId: uuid('organisation_id').references(() => organisation.id),
		year: integer('year').notNull(),
		amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }).notNull(),
		/** ISO 4217 */
		currency: text('currency').notNull()
	},
	(table) => [
		index('initiative_yearly_amount_initiative_idx').on(table.initiativeId),
		index('initiative_yearly_amount_org_idx').on(table.organisationId)
	]
);

/** Yearly exchange rates: units of `currency` for one euro. Edited by moderators (atlas/rates). */
export const exchangeRate = atlasTables.table(
	'atlas_exchange_rate',
	{
		currency: text('currency').notNull(),
		year: integer('year').notNull(),
		perEur: numeric('per_eur', { precision: 14, scale: 6, mode: 'number' }).notNull(),
		note: text('note'),
		/** where the checked rate comes from (e.g. Bank Al-Maghrib, ECB reference rates) */
		source: text('source'),
		/** when a moderator checked the rate against its source; null: approximate, to be checked */
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.currency, table.year] })]
);

export const initiativeDeliverable = atlasTables.table(
	'initiative_deliverable',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		title: text('title').notNull(),
		url: text('url'),
		type: text('type', { enum: deliverableTypes }),
		status: text('status', { enum: deliverableStatuses }).notNull().default('published')
	},
	(table) => [index('initiative_deliverable_initiative_idx').on(table.initiativeId)]
);

export const initiativeSource = atlasTables.table(
	'initiative_source',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		citation: text('citation').notNull(),
		url: text('url'),
		publishedOn: date('published_on'),
		/** a day, or only the month the source is dated ("2021-04") */
		publishedPrecision: text('published_precision', { enum: datePrecisions }).notNull().default('day')
	},
	(table) => [index('initiative_source_initiative_idx').on(table.initiativeId)]
);

/** Every published version of an initiative, as a full JSON snapshot. */
export const initiativeVersion = atlasTables.table(
	'initiative_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('initiative_version_number_idx').on(table.initiativeId, table.number)]
);
