import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * International placement actions (merged into policy.ts). The division's staff hold the grant
 * `jobs:placement_division` (manifest); administrators may act too. Reading published agreements and
 * published offers abroad is public.
 */
export const placementActions = {
	/** Create and edit partnership agreements and their documents, see drafts and unpublished ones, the host-markets dashboard. */
	'placement.agreement.manage': ['administrator'],
	/** Create, edit, publish and close the international placement offers (offers abroad). */
	'placement.offer.manage': ['administrator']
} as const satisfies Record<string, readonly Role[]>;
