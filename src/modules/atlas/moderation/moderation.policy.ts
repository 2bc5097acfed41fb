import type { Role } from '../../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const moderationActions = {
	/** Propose a new initiative or a change to a published one (moderators publish directly through the API). */
	'atlas.propose': ['partner', 'moderator', 'administrator'],
	/** Review proposals (approve, reject, request changes, edit then approve), restore versions, see stale initiatives and scores. */
	'atlas.moderate': ['moderator', 'administrator'],
	/** Read and write an initiative's private discussion thread (staff and partners). */
	'atlas.discuss': ['partner', 'counsellor', 'moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
