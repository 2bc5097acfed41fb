import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { strategyBySlug } from '#modules/strategy/strategy.service.ts';
import { initiativesOfStrategy } from '#modules/strategy/initiative-links.service.ts';

/** The initiatives on the ground accepted for a published strategy's actions (public). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const row = await strategyBySlug(app.database.db, params.slug ?? '');
	if (!row.published) throw new AppError('not_found');
	const items = await initiativesOfStrategy(app.database.db, row, locals.language, app.settings.publicUrl);
	return Response.json({ items }, { headers: { 'cache-control': 'public, max-age=60' } });
});
