import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { OfferSearchQuery } from '#modules/jobs/jobs.schemas.ts';
import { searchOffers } from '#modules/jobs/jobs.service.ts';

/** Public search of published offers (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, OfferSearchQuery);
	const result = await searchOffers(app.database.db, query, locals.language);
	return Response.json(result, { headers: { 'cache-control': 'public, max-age=60', vary: 'Accept-Language' } });
});
