import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx } from '#platform/ui/charts/xlsx.ts';
import { responseTable } from '#modules/knowledge/surveys/survey.service.ts';

/** The raw answers, one row per person, as CSV or XLSX in the page's language (route policy: the surveys' editors). */
export const GET = apiEndpoint(async ({ url, locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const language = locals.language;
	const { row, rows } = await responseTable(ctx, params.slug ?? '', language, {
		response: translate(language, 'surveys.col_response'),
		submitted: translate(language, 'surveys.col_submitted'),
		respondent: translate(language, 'surveys.col_respondent')
	});
	const name = `reponses-${row.slug}`;
	// answers, and for a survey that is not anonymous who gave them: never kept by a cache
	const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await toXlsx(rows, { sheet: translate(language, 'surveys.export_sheet'), rightToLeft: language === 'ar' })), {
			headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` }
		});
	}
	return new Response(toCsv(rows), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
});
