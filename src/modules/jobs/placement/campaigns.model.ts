// Campaigns for mass and seasonal offers and the candidate pipeline (issue 10, items 3–4): the controlled
// lists and the rules of a stage move, as pure functions (the services apply them to sets of rows).
import type { PlacementChannel } from '../job-offer.model.ts';

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

/** A quota's progress: preselected (or further, still in) against its positions. */
export type Fill = 'under' | 'full' | 'over';
export const fillOf = (preselected: number, positions: number): Fill => (preselected > positions ? 'over' : preselected === positions ? 'full' : 'under');
