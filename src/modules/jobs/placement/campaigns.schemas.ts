import { z } from 'zod';
import { placementChannels } from '../job-offer.model.ts';
import { HostCountry } from '../jobs.schemas.ts';
import { campaignStatuses, declaredSexes, exitReasons, pipelineStages } from './campaigns.model.ts';

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

/** A wrong move corrected (the candidate's last move, within the window): why, for the history and the audit trail. */
export const CorrectionInput = z
	.object({
		reason: z.string().trim().min(3).max(500).describe('why the move was wrong (kept with the history)'),
		moveId: z.preprocess(blankToUndefined, uuid.optional()).describe('the move being corrected, as it was offered: when it is no longer the last, 409 `correction_stale`')
	});
/** Through the API the move corrected is always named, so a correction made on stale data is refused (409), never applied to a later move. */
export const CorrectionApiInput = z
	.object({
		moveId: uuid.describe('the move being corrected: `correction.moveId` of `GET …/candidates/{candidateId}` (409 `correction_stale` once another move or correction came after it)'),
		reason: CorrectionInput.shape.reason
	})
	.meta({ id: 'PlacementCorrectionInput' });

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

/** What correcting a candidate's last move would do now (null: nothing may be corrected by the caller). */
export const PlacementCorrectionOffer = z
	.object({
		moveId: z.string().describe('the move it corrects: send it back as `moveId`'),
		kind: z.enum(['back', 'undo_exit']).describe('`back`: to the stage the move came from; `undo_exit`: the exit undone, the candidate back at the stage they left at'),
		stage: z.enum(pipelineStages).describe('the stage the candidate will be at'),
		withdraws: z.enum(['return', 'follow_up_3', 'follow_up_12']).nullable().describe('the recorded return or follow-up the correction withdraws (deleted, its figures kept in the audit trail)'),
		until: z.string().describe('the end of the correction window (ISO 8601)')
	})
	.meta({ id: 'PlacementCorrectionOffer' });

/** One candidate with every move of their path (corrections marked) and the correction offered to the caller. */
export const PlacementCandidateDetail = PlacementCandidate.extend({
	history: z.array(
		z.object({
			id: z.string(),
			fromStage: z.enum(moveTargets).nullable().describe('null: the registration; `exited` on an undone exit'),
			toStage: z.enum(moveTargets),
			exitReason: z.enum(exitReasons).nullable(),
			eventOn: z.string().nullable(),
			announced: z.boolean(),
			by: z.string().nullable(),
			at: z.string(),
			correctsMoveId: z.string().nullable().describe('set on a correction: the move it undid'),
			reason: z.string().nullable().describe('a correction’s reason')
		})
	),
	correction: PlacementCorrectionOffer.nullable()
}).meta({ id: 'PlacementCandidateDetail' });

export const PlacementCorrectionResult = z
	.object({
		kind: z.enum(['back', 'undo_exit']),
		stage: z.enum(pipelineStages).describe('the candidate’s stage now'),
		withdrew: z.enum(['return', 'follow_up_3', 'follow_up_12']).nullable().describe('the record withdrawn with the move'),
		told: z.boolean().describe('the candidate was e-mailed the correction (the wrong move had been announced to them)')
	})
	.meta({ id: 'PlacementCorrectionResult' });

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
		history: z.array(
			z.object({
				toStage: z.string(),
				exitReason: z.string().nullable(),
				on: z.string().nullable(),
				at: z.string(),
				correction: z.boolean().describe('a wrong move corrected by staff: `toStage` is the stage it took the person back to')
			})
		)
	})
	.meta({ id: 'PlacementOpportunity' });

/** The candidate's own declaration for the statistics by sex: a sex, or none (not stated: withdraws an earlier answer). */
export const PlacementProfileInput = z
	.object({
		sex: z.preprocess(blankToUndefined, z.enum(declaredSexes).nullable()).describe('`female`, `male` or `prefer_not_to_say`; null: not stated (an earlier answer is withdrawn)')
	})
	.meta({ id: 'PlacementProfileInput' });
export const PlacementProfile = z
	.object({ sex: z.enum(declaredSexes).nullable().describe('null: not stated'), updatedAt: z.string().nullable() })
	.meta({ id: 'PlacementProfile' });
