import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { translate } from '#platform/i18n/translator.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx, xlsxResponse } from '#platform/ui/charts/xlsx.ts';
import { caseloadRows, caseloadShows, type CaseloadShow } from '#modules/return/caseload-export.ts';

/** The caseload as the list shows it (`show=open|closed|all`), CSV or XLSX (`format=xlsx`); an audited read, never cached. */
export async function GET({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const asked = url.searchParams.get('show') ?? 'open';
	const show: CaseloadShow = (caseloadShows as readonly string[]).includes(asked) ? (asked as CaseloadShow) : 'open';
	const rows = await forPage(caseloadRows(ctx, show));
	const name = `${translate(ctx.language, 'return.cases_file_name')}-${show}`;
	const headers = { 'cache-control': 'no-store' };
	if (url.searchParams.get('format') === 'xlsx') return xlsxResponse(await toXlsx(rows, { sheet: translate(ctx.language, 'return.cases_title'), rightToLeft: ctx.language === 'ar' }), `${name}.xlsx`, { headers });
	return csvResponse(toCsv(rows), `${name}.csv`, { headers });
}
