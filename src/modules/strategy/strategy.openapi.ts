import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { StrategyDetail, StrategySummary, TreeFilters } from './strategy.schemas.ts';

export const strategyEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'Published strategies',
		description: 'Every published strategy with its country (ISO 3166-1), period, status, number of actions and sources. `isSample` marks fictional samples.',
		responses: { 200: { description: 'The strategies.', schema: z.object({ items: z.array(StrategySummary) }) } }
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy and its tree',
		description:
			'The strategy with its tree: domains, programmes, objectives and actions (each with lead, partners, regions, GCM objectives, SDG targets, ' +
			'status, period and sources). The filters keep the actions of the regions (national actions included) and statuses given, and the domains given.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		query: TreeFilters,
		responses: { 200: { description: 'The strategy and its (filtered) tree.', schema: StrategyDetail } },
		errors: [400, 404]
	}
];
