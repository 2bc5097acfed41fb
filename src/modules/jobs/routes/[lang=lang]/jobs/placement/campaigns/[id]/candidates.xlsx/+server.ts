import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { toXlsx, xlsxResponse } from '#platform/ui/charts/xlsx.ts';
import { campaignAccess } from '#modules/jobs/placement/campaigns.service.ts';
import { candidatesForExport } from '#modules/jobs/placement/pipeline.service.ts';
import { candidateCsvRows } from '#modules/jobs/placement/campaign-forms.ts';

/** The campaign's candidates of the list's filters as a spreadsheet (an audited staff read), right to left in Arabic. */
export async function GET({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const access = await campaignAccess(ctx, params.id);
		const filter = Object.fromEntries(['stage', 'agency', 'q'].map((key) => [key, url.searchParams.get(key) ?? '']));
		const rows = await candidatesForExport(ctx, access, { ...filter, status: url.searchParams.get('status') || 'all' });
		const workbook = await toXlsx(candidateCsvRows(rows, locals.language), { sheet: translate(locals.language, 'campaigns.candidates_title'), rightToLeft: locals.language === 'ar' });
		return xlsxResponse(workbook, `placement-candidates-${params.id.slice(0, 8)}.xlsx`, { headers: { 'cache-control': 'no-store' } });
	} catch (failure) {
		if (isAppError(failure) && (failure.code === 'not_found' || failure.code === 'invalid_input')) error(failure.code === 'not_found' ? 404 : 400, failure.code);
		throw failure;
	}
}
