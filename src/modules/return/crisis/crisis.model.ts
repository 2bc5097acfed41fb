// Emergency return in a crisis (issue 12, item 8): MDCMRE's crisis cell opens a crisis for countries or
// areas; Moroccans there register (themselves or through relatives) with their needs; relays
// (consulates, network coordinators, associations) follow them from registration to reception in
// Morocco and referral to reintegration. Crisis data serves the crisis only: after it closes it is
// deleted, counts kept, once the crisis's retention period has passed.

/** A registration's way, in order; "evacuated" also covers a return by one's own means. */
export const registrationStatuses = ['registered', 'contacted', 'evacuated', 'received', 'referred'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** What a registered person needs. */
export const crisisNeeds = ['medical', 'documents', 'transport', 'shelter'] as const;
export type CrisisNeed = (typeof crisisNeeds)[number];

export const crisisStatuses = ['open', 'closed'] as const;
export type CrisisStatus = (typeof crisisStatuses)[number];

/** Days a closed crisis's registrations are kept before they are deleted, unless the cell sets another figure. */
export const DEFAULT_RETENTION_DAYS = 90;

/** The next statuses a registration may take: forward one step or more, never back (a mistake is a note). */
export function nextStatuses(current: RegistrationStatus): RegistrationStatus[] {
	return registrationStatuses.slice(registrationStatuses.indexOf(current) + 1) as RegistrationStatus[];
}

/**
 * The responders of the emergency return plan, each with a checklist in the responder's guide: MDCMRE's
 * crisis cell, the consulates, the network's coordinators in Morocco and the associations.
 */
export const responderRoles = ['cell', 'consulate', 'coordinator', 'association'] as const;
export type ResponderRole = (typeof responderRoles)[number];
export const isResponderRole = (value: unknown): value is ResponderRole => typeof value === 'string' && (responderRoles as readonly string[]).includes(value);
