import { z } from 'zod';
import { placementChannels } from '../job-offer.model.ts';
import { HostCountry } from '../jobs.schemas.ts';
import { campaignStatuses, exitReasons, pipelineStages } from './campaigns.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === 'yes', z.boolean());

export const AgencyQuota = z.object({
	agencyId: uuid,
	positions: z.coerce.number().int().min(0).max(100000)
});

/** A campaign as the division creates it: the positions of one host region, split into agency quotas. */
export const CampaignInput = z
	.object({
		title: z.string().trim().min(3).max(200),
		lang: z.enum(['fr', 'ar', 'en']).default('fr').describe('the language of the title'),
		hostCountry: z.preprocess(blankToUndefined, HostCountry),
		hostRegion: z.string().trim().min(2).max(120).describe('the host region or city'),
		channel: z.enum(placementChannels),
		offerId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the offer abroad the campaign recruits for'),
		agreementId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the partnership agreement it comes through'),
		positions: z.coerce.number().int().min(1).max(100000),
		seasonStartsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		seasonEndsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		quotas: z.array(AgencyQuota).max(100).default([]).describe('the local agencies and the positions each sources and preselects')
	})
	.meta({ id: 'PlacementCampaignInput' });
export type CampaignInput = z.output<typeof CampaignInput>;

/** A campaign's changes after creation: its title (and its language), positions, offer abroad and agreement (quotas change through reallocations). */
export const CampaignEditInput = CampaignInput.pick({ title: true, lang: true, positions: true, offerId: true, agreementId: true }).meta({ id: 'PlacementCampaignEditInput' });
export type CampaignEditInput = z.output<typeof CampaignEditInput>;

/** Positions moved from one agency's quota (or the unallocated rest: null) to another's, with the reason. */
export const ReallocationInput = z
	.object({
		fromAgencyId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('null: the positions given to no agency'),
		toAgencyId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('null: back to the unallocated rest'),
		positions: z.coerce.number().int().min(1).max(100000),
		reason: z.string().trim().min(3).max(500)
	})
	.meta({ id: 'PlacementReallocationInput' });

export const CampaignStatusInput = z.object({ status: z.enum(campaignStatuses) });

/** People added to a campaign by the e-mail of their account (they sign up first), for an agency. */
export const AddCandidatesInput = z
	.object({
		agencyId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the agency sourcing them; null for the division'),
		emails: z.array(z.email().max(320)).min(1).max(500)
	})
	.meta({ id: 'PlacementAddCandidatesInput' });

export const moveTargets = [...pipelineStages, 'exited'] as const;
export type MoveTarget = (typeof moveTargets)[number];

/** A move of one or many candidates to a stage, or out of the pipeline with a reason. */
export const MoveInput = z
	.object({
		candidateIds: z.array(uuid).min(1).max(1000),
		to: z.enum(moveTargets),
		exitReason: z.preprocess(blankToNull, z.enum(exitReasons).nullable().default(null)).describe('required when `to` is `exited`'),
		eventOn: z.preprocess(blankToNull, day.nullable().default(null)).describe('the date of the event (required for an interview; else today)'),
		eligibleNextSeason: checkbox.default(true).describe('on a return: may be invited next season'),
		announce: checkbox.default(false).describe('e-mail each candidate the change, in their language')
	})
	.meta({ id: 'PlacementMoveInput' });
export type MoveInput = z.output<typeof MoveInput>;

export const candidateStatuses = ['active', 'exited', 'all'] as const;

/** The staff list's and board's filters; `after` is the last id of the page before (keyset). */
export const CandidateFilter = z.object({
	stage: z.preprocess(blankToUndefined, z.enum(pipelineStages).optional()),
	agency: z.preprocess(blankToUndefined, z.union([uuid, z.literal('none')]).optional()).describe('an agency id, or `none` (the division’s own)'),
	status: z.preprocess(blankToUndefined, z.enum(candidateStatuses).default('active')),
	q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe('words of the name or e-mail (Arabic folded and lightly stemmed)'),
	after: z.preprocess(blankToUndefined, uuid.optional()),
	limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50))
});
export type CandidateFilter = z.output<typeof CandidateFilter>;

// ---------- API shapes ----------

export const CampaignProgressRow = z.object({
	agencyId: z.string().nullable(),
	agencyName: z.string().nullable(),
	positions: z.number().nullable().describe('the quota (null for candidates of the division)'),
	sourced: z.number(),
	preselected: z.number().describe('still in, at the preselection or further'),
	selected: z.number(),
	departed: z.number(),
	exited: z.number(),
	fill: z.enum(['under', 'full', 'over']).nullable()
});

export const PlacementCampaign = z
	.object({
		id: z.string(),
		title: z.string(),
		lang: z.string(),
		hostCountry: z.string(),
		hostRegion: z.string(),
		channel: z.enum(placementChannels),
		offerId: z.string().nullable(),
		agreementId: z.string().nullable(),
		positions: z.number(),
		allocated: z.number().describe('the sum of the agencies’ quotas'),
		seasonStartsOn: z.string().nullable(),
		seasonEndsOn: z.string().nullable(),
		status: z.enum(campaignStatuses),
		isSample: z.boolean(),
		progress: z.array(CampaignProgressRow).optional()
	})
	.meta({ id: 'PlacementCampaign' });

export const PlacementCandidate = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.string(),
		agencyId: z.string().nullable(),
		stage: z.enum(pipelineStages),
		stageOn: z.string().nullable(),
		exitReason: z.enum(exitReasons).nullable(),
		eligibleNextSeason: z.boolean().nullable(),
		stageChangedAt: z.string()
	})
	.meta({ id: 'PlacementCandidate' });

export const MyOpportunity = z
	.object({
		id: z.string(),
		campaign: z.object({ id: z.string(), title: z.string(), lang: z.string(), hostCountry: z.string(), hostRegion: z.string(), channel: z.enum(placementChannels), seasonStartsOn: z.string().nullable(), seasonEndsOn: z.string().nullable() }),
		agency: z.string().nullable(),
		stage: z.enum(pipelineStages),
		stageOn: z.string().nullable(),
		exitReason: z.enum(exitReasons).nullable(),
		nextStage: z.enum(pipelineStages).nullable().describe('the next step (null when the path is over or left)'),
		eligibleNextSeason: z.boolean().nullable(),
		history: z.array(z.object({ toStage: z.string(), exitReason: z.string().nullable(), on: z.string().nullable(), at: z.string() }))
	})
	.meta({ id: 'PlacementOpportunity' });
