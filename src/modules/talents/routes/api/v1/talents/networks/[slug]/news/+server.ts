import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { listNews, NewsQuery, newsItemView } from '#modules/talents/news.service.ts';

/** A network's published news, newest first, each with its page and picture (route policy: public). */
export const GET = apiEndpoint(async ({ params, url }) => {
	const app = await getApp();
	const query = Object.fromEntries(url.searchParams);
	const { lang } = parseOrThrow(NewsQuery, query);
	const news = await listNews(app.database.db, params.slug ?? '', query);
	return Response.json({ ...news, items: news.items.map((item) => newsItemView(item, params.slug ?? '', app.settings.publicUrl, lang)) }, { headers: { 'cache-control': 'public, max-age=60' } });
});
