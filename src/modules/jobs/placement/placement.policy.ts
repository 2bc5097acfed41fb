import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * International placement actions (merged into policy.ts). The division's staff hold the grant
 * `jobs:placement_division` (manifest); administrators may act too. Reading published agreements is public.
 */
export const placementActions = {
	/** Create and edit partnership agreements, see drafts and unpublished ones. */
	'placement.agreement.manage': ['administrator']
} as const satisfies Record<string, readonly Role[]>;
