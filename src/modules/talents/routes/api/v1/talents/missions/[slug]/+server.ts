import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getMission } from '#modules/talents/missions/missions.service.ts';

/** One published mission (route policy: public). */
export const GET = apiEndpoint(async ({ params }) => {
	const app = await getApp();
	return Response.json(await getMission(app.database.db, params.slug ?? ''), { headers: { 'cache-control': 'public, max-age=60' } });
});
