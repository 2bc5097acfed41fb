import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { RecommendedQuery } from '#lib/server/jobs/matching/matching.schemas.ts';
import { recommendOffers } from '#lib/server/jobs/matching/matching.service.ts';

/** Offers matching the caller's profile, with their reasons (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { limit } = readQuery(url, RecommendedQuery);
	const result = await recommendOffers(app.database.db, locals.actor, locals.language, { limit });
	return Response.json(result, { headers: { 'cache-control': 'no-store', vary: 'Accept-Language' } });
});
