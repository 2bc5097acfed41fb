import { z } from 'zod';
import { eventStatuses, participantCategories, sessionKinds } from './event.model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const Translated = (max: number) => z.object({ fr: text(max).optional(), ar: text(max).optional(), en: text(max).optional() });
/** A wall-clock time in Morocco, `YYYY-MM-DDTHH:MM` (what a datetime-local field sends). */
const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const EventInput = z
	.object({
		title: Translated(300).refine((value) => Object.values(value).some(Boolean), { message: 'field_required' }),
		description: Translated(20000).default({}),
		startsAt: LocalTime,
		endsAt: LocalTime,
		place: text(300).optional(),
		onlineUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
		organisers: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
		status: z.enum(eventStatuses).default('draft'),
		participantCategories: z.array(z.enum(participantCategories)).max(participantCategories.length).default([]),
		documents: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
		/** platform links (`talents.network:<slug>`): the event shows on those records' pages */
		links: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
		/** a form's checkbox ('on') or the API's boolean */
		registrationOpen: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false),
		capacity: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.coerce.number().int().min(1).max(100_000).optional()),
		sources: z.array(z.object({ citation: text(500), url: z.url({ protocol: /^https?$/ }).max(500).optional() })).max(10).default([])
	})
	.refine((value) => value.endsAt >= value.startsAt, { path: ['endsAt'], message: 'event_ends_before_start' })
	.refine((value) => value.place || value.onlineUrl, { path: ['place'], message: 'event_place_or_link' });
export type EventData = z.infer<typeof EventInput>;

/** A person registers for an event: who, for the count by category, and their consent to being kept on the list. */
export const RegistrationInput = z.object({
	name: text(200),
	email: z.email().max(254),
	organisationName: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), text(300).optional()),
	category: z.enum(participantCategories),
	// an unticked box sends nothing: "this field is required"
	consent: z.preprocess((value) => (value === 'on' || value === true ? true : undefined), z.literal(true))
});

/** The organisers check a person in by the code of their confirmation. */
export const CheckInInput = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/) });

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The events list of the API: the same filters as `/{lang}/knowledge/events`. */
export const EventListQuery = z.object({
	when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past']).default('upcoming')).meta({ description: 'Upcoming (soonest first) or past (latest first)' }),
	category: z.preprocess(blankToUndefined, z.enum(participantCategories).optional()).meta({ description: 'Events for this participant category' })
});

const TranslatedOut = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });

export const EventSummary = z
	.object({
		slug: z.string(),
		title: TranslatedOut,
		startsAt: z.string().meta({ description: 'ISO 8601 instant (shown in Morocco’s time, Africa/Casablanca)' }),
		endsAt: z.string(),
		place: z.string().nullable(),
		onlineUrl: z.string().nullable(),
		status: z.enum(eventStatuses),
		participantCategories: z.array(z.enum(participantCategories)),
		registration: z
			.object({
				open: z.boolean().meta({ description: 'people may register now (published, open, not started)' }),
				capacity: z.int().nullable().meta({ description: 'places; null: no limit' }),
				confirmed: z.int(),
				waiting: z.int(),
				left: z.int().nullable()
			})
			.nullable()
			.meta({ description: 'null when the event takes no registration' }),
		isSample: z.boolean(),
		url: z.string()
	})
	.meta({ id: 'KnowledgeEvent' });
export const EventListResult = z.object({ items: z.array(EventSummary) });
export const EventDetail = EventSummary.extend({
	description: TranslatedOut,
	organisers: z.array(z.object({ slug: z.string(), name: z.string() })),
	documents: z.array(z.string()).meta({ description: 'the library’s documents from the event, by slug (/api/v1/knowledge/documents/{slug})' }),
	linked: z
		.array(z.object({ link: z.string().meta({ description: 'the platform link, e.g. `talents.network:reseau-sante`' }), title: z.string(), lang: z.string(), url: z.string() }))
		.meta({ description: 'the records of other modules the event concerns (the Talents networks), each with its name (in `lang`) and page' }),
	sources: z.array(z.object({ citation: z.string(), url: z.string().optional() })),
	programme: z.array(
		z.object({ title: TranslatedOut, kind: z.enum(sessionKinds), startsAt: z.string(), endsAt: z.string(), room: z.string().nullable(), speakers: z.array(z.string()) })
	).meta({ description: 'the sessions, in order of time' })
}).meta({ id: 'KnowledgeEventDetail' });
export const RegistrationResult = z
	.object({
		status: z.enum(['confirmed', 'waiting']),
		code: z.string().nullable().meta({ description: 'the check-in code (confirmed places only)' }),
		registrationUrl: z.string().meta({ description: 'the person’s personal page (see, cancel); also e-mailed to them' }),
		emailed: z.boolean()
	})
	.meta({ id: 'KnowledgeEventRegistration' });

/** One part of the programme, from the edit page's form or the API: times in Morocco, within the event. */
export const SessionInput = z
	.object({
		title: Translated(300).refine((value) => Object.values(value).some(Boolean), { message: 'field_required' }),
		kind: z.enum(sessionKinds),
		startsAt: LocalTime,
		endsAt: LocalTime,
		room: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), text(200).optional()),
		speakers: z.array(text(300)).max(30).default([])
	})
	.refine((value) => value.endsAt >= value.startsAt, { path: ['endsAt'] });
