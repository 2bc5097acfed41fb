// Campaigns for mass and seasonal offers split into agency quotas, and the candidate pipeline (issue 10,
// items 3–4). A pipeline always belongs to a campaign: a qualified individual offer has a campaign without
// quotas (handled by the division or its mobility counsellor).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { placementChannels } from '../job-offer.model.ts';
import { jobOffer, jobsTables } from '../job-offer.table.ts';
import { campaignStatuses, declaredSexes, exitReasons, pipelineStages } from './campaigns.model.ts';
import { placementAgreement } from './placement.table.ts';

export const placementCampaign = jobsTables.table(
	'placement_campaign',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		/** language of the title (fr, ar, en) */
		lang: text('lang').notNull().default('fr'),
		/** ISO 3166-1 alpha-2 */
		hostCountry: text('host_country').notNull(),
		/** the host region or city ("Andalousie", "Huelva") */
		hostRegion: text('host_region').notNull(),
		channel: text('channel', { enum: placementChannels }).notNull(),
		offerId: uuid('offer_id').references(() => jobOffer.id, { onDelete: 'set null' }),
		agreementId: uuid('agreement_id').references(() => placementAgreement.id, { onDelete: 'set null' }),
		positions: integer('positions').notNull(),
		seasonStartsOn: date('season_starts_on', { mode: 'string' }),
		seasonEndsOn: date('season_ends_on', { mode: 'string' }),
		status: text('status', { enum: campaignStatuses }).notNull().default('open'),
		/** when it was last closed (null while open; a campaign closed before this column: its `updated_at`) */
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** when the retention job deleted its pipeline entries (their figures kept in `placement_statistics_archive`) */
		pipelineDeletedAt: timestamp('pipeline_deleted_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_campaign_offer_idx').on(table.offerId)]
);

/** The positions one local agency sources and preselects for a campaign. */
export const placementCampaignQuota = jobsTables.table(
	'placement_campaign_quota',
	{
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => placementCampaign.id, { onDelete: 'cascade' }),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agency.id, { onDelete: 'restrict' }),
		positions: integer('positions').notNull()
	},
	(table) => [primaryKey({ columns: [table.campaignId, table.agencyId] }), index('placement_campaign_quota_agency_idx').on(table.agencyId)]
);

/** A reallocation of positions between agencies (or from / to the unallocated rest): who, when, why. */
export const placementQuotaChange = jobsTables.table(
	'placement_quota_change',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => placementCampaign.id, { onDelete: 'cascade' }),
		/** null: the positions not given to any agency */
		fromAgencyId: uuid('from_agency_id').references(() => agency.id, { onDelete: 'restrict' }),
		toAgencyId: uuid('to_agency_id').references(() => agency.id, { onDelete: 'restrict' }),
		positions: integer('positions').notNull(),
		reason: text('reason').notNull(),
		/** a staff reference, kept as null when the account goes (the audit trail names the change) */
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('placement_quota_change_campaign_idx').on(table.campaignId, table.at)]
);

/** A person in a campaign's pipeline: their stage (or where they left it), the agency that sourced them. */
export const placementCandidate = jobsTables.table(
	'placement_candidate',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => placementCampaign.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** the local agency that sourced the person (null: the division or its counsellor) */
		agencyId: uuid('agency_id').references(() => agency.id, { onDelete: 'restrict' }),
		stage: text('stage', { enum: pipelineStages }).notNull().default('registered'),
		/** the date of the current stage's event (the interview's day, the visa's, the departure's…) */
		stageOn: date('stage_on', { mode: 'string' }),
		/** set when the person left the pipeline (at `stage`) */
		exitReason: text('exit_reason', { enum: exitReasons }),
		exitedAt: timestamp('exited_at', { withTimezone: true }),
		/** a seasonal worker back home: may be invited next season */
		eligibleNextSeason: boolean('eligible_next_season'),
		stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().defaultNow(),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		unique('placement_candidate_person_uq').on(table.campaignId, table.userId),
		// the board, the counts by stage and agency, the list filtered by stage (keyset on id)
		index('placement_candidate_stage_idx').on(table.campaignId, table.stage, table.agencyId, table.id),
		// the list filtered by agency (keyset on id)
		index('placement_candidate_agency_idx').on(table.campaignId, table.agencyId, table.id),
		// the same for the people still in (the views' default): counts, board and pages read the index alone
		index('placement_candidate_active_stage_idx').on(table.campaignId, table.stage, table.agencyId, table.id).where(sql`${table.exitReason} is null`),
		index('placement_candidate_active_agency_idx').on(table.campaignId, table.agencyId, table.id).where(sql`${table.exitReason} is null`),
		// a page of one stage across agencies, in id order
		index('placement_candidate_active_stage_id_idx').on(table.campaignId, table.stage, table.id).where(sql`${table.exitReason} is null`),
		index('placement_candidate_user_idx').on(table.userId)
	]
);

/**
 * Every move of a candidate: from, to (`exited` with a reason), the event's date, who, when, announced or not.
 * Append-only: a wrong move is corrected by a new row naming it (`corrects_move_id`, with the reason), which
 * takes the candidate back to where the wrong move found them.
 */
export const placementCandidateMove = jobsTables.table(
	'placement_candidate_move',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		candidateId: uuid('candidate_id')
			.notNull()
			.references(() => placementCandidate.id, { onDelete: 'cascade' }),
		fromStage: text('from_stage'),
		/** a stage, or `exited` */
		toStage: text('to_stage').notNull(),
		exitReason: text('exit_reason', { enum: exitReasons }),
		eventOn: date('event_on', { mode: 'string' }),
		announced: boolean('announced').notNull().default(false),
		/** the moves made together (a bulk move) share it; the audit event names it */
		batchId: uuid('batch_id').notNull(),
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		/** set on a correction: the move it undoes (each move is corrected at most once) */
		correctsMoveId: uuid('corrects_move_id').references((): AnyPgColumn => placementCandidateMove.id, { onDelete: 'cascade' }),
		/** why staff corrected a move (a correction only) */
		reason: text('reason')
	},
	(table) => [index('placement_candidate_move_candidate_idx').on(table.candidateId, table.at), unique('placement_candidate_move_corrects_uq').on(table.correctsMoveId)]
);

/** What a candidate says of themselves for the placement's statistics (optional, self-declared, changeable). */
export const placementProfile = jobsTables.table('placement_profile', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	sex: text('sex', { enum: declaredSexes }).notNull(),
	isSample: boolean('is_sample').notNull().default(false),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type PlacementCampaignRecord = typeof placementCampaign.$inferSelect;
export type PlacementCandidateRecord = typeof placementCandidate.$inferSelect;

/**
 * The statistics of pipeline entries the retention job deleted (a campaign closed long ago): counts of people
 * per kind of event and per breakdown key, as the public statistics count them — no person, no campaign row.
 */
export const placementStatisticsArchive = jobsTables.table('placement_statistics_archive', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** `candidate` (entered a pipeline), `departed`, `returned` */
	kind: text('kind').notNull(),
	country: text('country').notNull(),
	/** ISCO-08 major group of the offer, or `unknown` */
	sector: text('sector').notNull(),
	channel: text('channel').notNull(),
	/** the sourcing agency's id, or `division` */
	agency: text('agency').notNull(),
	/** the agency's region (ISO 3166-2), or `unknown` */
	region: text('region').notNull(),
	/** `female`, `male` or `unknown` */
	sex: text('sex').notNull(),
	year: text('year').notNull(),
	isSample: boolean('is_sample').notNull(),
	people: integer('people').notNull(),
	archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow()
});
