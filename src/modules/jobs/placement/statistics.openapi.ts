import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { PlacementStatistics, PlacementStatisticsQuery } from './statistics.schemas.ts';

export const placementStatisticsEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/placement/statistics',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'International placement statistics (open data)',
		description:
			'Offers abroad and their positions (by year of publication), people registered in campaigns (by year of registration), ' +
			'departures and returns (by year of the event), by host country, ISCO-08 major group, channel, agency, region of origin (the sourcing ' +
			'agency’s region), sex (as the candidates declare it on their page, optional) and year. Counts of people from 1 to 4 are `null` (and, when only one cell of a breakdown is, the next smallest ' +
			'too). Samples are left out unless `samples=include`. Labels in the language of `Accept-Language` (fr, ar, en). ' +
			'The same table as CSV or XLSX: `/{lang}/jobs/placement/statistics/export?format=csv|xlsx`.',
		query: PlacementStatisticsQuery,
		responses: { 200: { description: 'The statistics.', schema: PlacementStatistics } },
		errors: [400]
	}
];
