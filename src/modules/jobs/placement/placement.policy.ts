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
	'placement.offer.manage': ['administrator'],
	/** Create campaigns for mass and seasonal offers, split and reallocate their agency quotas, move any candidate (items 3–4). */
	'placement.campaign.manage': ['administrator'],
	/**
	 * Work on campaigns: the division on all; local agency staff (counsellors assigned to an agency) on the
	 * campaigns their agency has a quota in, sourcing and preselecting its candidates (the service checks the agency).
	 */
	'placement.campaign.work': ['counsellor', 'administrator'],
	/**
	 * Partners' shortlists (item 5): members of a campaign's foreign partner organisation (its agreement's or its
	 * offer's) review its candidates as pseudonymous cards and record decisions; the service checks the membership.
	 */
	'placement.shortlist.review': ['partner'],
	/** Partners' recruiters write their own organisation's offers abroad as drafts the division publishes (API, item 10). */
	'placement.partner.offer': ['partner'],
	/** Publish new versions of the pre-departure pages per host country (item 7; the division's grant). */
	'placement.predeparture.edit': ['administrator'],
	/**
	 * Mobility counsellors' caseload (item 6): follow the qualified candidates assigned to them (needs,
	 * appointments, private notes, referrals), take unassigned ones. Granted by `jobs:placement_counsellor`
	 * and the division's grant; the division (who may also manage campaigns) sees every candidate and reassigns.
	 */
	'placement.caseload.work': ['administrator'],
	/** A candidate's own opportunities: the campaigns they are in, their stage and next step. */
	'placement.pipeline.own': ['member', 'partner', 'counsellor', 'moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
