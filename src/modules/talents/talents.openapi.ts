import type { Endpoint } from '../../platform/openapi/registry.ts';
import { CardList, CardQuery, NetworkList } from './talents.schemas.ts';
import { DiasporaOverviewView } from './diaspora.service.ts';

export const talentsEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/talents/networks',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Networks of talents',
		description:
			'Every network (chapter) by host territory or by skill, with its joining rule and its number of members (null under 5). Real networks carry the ' +
			'source that names them; `isSample` marks the demo’s fictional networks. Also as CSV or XLSX at `/{lang}/talents/networks/export?format=csv|xlsx`.',
		responses: { 200: { description: 'The networks.', schema: NetworkList } }
	},
	{
		method: 'GET',
		path: '/api/v1/talents/cards',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Public cards of talents',
		description:
			'Only talents who gave the public-card consent, and of each only the fields they chose to show. A filter matches a field only where the card ' +
			'shows it. `q` looks in shown names and cities, ignoring accents and Arabic spelling variants.',
		query: CardQuery,
		responses: { 200: { description: 'One page of cards and the total.', schema: CardList } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/diaspora',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Moroccans abroad by host country',
		description:
			'Reference figures on Moroccans living in each host country, each with its year and its source (entered by moderators, never computed), beside ' +
			'the number of talents on the platform living there and the talents by skill. Counts under 5 are null; a country known only through such a count is left out.',
		responses: { 200: { description: 'The figures and counts.', schema: DiasporaOverviewView } }
	}
];
