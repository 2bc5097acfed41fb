import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { CandidatesQuery } from '#lib/server/jobs/matching/matching.schemas.ts';
import { rankCandidates } from '#lib/server/jobs/matching/matching.service.ts';

/** The offer's consenting candidates, ranked (route policy: 'matching.candidates.read'; the service checks the offer's employer). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const paging = readQuery(url, CandidatesQuery);
	const result = await rankCandidates(app.database.db, locals.audit, locals.actor, params.id ?? '', locals.language, paging);
	return Response.json(result, { headers: { 'cache-control': 'no-store' } });
});
