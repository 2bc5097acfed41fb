import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { DueFollowUp, MyOrientationSession, OrientationSession, SessionEditInput } from './departure.schemas.ts';

const sessionId = z.object({ id: z.string().describe('the session id (UUID)') });

export const departureEndpoints: Endpoint[] = [
	{
		method: 'PATCH',
		path: '/api/v1/placement/orientation-sessions/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Change an orientation session before it starts (staff)',
		description:
			'The division on every session, local agency staff on their agencies’. Every field is sent: `date` and `time` (Morocco time, ahead: `field_date_future`), `durationMinutes`, `place` and/or `onlineUrl` (`field_place_or_link`), `capacity` (never fewer than the people registered: `field_capacity_below_registered`), `language`, `waitingList`. ' +
			'Seats added go to the first people waiting; a new day, time, place or link is e-mailed to everyone registered or waiting, in their language. Once started or cancelled: `field_session_started`. Audited before/after.',
		params: sessionId,
		body: SessionEditInput,
		responses: {
			200: {
				description: 'The session as changed, the fields changed, how many people took a seat from the waiting list and how many were told.',
				schema: z.object({
					id: z.string(),
					startsAt: z.string(),
					durationMinutes: z.number().int(),
					place: z.string().nullable(),
					onlineUrl: z.string().nullable(),
					capacity: z.number().int(),
					language: z.string(),
					waitingList: z.boolean(),
					status: z.enum(['open', 'cancelled']),
					changed: z.array(z.string()),
					promoted: z.number().int(),
					told: z.number().int()
				})
			}
		},
		errors: [400, 401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/orientation-sessions/{id}/cancellation',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Cancel an orientation session before it starts (staff)',
		description:
			'The session stays (status `cancelled`) with its registrations, each marked cancelled; everyone registered or waiting is e-mailed in their language. Once started or already cancelled: `field_session_started`. Audited.',
		params: sessionId,
		responses: { 201: { description: 'How many registrations were cancelled and how many people were told.', schema: z.object({ cancelled: z.number().int(), told: z.number().int() }) } },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/orientation-sessions',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Pre-departure orientation sessions (staff)',
		description:
			'The division sees every session, local agency staff their agencies’. Upcoming sessions by default, `?when=past` for those held; with seats taken, ' +
			'people waiting and people who attended.',
		query: z.object({ when: z.enum(['upcoming', 'past']).optional() }),
		responses: { 200: { description: 'The sessions, in date order.', schema: z.object({ items: z.array(OrientationSession) }) } },
		errors: [401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/my-orientation-sessions',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The orientation sessions the caller may join, and theirs',
		description: 'Open sessions ahead for the host country of a campaign the caller is in (before departure), with the seats left, and the caller’s own registrations.',
		responses: { 200: { description: 'The sessions.', schema: z.object({ items: z.array(MyOrientationSession) }) } },
		errors: [401]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/follow-ups',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Follow-ups due after arrival (long-term departures)',
		description:
			'People arrived through a long-term (individual or mass) campaign whose follow-up at 3 or 12 months after arrival is late or due within 14 days. ' +
			'The division sees all; agency staff their agencies’ people. An audited read.',
		responses: { 200: { description: 'Due first.', schema: z.object({ items: z.array(DueFollowUp) }) } },
		errors: [401, 403]
	}
];
