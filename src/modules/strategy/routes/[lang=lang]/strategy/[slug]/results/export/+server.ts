import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { translate } from '#platform/i18n/translator.ts';
import { strategyBySlug, strategyResource } from '#modules/strategy/strategy.service.ts';
import { indicatorsOf } from '#modules/strategy/results.service.ts';
import { indicatorTable, indicatorsCsv, indicatorsXlsx } from '#modules/strategy/results-export.ts';

/** A strategy's indicators with targets and approved values, as CSV or XLSX (public for a published strategy). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyBySlug(app.database.db, params.slug ?? '');
	if (!row.published && !ctx.can('strategy.plan', strategyResource(row))) throw new AppError('not_found');
	const table = indicatorTable(await indicatorsOf(app.database.db, row, locals.language));
	const name = `sharaka-strategie-${row.slug}-indicateurs-${new Date().toISOString().slice(0, 10)}`;
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await indicatorsXlsx(table, translate(locals.language, 'strategy.results_heading'), locals.language)), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	return csvResponse(indicatorsCsv(table), `${name}.csv`);
});
