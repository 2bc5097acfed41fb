import type { Role } from '../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const supportActions = {
	/** Write a new version of a rights-and-procedures page. */
	'support.rights.edit': ['moderator', 'administrator'],
	/**
	 * Create, edit and archive support programmes. Partners only for their own organisations'
	 * programmes (checked by the service with `actor.organisationIds`); moderators for any.
	 */
	'support.programme.contribute': ['partner', 'moderator', 'administrator'],
	/** Edit any organisation's programme. */
	'support.programme.manage': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
