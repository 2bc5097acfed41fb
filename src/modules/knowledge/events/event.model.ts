// The Knowledge module's events (issue #14, item 4): what an event is, in the words of seed 002.

/** draft: being prepared by the editors, not public; published; cancelled: still public, said cancelled. */
export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/**
 * The participants' categories of the final event's list of participants (seed 002, annex 3.2),
 * used to count who came.
 */
export const participantCategories = [
	'moroccan_public_institution',
	'european_union_in_morocco',
	'international_organisation',
	'civil_society_private_university',
	'media',
	'african_institution',
	'other_european_country'
] as const;
export type ParticipantCategory = (typeof participantCategories)[number];

/** Every time of an event is a time in Morocco (the platform's events happen there or online from there). */
export const EVENT_TIME_ZONE = 'Africa/Casablanca';

/** confirmed: has a place; waiting: on the waiting list, in order of registration; cancelled by the person. */
export const registrationStatuses = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The registrations of an event are stripped of names and e-mails a year after it ends (counts by category stay). */
export const REGISTRATION_RETENTION_DAYS = 365;

/** The parts of a programme the seeds name (plenaries, parallel thematic sessions, round tables, presentations of tools, visits). */
export const sessionKinds = ['plenary', 'parallel', 'round_table', 'presentation', 'visit', 'other'] as const;
export type SessionKind = (typeof sessionKinds)[number];
