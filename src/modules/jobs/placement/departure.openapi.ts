import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { DueFollowUp, MyOrientationSession, OrientationSession } from './departure.schemas.ts';

export const departureEndpoints: Endpoint[] = [
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
