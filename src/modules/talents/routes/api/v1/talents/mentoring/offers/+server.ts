import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listOffers } from '#modules/talents/mentoring/mentoring.service.ts';

/** The listed mentoring offers (route policy: public; talents with a public card only). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	return Response.json(await listOffers(app.database.db, Object.fromEntries(url.searchParams)));
});
