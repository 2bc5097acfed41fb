import type { Role } from '../accounts/accounts.table.ts';
import { atlasActions } from '../../modules/atlas/atlas.policy.ts';
import { jobsActions } from '../../modules/jobs/jobs.policy.ts';
import { supportActions } from '../../modules/jobs/support.policy.ts';
import { moderationActions } from '../../modules/atlas/moderation/moderation.policy.ts';
import { seekersActions } from '../../modules/jobs/seekers/seekers.policy.ts';
import { importActions } from '../../modules/atlas/import/import.policy.ts';
import { ratesActions } from '../../modules/atlas/rates/rates.policy.ts';
import { counsellorsActions } from '../../modules/jobs/counsellors/counsellors.policy.ts';
import { matchingActions } from '../../modules/jobs/matching/matching.policy.ts';
import { savedOffersActions } from '../../modules/jobs/saved-offers/saved-offers.policy.ts';

/**
 * The one place that answers "may this actor do this action (on this resource)?".
 * Every page, form action and API endpoint asks it: pages and endpoints through the
 * route table in `route-access.ts` (checked by the request hook), services through `can`.
 */
export interface Actor {
	userId: string;
	role: Role;
	organisationIds: readonly string[];
}

export const actions = {
	/** Read one's own account, sessions and API tokens; manage one's tokens. */
	'account.manage_own': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/** List people's accounts and change their roles. */
	'user.manage': ['administrator'],
	/** Browse the audit trail. */
	'audit.read': ['administrator'],
	/** Create organisations, edit any organisation, add or remove members. */
	'organisation.manage': ['moderator', 'administrator'],
	/** See the staff pages of the platform (administration home). */
	'admin.access': ['moderator', 'administrator'],
	// each module's own actions (`<module>.policy.ts`)
	...atlasActions,
	...jobsActions,
	...supportActions,
	...moderationActions,
	...seekersActions,
	...importActions,
	...ratesActions,
	...counsellorsActions,
	...matchingActions,
	...savedOffersActions
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof actions;

/** Resource-level rules: e.g. a partner may edit their own organisation's profile. */
export interface Resource {
	organisationId?: string | null;
	ownerUserId?: string | null;
}

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
	if (!actor) return false;
	if ((actions[action] as readonly Role[]).includes(actor.role)) return true;
	if (!resource) return false;
	// Owners may act on their own resources for the actions that make sense for them.
	if (action === 'account.manage_own') return resource.ownerUserId === actor.userId;
	return false;
}
