import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { getPublicOffer } from '#lib/server/jobs/jobs.service.ts';

/** One published offer (route policy: public). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const offer = await getPublicOffer(app.database.db, params.id ?? '', locals.language);
	return Response.json(offer, { headers: { 'cache-control': 'public, max-age=60', vary: 'Accept-Language' } });
});
