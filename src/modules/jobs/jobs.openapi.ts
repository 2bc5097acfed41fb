import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { OfferDetail, OfferSearchQuery, OfferSearchResult } from './jobs.schemas.ts';

export const jobsEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/job-offers',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'Search the published job offers',
		description:
			'Only published offers whose closing date (a day, Morocco time) is not past. The same filters as the page ' +
			'`/{lang}/jobs`. Words are matched in title, description, skills, occupation titles (English, French, Arabic), ' +
			'employer and place, ignoring accents and Arabic spelling variants (hamza forms, ta marbuta, alef maqsura, ' +
			'diacritics, tatweel). Names (occupations, places) are in the language of `Accept-Language` (fr, ar, en). ' +
			'Occupations are ISCO-08 (© ILO; French titles from ESCO; Arabic titles are an unofficial translation). ' +
			'Offers abroad (ANAPEC’s international placement: `hostCountry` other than MA, a `channel`, `region` null) come with ' +
			'the others; `abroad=yes` keeps only them (then `facets.hostCountry` and `facets.channel` are filled), `abroad=no` only ' +
			'the offers in Morocco, `country` and `channel` narrow the offers abroad.',
		query: OfferSearchQuery,
		responses: { 200: { description: 'One page of offers, the total and facet counts.', schema: OfferSearchResult } }
	},
	{
		method: 'GET',
		path: '/api/v1/job-offers/{id}',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'One published job offer',
		description:
			'Drafts, offers waiting for validation, closed, filled and expired offers answer 404. An offer abroad has `abroad`: the ' +
			'employer abroad, the published agreement it comes through, contract length, season, housing and travel, who pays each ' +
			'cost, whether no recruitment fee is charged to the worker (`noWorkerFees`), and who handles the candidates; its salary ' +
			'is in the host currency (`salary.currency`, ISO 4217).',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		responses: { 200: { description: 'The offer.', schema: OfferDetail } },
		errors: [404]
	}
];
