import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { translate } from '#platform/i18n/translator.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx, xlsxResponse } from '#platform/ui/charts/xlsx.ts';
import { caseloadExportRows } from '#modules/jobs/placement/mobility-export.ts';

const filterKeys = ['show', 'need', 'stage', 'offer', 'appointments'] as const;

/** The caseload as the list filters it, CSV or XLSX (`format=xlsx`, right to left in Arabic); an audited read, never cached. */
export async function GET({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const filter = Object.fromEntries(filterKeys.map((key) => [key, url.searchParams.get(key) ?? '']));
	const { show, rows } = await forPage(caseloadExportRows(ctx, filter));
	const name = `${translate(ctx.language, 'mobility.export_file_name')}-${show}`;
	const headers = { 'cache-control': 'no-store' };
	if (url.searchParams.get('format') === 'xlsx') return xlsxResponse(await toXlsx(rows, { sheet: translate(ctx.language, 'mobility.caseload_title'), rightToLeft: ctx.language === 'ar' }), `${name}.xlsx`, { headers });
	return csvResponse(toCsv(rows), `${name}.csv`, { headers });
}
