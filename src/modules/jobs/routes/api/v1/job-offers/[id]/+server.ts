import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getPublicOffer } from '#modules/jobs/jobs.service.ts';

/** One published offer (route policy: public). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const offer = await getPublicOffer(app.database.db, params.id ?? '', locals.language);
	return Response.json(offer, { headers: { 'cache-control': 'public, max-age=60', vary: 'Accept-Language' } });
});
