// Partners' shortlists (issue 10, item 5): what a foreign partner decides about a candidate it reviews,
// and the pseudonym it sees until the candidate shares their identity with it.
import { createHash } from 'node:crypto';
import type { PipelineStage } from './campaigns.model.ts';

/** A partner's decision on a candidate: kept on its shortlist, invited to a test or interview, or not selected. */
export const partnerOutcomes = ['shortlisted', 'interview', 'not_selected'] as const;
export type PartnerOutcome = (typeof partnerOutcomes)[number];

/** Outcomes that put a candidate still at the agency's preselection on the partner's shortlist (the pipeline stage). */
export const shortlistingOutcomes: readonly PartnerOutcome[] = ['shortlisted', 'interview'];

/** The stage from which partners review candidates (the agency's preselection). */
export const reviewFrom: PipelineStage = 'preselected';

/** The languages a partner may write its feedback in (ISO 639-1): the platform's three and the host countries' usual ones. */
export const feedbackLanguages = ['fr', 'ar', 'en', 'es', 'de', 'it', 'pt', 'nl', 'sv'] as const;
export type FeedbackLanguage = (typeof feedbackLanguages)[number];

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The name a partner sees for a candidate: six letters and digits drawn from the candidate and the partner
 * together, so two partners see two unrelated names and a pseudonym cannot be traced back without the key.
 */
export function pseudonymOf(candidateId: string, organisationId: string): string {
	const digest = createHash('sha256').update(`placement-shortlist:${candidateId}:${organisationId}`).digest();
	let name = '';
	for (let index = 0; index < 6; index++) name += ALPHABET[digest[index] % ALPHABET.length];
	return name;
}
