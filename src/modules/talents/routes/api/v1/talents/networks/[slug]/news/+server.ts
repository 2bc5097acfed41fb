import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listNews } from '#modules/talents/news.service.ts';

/** A network's published news, newest first (route policy: public). */
export const GET = apiEndpoint(async ({ params, url }) => {
	const app = await getApp();
	return Response.json(await listNews(app.database.db, params.slug ?? '', Object.fromEntries(url.searchParams)), { headers: { 'cache-control': 'public, max-age=60' } });
});
