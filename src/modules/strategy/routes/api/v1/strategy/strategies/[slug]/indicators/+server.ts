import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { strategyBySlug } from '#modules/strategy/strategy.service.ts';
import { indicatorsOf } from '#modules/strategy/results.service.ts';

/** A published strategy's indicators, targets and approved values by year and region (public). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const row = await strategyBySlug(app.database.db, params.slug ?? '');
	if (!row.published) throw new AppError('not_found');
	const items = (await indicatorsOf(app.database.db, row, locals.language)).map(({ nodeId, definitions, units, nodeTitles: _nodeTitles, ...item }) => ({ ...item, actionId: nodeId, definitions, units }));
	return Response.json({ items }, { headers: { 'cache-control': 'public, max-age=60' } });
});
