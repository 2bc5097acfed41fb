import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { diasporaOverview } from '#modules/talents/diaspora.service.ts';

/** Reference figures by host country with their sources, and the platform's counts (under 5: null). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json(await diasporaOverview(app.database.db), { headers: { 'cache-control': 'public, max-age=60' } });
});
