// Pre-departure preparation and circular migration (issue 10, items 7–8): the controlled lists.

/** Languages an orientation session may be given in (named in the page's language with Intl). */
export const sessionLanguages = ['ar', 'zgh', 'fr', 'en', 'es', 'de', 'it'] as const;
export type SessionLanguage = (typeof sessionLanguages)[number];

export const sessionStatuses = ['open', 'cancelled'] as const;
/** registered: has a seat; waiting: on the waiting list (takes the first seat freed); cancelled: gave it up */
export const registrationStatuses = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** A session can be joined until it starts; the reminder goes out the day before (24–48 hours ahead). */
export const REMINDER_HOURS = 48;

/** How a seasonal worker came back from a season. */
export const returnOutcomes = ['on_time', 'early', 'did_not_return'] as const;
export type ReturnOutcome = (typeof returnOutcomes)[number];
/** Why a worker came back before the end of the season. */
export const earlyReasons = ['health', 'family', 'contract_ended', 'working_conditions', 'other'] as const;

export const invitationStatuses = ['invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** The follow-ups of a long-term departure, in months after arrival. */
export const followUpMonths = [3, 12] as const;
export type FollowUpMonths = (typeof followUpMonths)[number];
/** What a follow-up found. */
export const followUpOutcomes = ['in_job', 'changed_employer', 'looking_for_work', 'difficulty', 'returned_home', 'not_reachable'] as const;
/** A follow-up shows in the counsellors' list this many days before it is due. */
export const FOLLOW_UP_LEAD_DAYS = 14;

/** `on` plus `months` (the same day of the month, or the month's last day). */
export function addMonths(on: string, months: number): string {
	const [year, month, day] = on.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year, month - 1 + months, 1));
	const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, last));
	return target.toISOString().slice(0, 10);
}

/** The season of a campaign: the year its season starts (else the year it was created). */
export const seasonOf = (seasonStartsOn: string | null, createdAt: Date) => Number((seasonStartsOn ?? createdAt.toISOString()).slice(0, 4));
