import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { CandidatesQuery } from '#modules/jobs/matching/matching.schemas.ts';
import { rankCandidates } from '#modules/jobs/matching/matching.service.ts';

/** The offer's consenting candidates, ranked (route policy: 'matching.candidates.read'; the service checks the offer's employer). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const paging = readQuery(url, CandidatesQuery);
	const result = await rankCandidates(requestContext(app, locals), params.id ?? '', paging);
	return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
