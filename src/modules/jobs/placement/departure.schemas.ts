import { z } from 'zod';
import { HostCountry } from '../jobs.schemas.ts';
import { earlyReasons, followUpOutcomes, returnOutcomes, sessionLanguages } from './departure.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === 'yes', z.boolean());

/** An orientation session as staff create it (date and time read in Morocco's time zone). */
export const SessionInput = z
	.object({
		agencyId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the local agency giving it; null for the division'),
		hostCountry: z.preprocess(blankToUndefined, HostCountry),
		date: day,
		time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
		durationMinutes: z.coerce.number().int().min(15).max(600).default(120),
		place: z.preprocess(blankToNull, z.string().trim().min(3).max(300).nullable().default(null)),
		onlineUrl: z.preprocess(blankToNull, z.url({ protocol: /^https$/ }).max(500).nullable().default(null)),
		capacity: z.coerce.number().int().min(1).max(1000),
		language: z.enum(sessionLanguages),
		waitingList: checkbox.default(false)
	})
	.meta({ id: 'PlacementOrientationSessionInput' });
export type SessionInput = z.output<typeof SessionInput>;

/** A session's changes after creation: its day and time, length, place and/or link, seats, language, waiting list (not its agency nor host country). */
export const SessionEditInput = SessionInput.omit({ agencyId: true, hostCountry: true }).meta({ id: 'PlacementOrientationSessionEditInput' });
export type SessionEditInput = z.output<typeof SessionEditInput>;

/** Staff register someone by the e-mail of their account. */
export const StaffRegistrationInput = z.object({ email: z.email().max(320) });

/** The registrations staff mark as attended (the others of the session: not attended). */
export const AttendanceInput = z.object({ attended: z.array(uuid).max(1000).default([]) });

/** A seasonal worker's return, recorded by staff. */
export const ReturnInput = z.object({
	candidateId: uuid,
	outcome: z.enum(returnOutcomes),
	returnedOn: z.preprocess(blankToNull, day.nullable().default(null)),
	earlyReason: z.preprocess(blankToNull, z.enum(earlyReasons).nullable().default(null)),
	note: z.preprocess(blankToNull, z.string().trim().max(1000).nullable().default(null))
});

/** Staff decide whether a returnee may be re-hired next season. */
export const EligibilityInput = z.object({ candidateId: uuid, eligible: z.enum(['yes', 'no']).transform((value) => value === 'yes') });

/** A follow-up recorded by staff. */
export const FollowUpInput = z.object({
	candidateId: uuid,
	months: z.coerce.number().pipe(z.union([z.literal(3), z.literal(12)])),
	doneOn: day,
	outcome: z.enum(followUpOutcomes),
	note: z.preprocess(blankToNull, z.string().trim().max(1000).nullable().default(null))
});

// ---------- API responses ----------

export const OrientationSession = z
	.object({
		id: z.string(),
		agency: z.string().nullable().describe('the local agency holding it; null for the division'),
		hostCountry: z.string(),
		startsAt: z.string().describe('ISO 8601 instant'),
		durationMinutes: z.number().int(),
		place: z.string().nullable(),
		onlineUrl: z.string().nullable(),
		language: z.enum(sessionLanguages),
		capacity: z.number().int(),
		waitingList: z.boolean(),
		registered: z.number().int(),
		waiting: z.number().int(),
		attended: z.number().int(),
		status: z.enum(['open', 'cancelled']),
		isSample: z.boolean()
	})
	.meta({ id: 'PlacementOrientationSession' });

export const MyOrientationSession = z
	.object({
		id: z.string(),
		hostCountry: z.string(),
		startsAt: z.string(),
		durationMinutes: z.number().int(),
		place: z.string().nullable(),
		onlineUrl: z.string().nullable(),
		language: z.enum(sessionLanguages),
		agencyName: z.string().nullable(),
		seatsLeft: z.number().int(),
		waitingList: z.boolean(),
		isSample: z.boolean(),
		past: z.boolean(),
		mine: z.object({ status: z.enum(['registered', 'waiting', 'cancelled']), attended: z.boolean().nullable() }).nullable().describe('the caller’s registration, if any')
	})
	.meta({ id: 'PlacementMyOrientationSession' });

export const DueFollowUp = z
	.object({
		candidateId: z.string(),
		name: z.string(),
		email: z.string(),
		campaignId: z.string(),
		campaignTitle: z.string(),
		hostCountry: z.string(),
		agencyName: z.string().nullable(),
		months: z.union([z.literal(3), z.literal(12)]),
		arrivedOn: z.string(),
		dueOn: z.string(),
		late: z.boolean()
	})
	.meta({ id: 'PlacementDueFollowUp' });
