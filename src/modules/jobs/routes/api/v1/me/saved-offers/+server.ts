import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listSavedOffers } from '#modules/jobs/saved-offers/saved-offers.service.ts';

/** The caller's saved offers (route policy: 'saved_offers.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	const items = await listSavedOffers(requestContext(app, locals));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
