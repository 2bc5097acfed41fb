import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts).
 * Resource-level rules live in matching.service.ts: a partner sees the candidates of an offer only
 * as a member of the offer's employer organisation, and only people who consented to employers; a
 * counsellor sees those who consented to counsellors or employers. Recommended offers are part of the
 * seeker's own space ('seekers.profile.manage_own').
 */
export const matchingActions = {
	/** See the ranked candidates of an offer (employers: their own offers; counsellors: any offer). */
	'matching.candidates.read': ['partner', 'counsellor']
} as const satisfies Record<string, readonly Role[]>;
