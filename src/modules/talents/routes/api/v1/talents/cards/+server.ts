import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listPublicCards } from '#modules/talents/profile.service.ts';

/** Consented public cards only (route policy: public); the service applies the consent. */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	return Response.json(await listPublicCards(app.database.db, Object.fromEntries(url.searchParams)), { headers: { 'cache-control': 'public, max-age=60' } });
});
