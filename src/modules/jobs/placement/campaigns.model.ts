// Campaigns for mass and seasonal offers and the candidate pipeline (issue 10, items 3–4): the controlled
// lists and the rules of a stage move, as pure functions (the services apply them to sets of rows).
import type { OfferStatus, PlacementChannel } from '../job-offer.model.ts';

/** open: agencies source and preselect, staff move candidates; closed: read only (history kept). */
export const campaignStatuses = ['open', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/**
 * The stages of a candidate, in order. Every stage is a step that must be taken, except the test or
 * interview (some seasonal recruitments select on the partner's shortlist alone). A seasonal campaign
 * ends with the return (and the eligibility for the next season); any other with the follow-ups at 3 and
 * 12 months after arrival.
 */
export const pipelineStages = [
	'registered',
	'preselected',
	'shortlisted',
	'interview',
	'selected',
	'contract_signed',
	'visa_requested',
	'visa_granted',
	'orientation',
	'departed',
	'arrived',
	'returned',
	'follow_up_3',
	'follow_up_12'
] as const;
export type PipelineStage = (typeof pipelineStages)[number];

/** Steps a move may go past (all others are mandatory). */
export const optionalStages: readonly PipelineStage[] = ['interview'];
/** Stages whose date is asked for when moving there (the interview's date may be ahead). */
export const datedStages: readonly PipelineStage[] = ['interview', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived', 'returned', 'follow_up_3', 'follow_up_12'];

/**
 * A candidate's sex as they declare it on their placement page (optional: no row is "not stated"); only
 * the statistics by sex read it, with "prefer not to say" and "not stated" counted together.
 */
export const declaredSexes = ['female', 'male', 'prefer_not_to_say'] as const;
export type DeclaredSex = (typeof declaredSexes)[number];

/** Why a candidate leaves the pipeline (at any stage). */
export const exitReasons = [
	'withdrew',
	'not_reachable',
	'not_eligible',
	'not_shortlisted',
	'interview_failed',
	'not_selected',
	'documents_missing',
	'visa_refused',
	'medical_unfit',
	'did_not_depart',
	'returned_early',
	'other'
] as const;
export type ExitReason = (typeof exitReasons)[number];

/** The stages local agency staff may move their own agency's candidates to (sourcing and preselection). */
export const agencyStages: readonly PipelineStage[] = ['preselected'];
/** The stages at which agency staff may still take a candidate out (before the partner's shortlist). */
export const agencyExitStages: readonly PipelineStage[] = ['registered', 'preselected'];

/** A campaign's track: seasonal workers come back (circular migration), others are followed after arrival. */
export type Track = 'seasonal' | 'long_term';
export const trackOf = (channel: PlacementChannel): Track => (channel === 'seasonal' ? 'seasonal' : 'long_term');

/** The stages of a track, in order. */
export function stagesOf(track: Track): PipelineStage[] {
	return pipelineStages.filter((stage) => (track === 'seasonal' ? !stage.startsWith('follow_up') : stage !== 'returned'));
}

export const stageIndex = (stage: PipelineStage) => pipelineStages.indexOf(stage);

/**
 * Why a move from `from` to `to` is refused, or null when it is allowed: forward only, within the track,
 * never past a mandatory step.
 */
export function moveProblem(from: PipelineStage, to: PipelineStage, track: Track): 'stage_same' | 'stage_backwards' | 'stage_not_in_track' | 'stage_skipped' | null {
	const stages = stagesOf(track);
	if (!stages.includes(to)) return 'stage_not_in_track';
	if (from === to) return 'stage_same';
	const a = stages.indexOf(from);
	const b = stages.indexOf(to);
	if (b < a) return 'stage_backwards';
	for (const between of stages.slice(a + 1, b)) if (!optionalStages.includes(between)) return 'stage_skipped';
	return null;
}

/** The mandatory step a candidate at `from` takes next (null at the end of the track). */
export function nextStage(from: PipelineStage, track: Track): PipelineStage | null {
	const stages = stagesOf(track);
	return stages[stages.indexOf(from) + 1] ?? null;
}

/** The stages from which `to` may be reached in one move (to refuse a bulk move in one query). */
export function stagesBefore(to: PipelineStage, track: Track): PipelineStage[] {
	return stagesOf(track).filter((from) => moveProblem(from, to, track) === null);
}

/** Why a qualified individual offer's pipeline cannot be opened from its page. */
export const pipelineBlocks = ['offer_not_individual', 'offer_not_open', 'offer_has_campaign'] as const;
export type PipelineBlock = (typeof pipelineBlocks)[number];

/**
 * Whether an offer abroad's pipeline — a campaign without quotas — may be opened from the offer's page (null) or
 * why not: only a qualified individual offer (mass and seasonal ones are split into agency quotas on the campaign
 * form), published and not past its closing date (its status now), and only once.
 */
export function pipelineBlock(offer: { channel: PlacementChannel | null; status: OfferStatus }, campaigns: number): PipelineBlock | null {
	if (offer.channel !== 'individual') return 'offer_not_individual';
	if (offer.status !== 'published') return 'offer_not_open';
	if (campaigns > 0) return 'offer_has_campaign';
	return null;
}

/** A quota's progress: preselected (or further, still in) against its positions. */
export type Fill = 'under' | 'full' | 'over';
export const fillOf = (preselected: number, positions: number): Fill => (preselected > positions ? 'over' : preselected === positions ? 'full' : 'under');

/**
 * How long a move may be corrected (moved back, or an exit undone): one week, weekends and holidays
 * included, is enough to notice a wrong row or a wrong click; later, the candidate, the partner and the
 * agencies have acted on the stage, and a real change of situation is a new move or an exit.
 */
export const CORRECTION_WINDOW_DAYS = 7;
/** The record of its own a stage may stand on (a return, a 3- or 12-month follow-up), withdrawn when the move there is corrected. */
export type CorrectionRecord = 'return' | 'follow_up_3' | 'follow_up_12';

/**
 * What correcting a candidate's last move does: back to the stage it came from (withdrawing the return or
 * follow-up recorded with it, if any), or the exit undone.
 */
export type Correction = { kind: 'back'; to: PipelineStage; withdraws?: CorrectionRecord } | { kind: 'undo_exit'; stage: PipelineStage };
export type CorrectionProblem = 'correction_none' | 'correction_window' | 'correction_recorded' | 'correction_division';

/**
 * Whether a candidate's last move (the latest that is neither a correction nor corrected) may be corrected
 * now, and how: never the registration, only within the window, not a stage something else stands on
 * (`recorded`: a return that next season's invitation relies on, an arrival with "did not return" recorded);
 * agency staff only what they may do themselves (a preselection, an exit before the partner's shortlist, a
 * return or follow-up they record — `record`, the record the move came with, withdrawn by the correction).
 */
export function correctionOf(
	last: { fromStage: string | null; toStage: string; at: Date } | null,
	candidate: { stage: PipelineStage; exitReason: string | null },
	now: Date,
	{ agencyStaff, recorded, record = null }: { agencyStaff: boolean; recorded: boolean; record?: CorrectionRecord | null }
): Correction | CorrectionProblem {
	if (!last || last.fromStage === null) return 'correction_none';
	const exit = last.toStage === 'exited';
	// the candidate stands where that move put them (anything else: a later change came another way)
	if (exit ? candidate.exitReason === null : candidate.exitReason !== null || candidate.stage !== last.toStage) return 'correction_none';
	if (now.getTime() - last.at.getTime() > CORRECTION_WINDOW_DAYS * 86_400_000) return 'correction_window';
	if (!exit && recorded) return 'correction_recorded';
	const withRecord = !exit && record !== null;
	if (agencyStaff && (exit ? !agencyExitStages.includes(candidate.stage) : !agencyStages.includes(last.toStage as PipelineStage) && !withRecord)) return 'correction_division';
	if (exit) return { kind: 'undo_exit', stage: candidate.stage };
	return withRecord ? { kind: 'back', to: last.fromStage as PipelineStage, withdraws: record } : { kind: 'back', to: last.fromStage as PipelineStage };
}

/**
 * Retention of a campaign's pipeline: its entries (people, stages, history, returns, follow-ups, partners'
 * decisions, orientation registrations, next-season invitations) are deleted 24 months after the campaign
 * closed, their figures kept as aggregate counts for the statistics. Why 24: a seasonal worker is invited
 * back from the last two seasons' returnees, a long-term departure's last follow-up is 12 months after
 * arrival, and disputes about a recruitment are raised within a year or two; past that, nothing needs to
 * know who was in the campaign.
 */
export const PIPELINE_RETENTION_MONTHS = 24;
