import type { Role } from '../../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const ratesActions = {
	/** Change, add and mark as checked the yearly exchange rates that convert budgets to EUR and MAD. */
	'atlas.rates.edit': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
