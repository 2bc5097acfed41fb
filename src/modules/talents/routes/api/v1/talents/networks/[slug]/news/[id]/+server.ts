import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { getNewsItem, NewsItemQuery, newsItemView } from '#modules/talents/news.service.ts';

/** One published news item of a network, with its page and picture (route policy: public). */
export const GET = apiEndpoint(async ({ params, url }) => {
	const app = await getApp();
	const { lang } = parseOrThrow(NewsItemQuery, Object.fromEntries(url.searchParams));
	const item = await getNewsItem(app.database.db, params.slug ?? '', params.id ?? '');
	return Response.json(newsItemView(item, params.slug ?? '', app.settings.publicUrl, lang), { headers: { 'cache-control': 'public, max-age=60' } });
});
