import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { listRecommendations, RecommendationFilters } from '#modules/strategy/recommendations.service.ts';

/** The recommendations tracker (public): filters as the page's. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { items, counts } = await listRecommendations(app.database.db, readQuery(url, RecommendationFilters), locals.language);
	const base = app.settings.publicUrl.replace(/\/$/, '');
	return Response.json(
		{
			items: items.map(({ source, actions, ...item }) => ({
				...item,
				url: `${base}/${locals.language}/strategy/recommendations/${item.id}`,
				source: source ? { link: source.value, title: source.label, url: `${base}/${locals.language}${source.path}` } : null,
				actions: actions.map((action) => ({ id: action.id, title: action.title, url: `${base}/${locals.language}${action.path}` }))
			})),
			counts
		},
		{ headers: { 'cache-control': 'public, max-age=60' } }
	);
});
