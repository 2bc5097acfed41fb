import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { strategyDetail } from '#modules/strategy/strategy.service.ts';

/** One published strategy and its tree, filtered (public). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const { id: _id, published: _published, domains: _domains, ...detail } = await strategyDetail(app.database.db, params.slug ?? '', locals.language, readQuery(url, TreeFilters));
	return Response.json(detail, { headers: { 'cache-control': 'public, max-age=60' } });
});
