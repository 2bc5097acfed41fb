import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listNetworks } from '#modules/talents/networks.service.ts';

/** The networks (route policy: public). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json({ items: await listNetworks(app.database.db) }, { headers: { 'cache-control': 'public, max-age=60' } });
});
