import type { Role } from '../../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the roles granted each (merged into policy.ts).
 * Resource-level rules live in counsellors.service.ts: a counsellor acts only for the agencies they are
 * assigned to, and only on the people who chose one of them and consented to counsellors; a partner
 * answers only the referrals to the programmes of their own organisations.
 */
export const counsellorsActions = {
	/** Add, rename, close agencies and assign counsellors to them. */
	'counsellors.agency.manage': ['moderator', 'administrator'],
	/** The counsellors' space: the agency's job seekers, private notes, appointments, referrals. */
	'counsellors.follow_up': ['counsellor'],
	/** See and answer the referrals to one's own organisation's support programmes. */
	'counsellors.referral.respond': ['partner'],
	/** Refer a person one's organisation accompanies to an ANAPEC agency (associations; the service checks membership). */
	'counsellors.agency_referral.send': ['partner'],
	/** Read the referrals of people to agencies through the API (counsellors: those their agencies received; partners: those their organisations sent). */
	'counsellors.referral.list': ['counsellor', 'partner'],
	/**
	 * Read and move referrals to support programmes through the API: counsellors their agencies', partners their
	 * programmes', and the holders of the mobility caseload's grants (`jobs:placement_counsellor`,
	 * `jobs:placement_division`, in the manifest) those of the candidates they follow — the service gives each side its own.
	 */
	'counsellors.programme_referral.list': ['counsellor', 'partner']
} as const satisfies Record<string, readonly Role[]>;
