import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx } from '#platform/ui/charts/xlsx.ts';
import { researchMatrix } from '#modules/knowledge/research/research.service.ts';

const year = (value: string | null) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);

/** The mapping's table (themes × institutions, for the years asked) as CSV or XLSX, in the page's language. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const language = locals.language;
	const matrix = await researchMatrix(ctx.db, { from: year(url.searchParams.get('from')), to: year(url.searchParams.get('to')) });
	const rows = [
		[translate(language, 'research.col_theme'), ...matrix.institutions.map((entry) => entry.name), translate(language, 'research.col_total')],
		...matrix.byInstitution.map((row) => [translate(language, `knowledge.theme_${row.theme}`), ...row.counts.map(String), String(row.total)]),
		[translate(language, 'research.col_total'), ...matrix.institutionTotals.map(String), String(matrix.works)]
	];
	const name = 'cartographie-recherche';
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await toXlsx(rows, { sheet: translate(language, 'research.title'), rightToLeft: language === 'ar' })), {
			headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` }
		});
	}
	return new Response(toCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
});
