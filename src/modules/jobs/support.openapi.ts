import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { Programme, ProgrammeList, ProgrammeListQuery, RightsLanguageQuery, RightsPageDetail, RightsPageList } from './support-schemas.ts';

/** Rights pages and support programmes (public, read-only), for the registry in `openapi/registry.ts`. */
export const supportEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/rights-pages',
		tags: ['Rights and programmes'],
		auth: 'none',
		summary: 'Rights and procedures pages for immigrants, by topic',
		description:
			'The current version of each page, in the language asked (`lang`, else `Accept-Language`); when a page is not ' +
			'written in that language, another one is given and `fallback` is true.',
		query: RightsLanguageQuery,
		responses: { 200: { description: 'Every page, ordered by topic.', schema: RightsPageList } }
	},
	{
		method: 'GET',
		path: '/api/v1/rights-pages/{slug}',
		tags: ['Rights and programmes'],
		auth: 'none',
		summary: 'One rights and procedures page',
		description: 'Its current version: text, practical steps, sources and the day it was last reviewed.',
		params: z.object({ slug: z.string().describe('the page’s address, e.g. `work-contract`') }),
		query: RightsLanguageQuery,
		responses: { 200: { description: 'The page.', schema: RightsPageDetail } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/programmes',
		tags: ['Rights and programmes'],
		auth: 'none',
		summary: 'Search the directory of support programmes',
		description:
			'Active programmes of associations and public bodies, by words (accents do not matter), city, region, service ' +
			'and language spoken; `facets` counts the matching programmes per value.',
		query: ProgrammeListQuery,
		responses: { 200: { description: 'One page of programmes, in name order.', schema: ProgrammeList } }
	},
	{
		method: 'GET',
		path: '/api/v1/programmes/{id}',
		tags: ['Rights and programmes'],
		auth: 'none',
		summary: 'One support programme',
		params: z.object({ id: z.uuid().describe('the programme id') }),
		responses: { 200: { description: 'The programme.', schema: Programme } },
		errors: [404]
	}
];
