import type { Role } from '../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts).
 * Resource-level rules live in jobs.service.ts: an employer acts only on offers of an organisation of
 * type `employer` they are a member of (`actor.organisationIds`).
 */
export const jobsActions = {
	/** Create, edit, publish, close and mark filled the offers of one's own employer organisation. */
	'jobs.offer.manage': ['partner'],
	/** Approve or send back the first offers of a new employer (the validation queue). */
	'jobs.offer.validate': ['counsellor']
} as const satisfies Record<string, readonly Role[]>;
