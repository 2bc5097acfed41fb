import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { SavedOffer, SavedOfferParams } from './saved-offers.schemas.ts';

const own = 'Members only; a person sees and changes only their own list. Personal data: included in the person’s export, deleted with the account.';

export const savedOffersEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/me/saved-offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The caller’s saved job offers',
		description: `Newest first, each with the status the offer is in now: closed, filled and expired offers stay listed (\`open: false\`). ${own}`,
		responses: { 200: { description: 'The saved offers.', schema: z.object({ items: z.array(SavedOffer) }) } },
		errors: [403]
	},
	{
		method: 'PUT',
		path: '/api/v1/me/saved-offers/{offerId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Save a job offer',
		description:
			'Only a public offer (published, not past its closing date) can be saved: 404 otherwise. Saving an offer already saved ' +
			'changes nothing (200). At most 100 saved offers: 409 (`details.reason = too_many_saved_offers`). ' +
			own,
		params: SavedOfferParams,
		responses: {
			200: { description: 'Already saved; the list is unchanged.', schema: SavedOffer },
			201: { description: 'Saved.', schema: SavedOffer }
		},
		errors: [403, 404, 409]
	},
	{
		method: 'DELETE',
		path: '/api/v1/me/saved-offers/{offerId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Remove a job offer from the caller’s saved offers',
		description: `404 when the offer is not in the list. ${own}`,
		params: SavedOfferParams,
		responses: { 204: { description: 'Removed.' } },
		errors: [403, 404]
	}
];
