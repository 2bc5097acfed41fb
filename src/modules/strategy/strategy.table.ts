// Tables of the Strategy module: strategies and their tree of domains, programmes, objectives and actions.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, primaryKey, text, timestamp, unique, uniqueIndex, uuid, pgSchema, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import type {
	ConcertationRole,
	ConcertationStatus,
	Disaggregation,
	ValuePart,
	IndicatorLevel,
	InitiativeLinkStatus,
	NodeKind,
	RecommendationHorizon,
	RecommendationKind,
	RecommendationStatus,
	NodeStatus,
	StrategyStatus,
	TagScheme,
	ValueEventKind,
	ValueStatus,
	VersionState
} from './strategy.model.ts';

/** The strategy module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const strategyTables = pgSchema('strategy');

/** A text in any of the three languages; the key is the language the text is written in. */
export type Translated = { fr?: string; ar?: string; en?: string };
/** Where a fact comes from (a seed document and its place, or a public text). */
export type Source = { citation: string; url?: string };

export const strategy = strategyTables.table(
	'strategy',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		title: jsonb('title').$type<Translated>().notNull(),
		summary: jsonb('summary').$type<Translated>().notNull().default({}),
		/** the country whose strategy it is (ISO 3166-1 alpha-2) */
		country: text('country').notNull(),
		ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		periodStart: integer('period_start'),
		periodEnd: integer('period_end'),
		status: text('status').$type<StrategyStatus>().notNull().default('draft'),
		published: boolean('published').notNull().default(false),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	}
);

export const node = strategyTables.table(
	'node',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategy.id, { onDelete: 'cascade' }),
		/** null: directly under the strategy (a domain) */
		parentId: uuid('parent_id').references((): AnyPgColumn => node.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<NodeKind>().notNull(),
		position: integer('position').notNull().default(0),
		title: jsonb('title').$type<Translated>().notNull(),
		description: jsonb('description').$type<Translated>().notNull().default({}),
		originalLanguage: text('original_language').notNull().default('fr'),
		leadOrganisationId: uuid('lead_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		periodStart: integer('period_start'),
		periodEnd: integer('period_end'),
		status: text('status').$type<NodeStatus>().notNull().default('planned'),
		/** a national action (all regions) rather than one in named regions */
		national: boolean('national').notNull().default(false),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('node_strategy_idx').on(table.strategyId, table.parentId, table.position), index('node_parent_idx').on(table.parentId)]
);

export const nodePartner = strategyTables.table(
	'node_partner',
	{
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.nodeId, table.organisationId] })]
);

/** The regions a node is carried out in (ISO 3166-2 codes of Morocco's 12 regions). */
export const nodeRegion = strategyTables.table(
	'node_region',
	{
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		region: text('region').notNull()
	},
	(table) => [primaryKey({ columns: [table.nodeId, table.region] }), index('node_region_region_idx').on(table.region)]
);

/** Global Compact for Migration objectives and Sustainable Development Goal targets a node serves. */
export const nodeTag = strategyTables.table(
	'node_tag',
	{
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		scheme: text('scheme').$type<TagScheme>().notNull(),
		code: text('code').notNull()
	},
	(table) => [primaryKey({ columns: [table.nodeId, table.scheme, table.code] })]
);

/**
 * An action's money for one year and one funding source: planned, committed and executed amounts in one
 * currency (ISO 4217). Executed above committed needs a note saying why (the service refuses it otherwise).
 */
