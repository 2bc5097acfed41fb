import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts).
 * Resource-level rules live in seekers.service.ts: a person acts only on their own profile and
 * applications; an employer (partner member of an organisation of type `employer`) only on the
 * applications to their organisation's offers, and sees a profile or CV only when the person shared
 * it for that application; a counsellor reads a profile only when the person consented.
 */
export const seekersActions = {
	/** Keep one's own job-seeker profile and CV, apply to offers, follow and withdraw one's applications. */
	'seekers.profile.manage_own': ['member'],
	/** Read the profiles of consenting job seekers (audited). */
	'seekers.profile.read': ['counsellor'],
	/** See the applications to one's own organisation's offers and move them through their statuses. */
	'seekers.application.manage': ['partner']
} as const satisfies Record<string, readonly Role[]>;
