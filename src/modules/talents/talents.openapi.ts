import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { InterestAnswer, InterestInput, MissionDetail, MissionInput, MissionList, MissionQuery, ProposalAnswer } from './missions/missions.schemas.ts';
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
	},
	{
		method: 'GET',
		path: '/api/v1/talents/missions',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Missions (requests for expertise)',
		description:
			'Published requests for expertise of organisations based in Morocco, newest first: open ones by default (`status=all` for every status). ' +
			'Filters by region (ISO 3166-2:MA), sector, skill and mode. Also as CSV or XLSX at `/{lang}/talents/missions/export?format=csv|xlsx`.',
		query: MissionQuery,
		responses: { 200: { description: 'One page of missions and the total.', schema: MissionList } },
		errors: [400]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/missions',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Propose a mission',
		description:
			'An organisation’s system proposes a mission with the token of one of its members (a partner, or a person with the `talents:institution` grant for that organisation). ' +
			'The organisation must be based in Morocco. The proposal waits for the MDCMRE’s moderators, who publish it or return it with a reason (the proposer is told by e-mail); ' +
			'a moderator’s own mission is published at once. Each language given must have both its title and its context. An optional `comment` goes to the moderators.',
		body: MissionInput.extend({ comment: z.string().max(2000).optional() }),
		responses: { 201: { description: 'The proposal (or the mission published).', schema: ProposalAnswer } },
		errors: [400, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/missions/{slug}',
		tags: ['Talents'],
		auth: 'none',
		summary: 'One mission',
		description: 'A published mission with its full description, its status and, once completed, its short report. Talents and their standing are never shown here.',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'The mission.', schema: MissionDetail } },
		errors: [404]
	},
	{
		method: 'PUT',
		path: '/api/v1/talents/missions/{slug}/interest',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Express interest in a mission',
		description:
			'The caller (a talent with a profile) expresses interest in an open mission, or changes the note. The mission’s organisation then sees the caller’s professional profile for this mission, ' +
			'without name or e-mail address unless their consent shows them. 409 `profile_missing`, `not_open`.',
		params: z.object({ slug: z.string() }),
		body: InterestInput,
		responses: { 200: { description: 'The interest.', schema: InterestAnswer } },
		errors: [400, 404, 409]
	},
	{
		method: 'DELETE',
		path: '/api/v1/talents/missions/{slug}/interest',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Withdraw one’s interest',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'No interest any more.', schema: InterestAnswer } },
		errors: [404]
	}
];
