import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { CandidatesQuery, CandidatesResult, RecommendedOffersResult, RecommendedQuery } from './matching.schemas.ts';

const score =
	'Score out of 100, the sum of: occupation (same ISCO-08 unit group 40, minor group 25, sub-major group 12), skills in ' +
	'common (20 × the share of the offer’s skills, accent-insensitive), languages (20 × the share of required languages met ' +
	'at the CEFR level asked; one level below counts half; 20 when none is required), place (the offer’s province 15, its ' +
	'region 8), availability (immediately 5, within a month 3). Each result lists its reasons with their points and a text ' +
	'in the language asked (Accept-Language).';

export const matchingEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/job-offers/{id}/candidates',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The ranked candidates of an offer',
		description:
			'Job seekers whose profile seeks an occupation of the same ISCO sub-major group or shares a skill, best first ' +
			'(ties by an internal id, so the order is stable). Only people who consented: partners who are members of the ' +
			'offer’s employer organisation see those who consented to employers, as a pseudonymous card (no name, contact, ' +
			'nationality, residence status or CV: those come with an application); counsellors see those who consented to ' +
			'counsellors or employers, with name and contact, for any offer but drafts. An offer not open to foreigners lists ' +
			`Moroccans only. 404 for another employer’s offer (and for a draft, to counsellors); 403 for anyone else. Every listing is recorded in the audit trail. ${score}`,
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		query: CandidatesQuery,
		responses: { 200: { description: 'One page of candidates.', schema: CandidatesResult } },
		errors: [403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/me/recommended-offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Offers recommended to the caller',
		description:
			'Members with a job-seeker profile: published offers not past their closing date that seek an occupation of the ' +
			'same ISCO sub-major group or share a skill, best first (ties: newest first). A person who is not Moroccan is ' +
			`not shown offers closed to foreigners. ${score}`,
		query: RecommendedQuery,
		responses: { 200: { description: 'The recommended offers with their reasons.', schema: RecommendedOffersResult } },
		errors: [403]
	}
];
