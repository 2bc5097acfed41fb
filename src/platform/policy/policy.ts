import type { Role } from '../accounts/accounts.model.ts';
import { fromModules, mergeOwned } from '../kernel/modules.ts';
import type { ModuleManifest } from '../kernel/manifest.ts';

/**
 * The one place that answers "may this actor do this action (on this resource)?".
 * Every page, form action and API endpoint asks it: pages and endpoints through the
 * route table in `route-access.ts` (checked by the request hook), services through `can`.
 */
export interface Actor {
	userId: string;
	/** the platform role: what the person may do by default (each action's default roles) */
	role: Role;
	organisationIds: readonly string[];
	/** roles held in single modules, possibly limited to an organisation or a scope (access_grant) */
	grants?: readonly Grant[];
}

/** A role held in one module (a module's `grantRoles`), limited or not. */
export interface Grant {
	module: string;
	role: string;
	/** only for this organisation's resources */
	organisationId: string | null;
	/** only for resources of this scope value (an agency, a network, a region…) */
	scope: string | null;
}

/** The platform's own actions; each module declares its own in its manifest. */
export const platformActions = {
	/** Read one's own account, sessions and API tokens; manage one's tokens. */
	'account.manage_own': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/** List people's accounts and change their roles. */
	'user.manage': ['administrator'],
	/** Browse the audit trail. */
	'audit.read': ['administrator'],
	/** Set the publisher's details (legal notice, accessibility statement) and read the contact messages. */
	'site.manage': ['administrator'],
	/** See the background work (e-mails, scheduled jobs) and run failed jobs again. */
	'queue.manage': ['administrator'],
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

/** The roles each module can grant (`module:role` → its actions and what it may be limited to). */
export const grantRoles = fromModules((manifests) => {
	const known = actions();
	const byKey: Record<
		string,
		{
			module: string;
			role: string;
			actions: readonly Action[];
			limit: 'none' | 'organisation' | 'scope';
			titleKey: string;
			delegable: boolean;
			scopes: NonNullable<NonNullable<ModuleManifest['grantRoles']>[string]['scopes']> | null;
		}
	> = {};
	for (const manifest of manifests) {
		for (const [role, definition] of Object.entries(manifest.grantRoles ?? {})) {
			for (const action of definition.actions) {
				if (!(action in known)) throw new Error(`Grant role ${manifest.slug}:${role} names the unknown action "${action}"`);
			}
			if (definition.delegable && definition.limit !== 'scope') throw new Error(`Grant role ${manifest.slug}:${role} is delegable: it must be limited to a scope`);
			if (definition.scopes && definition.limit !== 'scope') throw new Error(`Grant role ${manifest.slug}:${role} lists scopes: it must be limited to a scope`);
			byKey[`${manifest.slug}:${role}`] = {
				module: manifest.slug,
				role,
				actions: definition.actions as readonly Action[],
				limit: definition.limit ?? 'none',
				titleKey: definition.titleKey,
				delegable: definition.delegable ?? false,
				scopes: definition.scopes ?? null
			};
		}
	}
	return byKey;
});

/** Resource-level rules: e.g. a partner may edit their own organisation's profile. */
export interface Resource {
	organisationId?: string | null;
	ownerUserId?: string | null;
	/** the module's scope value the resource belongs to (an agency, a network, a region…) */
	scope?: string | null;
}

function grantsFor(actor: Actor, action: Action): Grant[] {
	if (!actor.grants?.length) return [];
	const roles = grantRoles();
	return actor.grants.filter((grant) => roles[`${grant.module}:${grant.role}`]?.actions.includes(action));
}

function knownRoles(action: Action): readonly Role[] {
	const granted = actions()[action];
	if (!granted) throw new Error(`Unknown action "${action}"`);
	return granted;
}

/**
 * May this actor do this action — on this resource when one is given? From the platform role's default
 * grants, then from the person's module grants: an unlimited grant answers for every resource, a grant
 * limited to an organisation or a scope only for a resource of that organisation or scope.
 */
export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
	if (!actor) return false;
	if (knownRoles(action).includes(actor.role)) return true;
	for (const grant of grantsFor(actor, action)) {
		if (grant.organisationId === null && grant.scope === null) return true;
		if (!resource) continue;
		if (grant.organisationId !== null && resource.organisationId !== grant.organisationId) continue;
		if (grant.scope !== null && resource.scope !== grant.scope) continue;
		return true;
	}
	if (!resource) return false;
	// Owners may act on their own resources for the actions that make sense for them.
	if (action === 'account.manage_own') return resource.ownerUserId === actor.userId;
	return false;
}

/**
 * May this actor reach a page or endpoint guarded by this action? Like `can` without a resource, except
 * that a limited grant is enough: the service behind the route then checks the resource itself.
 */
export function mayReach(actor: Actor | null | undefined, action: Action): boolean {
	if (!actor) return false;
	return knownRoles(action).includes(actor.role) || grantsFor(actor, action).length > 0;
}
