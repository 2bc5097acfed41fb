import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts).
 * A person only ever sees and changes their own saved offers (checked by the service).
 */
export const savedOffersActions = {
	/** Save job offers to one's own list, read it, remove them (job seekers). */
	'saved_offers.manage_own': ['member']
} as const satisfies Record<string, readonly Role[]>;
