import { z } from 'zod';
import { eventStatuses, participantCategories } from './event.model.ts';

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
		sources: z.array(z.object({ citation: text(500), url: z.url({ protocol: /^https?$/ }).max(500).optional() })).max(10).default([])
	})
	.refine((value) => value.endsAt >= value.startsAt, { path: ['endsAt'], message: 'event_ends_before_start' })
	.refine((value) => value.place || value.onlineUrl, { path: ['place'], message: 'event_place_or_link' });
export type EventData = z.infer<typeof EventInput>;
