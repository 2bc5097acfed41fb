import type { Role } from '../accounts/accounts.table.ts';
import { fromModules, mergeOwned } from '../kernel/modules.ts';

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

/** The platform's own actions; each module declares its own in its manifest. */
export const platformActions = {
	/** Read one's own account, sessions and API tokens; manage one's tokens. */
	'account.manage_own': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/** List people's accounts and change their roles. */
	'user.manage': ['administrator'],
	/** Browse the audit trail. */
	'audit.read': ['administrator'],
	/** Create organisations, edit any organisation, add or remove members. */
	'organisation.manage': ['moderator', 'administrator'],
	/** See the staff pages of the platform (administration home). */
	'admin.access': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;

/**
 * Modules add their action names to this interface (module augmentation in their manifest), so a
 * misspelt action is a type error everywhere while the platform still imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleActions {}

export type Action = keyof typeof platformActions | keyof ModuleActions;

/** Every action of the platform and the installed modules, with the roles granted each. */
export const actions = fromModules(
	(manifests) =>
		mergeOwned<readonly Role[]>('Action', [
			['the platform', platformActions],
			...manifests.map((manifest) => [`module ${manifest.slug}`, manifest.actions] as [string, Record<string, readonly Role[]> | undefined])
		]) as Record<Action, readonly Role[]>
);

/** Resource-level rules: e.g. a partner may edit their own organisation's profile. */
export interface Resource {
	organisationId?: string | null;
	ownerUserId?: string | null;
}

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
	if (!actor) return false;
	const granted = actions()[action];
	if (!granted) throw new Error(`Unknown action "${action}"`);
	if (granted.includes(actor.role)) return true;
	if (!resource) return false;
	// Owners may act on their own resources for the actions that make sense for them.
	if (action === 'account.manage_own') return resource.ownerUserId === actor.userId;
	return false;
}
