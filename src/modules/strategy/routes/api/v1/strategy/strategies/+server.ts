import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listStrategies } from '#modules/strategy/strategy.service.ts';

/** The published strategies (public). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	return Response.json({ items: await listStrategies(app.database.db, locals.language) }, { headers: { 'cache-control': 'public, max-age=60' } });
});
