import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts). Resource-level rules live in
 * import.service.ts: a person sees and applies their own imports; moderators and administrators see all.
 * What an import makes follows `atlas.propose` / `atlas.moderate`: proposals from partners, published
 * initiatives from moderators.
 */
export const importActions = {
	/** Import IATI activity files and CSV/XLSX tables into the Atlas (partners and staff: the proposers). */
	'atlas.import': ['partner', 'moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
