import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { listRecommendations, recommendationForApi, RecommendationFilters } from '#modules/strategy/recommendations.service.ts';

/** The recommendations tracker (public): filters as the page's. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { items, counts } = await listRecommendations(app.database.db, readQuery(url, RecommendationFilters), locals.language);
	const base = app.settings.publicUrl.replace(/\/$/, '');
	return Response.json({ items: items.map((item) => recommendationForApi(item, base, locals.language)), counts }, { headers: { 'cache-control': 'public, max-age=60' } });
});
