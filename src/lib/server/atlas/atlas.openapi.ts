import { z } from 'zod';
import type { Endpoint } from '../openapi/registry.ts';
import { AtlasStats, InitiativeDetail, InitiativeList, InitiativeQuery, StatsQuery } from './atlas.schemas.ts';

/** The Atlas's public reading API, for the registry in `openapi/registry.ts`. */
export const atlasEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/initiatives',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'Search the initiatives of the Atlas',
		description:
			'Published migration & development initiatives. Filters narrow together; the values of one filter (repeated ' +
			'or comma-separated) are alternatives. `facets` count, for the whole filter, the initiatives per theme, region, ' +
			'status, target group, country, funder and implementer. Sample (fictional) initiatives carry `isSample: true`.',
		query: InitiativeQuery,
		responses: { 200: { description: 'One page of initiatives, with the total and the facets.', schema: InitiativeList } }
	},
	{
		method: 'GET',
		path: '/api/v1/initiatives/{id}',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'One initiative, by id or slug',
		description:
			'Everything published about the initiative, with its public version history. The `ETag` header is the current ' +
			'version number (quoted); `If-None-Match` with it answers 304.',
		params: z.object({ id: z.string().describe('The initiative’s id (uuid) or slug') }),
		responses: {
			200: { description: 'The initiative.', schema: InitiativeDetail },
			304: { description: 'Unchanged since the version given in `If-None-Match`.' }
		},
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/atlas/stats',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'Initiatives and budgets by region, theme, year or funder',
		description:
			'Counts and budgets in EUR for the same filters as the list. `region`: every region, even without initiatives; ' +
			'`year`: initiatives active during each year since 2004, with their whole budget; `funder`: each funder’s own ' +
			'contributions. Budgets are converted with the yearly exchange rates of the Atlas (start year).',
		query: StatsQuery,
		responses: { 200: { description: 'The figures.', schema: AtlasStats } }
	}
];
