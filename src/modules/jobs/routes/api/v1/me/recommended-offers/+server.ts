import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { RecommendedQuery } from '#modules/jobs/matching/matching.schemas.ts';
import { recommendOffers } from '#modules/jobs/matching/matching.service.ts';

/** Offers matching the caller's profile, with their reasons (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { limit } = readQuery(url, RecommendedQuery);
	const result = await recommendOffers(requestContext(app, locals), { limit });
	return Response.json(result, { headers: { 'cache-control': 'no-store', vary: 'Accept-Language' } });
});