export const budgetLine = strategyTables.table(
	'budget_line',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		fundingSource: text('funding_source').notNull(),
		currency: text('currency').notNull().default('MAD'),
		planned: numeric('planned', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
		committed: numeric('committed', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
		executed: numeric('executed', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
		note: text('note'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [unique('budget_line_node_year_source').on(table.nodeId, table.year, table.fundingSource), index('budget_line_node_idx').on(table.nodeId)]
);

/**
 * An indicator of a node's results: a code unique in its strategy, a definition in the three languages,
 * a unit, its level and breakdowns, and a baseline. Its targets are per year.
 */
export const indicator = strategyTables.table(
	'indicator',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategy.id, { onDelete: 'cascade' }),
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		definition: jsonb('definition').$type<Translated>().notNull(),
		unit: jsonb('unit').$type<Translated>().notNull(),
		level: text('level').$type<IndicatorLevel>().notNull(),
		disaggregations: jsonb('disaggregations').$type<Disaggregation[]>().notNull().default([]),
		baselineValue: numeric('baseline_value', { precision: 18, scale: 4, mode: 'number' }),
		baselineYear: integer('baseline_year'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [unique('indicator_strategy_code').on(table.strategyId, table.code), index('indicator_node_idx').on(table.nodeId)]
);

export const indicatorTarget = strategyTables.table(
	'indicator_target',
	{
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		value: numeric('value', { precision: 18, scale: 4, mode: 'number' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.indicatorId, table.year] })]
);

/**
 * An actual value of an indicator for a year, for a region or for the whole country (region ''), entered
 * by a reporter with a comment and its evidence (a link, and/or a document of the Knowledge library), then
 * approved or returned by the owner.
 */
export const indicatorValue = strategyTables.table(
	'indicator_value',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		/** an ISO 3166-2 region code, or '' for the national total */
		region: text('region').notNull().default(''),
		value: numeric('value', { precision: 18, scale: 4, mode: 'number' }).notNull(),
		/** the value broken down by sex, age group or nationality (each part of a dimension; their sum at most the value) */
		parts: jsonb('parts').$type<ValuePart[]>().notNull().default([]),
		comment: text('comment'),
		evidenceUrl: text('evidence_url'),
		/** a library document as evidence: `knowledge.document:<slug>` (read through the platform's links, ADR 0003) */
		evidenceDocument: text('evidence_document'),
		status: text('status').$type<ValueStatus>().notNull().default('submitted'),
		reporterId: text('reporter_id').references(() => user.id, { onDelete: 'set null' }),
		/** the owner's reason when the value was returned */
		returnReason: text('return_reason'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [unique('indicator_value_period_region').on(table.indicatorId, table.year, table.region), index('indicator_value_status_idx').on(table.status)]
);

/** A value's history: who submitted, corrected, returned (why) or approved it, and when. */
export const indicatorValueEvent = strategyTables.table(
	'indicator_value_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		valueId: uuid('value_id')
			.notNull()
			.references(() => indicatorValue.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<ValueEventKind>().notNull(),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		value: numeric('value', { precision: 18, scale: 4, mode: 'number' }),
		reason: text('reason'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('indicator_value_event_value_idx').on(table.valueId, table.at)]
);

/**
 * An initiative on the ground that contributes to an action: an Atlas initiative named by its link
 * (`atlas.initiative:<slug>`, ADR 0003: never an import of the Atlas module), proposed by a partner and
 * accepted or declined by the strategy's planners (a planner's own link is accepted at once).
 */
export const actionInitiative = strategyTables.table(
	'action_initiative',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' }),
		initiative: text('initiative').notNull(),
		status: text('status').$type<InitiativeLinkStatus>().notNull(),
		/** the proposer's words: how the initiative contributes, in the language of the page they wrote on */
		note: text('note'),
		noteLanguage: text('note_language'),
		proposedBy: text('proposed_by').references(() => user.id, { onDelete: 'set null' }),
		proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** why a planner declined, in the language of the page they wrote on */
		reason: text('reason'),
		reasonLanguage: text('reason_language'),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [unique('action_initiative_unique').on(table.nodeId, table.initiative), index('action_initiative_status_idx').on(table.status), index('action_initiative_initiative_idx').on(table.initiative)]
);

/**
 * A recommendation followed to completion (issue #13, item 6): from a study or a deliverable (the library's
 * document named by its link, `knowledge.document:<slug>`, ADR 0003; or a citation), with its horizon, the
 * body that owns it, a due year and its state; linked to the strategy actions that carry it out.
 */
export const recommendation = strategyTables.table(
	'recommendation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		text: jsonb('text').$type<Translated>().notNull(),
		originalLanguage: text('original_language').notNull().default('fr'),
		horizon: text('horizon').$type<RecommendationHorizon>().notNull(),
		ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		dueYear: integer('due_year'),
		status: text('status').$type<RecommendationStatus>().notNull().default('open'),
		/** the library's document it comes from (`knowledge.document:<slug>`), when the library has it */
		source: text('source'),
		/** where it comes from, in words (a seed, a report's page), when no document holds it or to say where in it */
		sourceCitation: text('source_citation'),
		/** a recommendation, or a decision a concertation body took */
		kind: text('kind').$type<RecommendationKind>().notNull().default('recommendation'),
		/** the concertation body it comes from (its decisions and recommendations) */
		concertationBodyId: uuid('concertation_body_id').references((): AnyPgColumn => concertationBody.id, { onDelete: 'restrict' }),
		/** the body's meeting it was taken at, when known (a meeting of the body's workspace) */
		meetingId: uuid('meeting_id').references(() => workspaceMeeting.id, { onDelete: 'set null' }),
		/** the day it is due, when a body set one (the due year is then that day's year) */
		dueOn: date('due_on', { mode: 'string' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('recommendation_status_idx').on(table.status, table.horizon),
		index('recommendation_source_idx').on(table.source),
		index('recommendation_body_idx').on(table.concertationBodyId),
		index('recommendation_meeting_idx').on(table.meetingId)
	]
);

/** The strategy actions that carry a recommendation out. */
export const recommendationAction = strategyTables.table(
	'recommendation_action',
	{
		recommendationId: uuid('recommendation_id')
			.notNull()
			.references(() => recommendation.id, { onDelete: 'cascade' }),
		nodeId: uuid('node_id')
			.notNull()
			.references(() => node.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.recommendationId, table.nodeId] }), index('recommendation_action_node_idx').on(table.nodeId)]
);

/** A recommendation's follow-up: each change of state, with the note that explains it, who and when. */
export const recommendationEvent = strategyTables.table(
	'recommendation_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		recommendationId: uuid('recommendation_id')
			.notNull()
			.references(() => recommendation.id, { onDelete: 'cascade' }),
		status: text('status').$type<RecommendationStatus>().notNull(),
		note: text('note'),
		noteLanguage: text('note_language'),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('recommendation_event_idx').on(table.recommendationId, table.at)]
);

/**
 * A regional concertation body (issue #13, item 5): a space where the region's actors follow the migration
 * component of the regional development plan (the Oriental's, on the model of Kayes in Mali), with its terms of
 * reference and member organisations; in Morocco or in a RECOSA partner country (Côte d'Ivoire, Mali, Senegal),
 * whose ministries run their own. Its meetings, announcements and contributions are the platform's
 * workspace `strategy.concertation.<slug>`; its decisions and recommendations are the tracker's.
 */
export const concertationBody = strategyTables.table(
	'concertation_body',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		/** the country it belongs to (ISO 3166-1 alpha-2, a strategy country: places.ts) */
		country: text('country').notNull(),
		/** a first-level division of that country (ISO 3166-2): one of Morocco's 12 regions, Senegal's 14… */
		region: text('region').notNull(),
		name: jsonb('name').$type<Translated>().notNull(),
		termsOfReference: jsonb('terms_of_reference').$type<Translated>().notNull().default({}),
		originalLanguage: text('original_language').notNull().default('fr'),
		establishedOn: date('established_on', { mode: 'string' }),
		status: text('status').$type<ConcertationStatus>().notNull().default('active'),
		/** the strategy or regional plan it follows, when it is in the module */
		strategyId: uuid('strategy_id').references(() => strategy.id, { onDelete: 'set null' }),
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('concertation_body_region_idx').on(table.region),
		index('concertation_body_country_idx').on(table.country, table.region),
		// the region is one of the country's (MA-02 in MA, SN-TH in SN): the service says it in words first
		check('concertation_body_region_of_country', sql`starts_with("region", "country" || '-')`)
	]
);

/** A body's member organisations, each with its role and the days it joined and left. */
export const concertationMember = strategyTables.table(
	'concertation_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => concertationBody.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		role: text('role').$type<ConcertationRole>().notNull().default('member'),
		since: date('since', { mode: 'string' }),
		until: date('until', { mode: 'string' })
	},
	(table) => [unique('concertation_member_unique').on(table.bodyId, table.organisationId), index('concertation_member_organisation_idx').on(table.organisationId)]
);

/**
 * A programme version (issue #13, item 2): a snapshot of a strategy's programme — its tree with the actions'
 * periods, places, lead and partner bodies, and the actions' budget lines — submitted by its planners, then
 * approved by its owner (numbered v1, v2… and immutable: a trigger refuses any change but forgetting who) or
 * returned with the reason, or withdrawn by the planners. One submission at a time waits for the owner.
 */
export const programmeVersion = strategyTables.table(
	'programme_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategy.id, { onDelete: 'cascade' }),
		/** every submission of the strategy, in order (1, 2, 3…) */
		seq: integer('seq').notNull(),
		/** the approved versions' number (v1, v2…); null until approved */
		number: integer('number'),
		state: text('state').$type<VersionState>().notNull().default('submitted'),
		/** the programme as it was submitted (ProgrammeSnapshot, checked by zod when read) */
		snapshot: jsonb('snapshot').notNull(),
		/** a digest of what the snapshot holds (not when it was taken): the draft changed since when it differs */
		fingerprint: text('fingerprint').notNull(),
		/** how many actions and budget lines it holds, and its totals per currency (the lists read these, not the snapshot) */
		actions: integer('actions').notNull().default(0),
		lines: integer('lines').notNull().default(0),
		totals: jsonb('totals').$type<{ currency: string; planned: number; committed: number; executed: number }[]>().notNull().default([]),
		/** the planners' note, in the language of the page they wrote it on */
		note: text('note'),
		noteLanguage: text('note_language'),
		submittedBy: text('submitted_by').references(() => user.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		/** who approved, returned or withdrew it, and when */
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** why the owner returned it, in the language of the page they wrote it on */
		reason: text('reason'),
		reasonLanguage: text('reason_language'),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [
		unique('programme_version_seq').on(table.strategyId, table.seq),
		unique('programme_version_number').on(table.strategyId, table.number),
		// one submission waiting for the owner per strategy
		uniqueIndex('programme_version_one_submitted').on(table.strategyId).where(sql`${table.state} = 'submitted'`),
		index('programme_version_submitted_by_idx').on(table.submittedBy),
		index('programme_version_decided_by_idx').on(table.decidedBy)
	]
);

export type IndicatorRow = typeof indicator.$inferSelect;
export type ProgrammeVersionRow = typeof programmeVersion.$inferSelect;
export type IndicatorValueRow = typeof indicatorValue.$inferSelect;
export type BudgetLineRow = typeof budgetLine.$inferSelect;
export type StrategyRow = typeof strategy.$inferSelect;
export type NodeRow = typeof node.$inferSelect;
export type ActionInitiativeRow = typeof actionInitiative.$inferSelect;
export type RecommendationRow = typeof recommendation.$inferSelect;
export type ConcertationBodyRow = typeof concertationBody.$inferSelect;
export type ConcertationMemberRow = typeof concertationMember.$inferSelect;
