import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { campaignAccess } from '#modules/jobs/placement/campaigns.service.ts';
import { candidatesForExport } from '#modules/jobs/placement/pipeline.service.ts';
import { candidateCsvRows } from '#modules/jobs/placement/campaign-forms.ts';

/** The campaign's candidates of the list's filters as CSV (an audited staff read). */
export async function GET({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const access = await campaignAccess(ctx, params.id);
		const rows = await candidatesForExport(ctx, access, { stage: url.searchParams.get('stage') ?? '', agency: url.searchParams.get('agency') ?? '', status: url.searchParams.get('status') || 'all', q: url.searchParams.get('q') ?? '' });
		return csvResponse(toCsv(candidateCsvRows(rows, locals.language)), `placement-candidates-${params.id.slice(0, 8)}.csv`, { headers: { 'cache-control': 'no-store' } });
	} catch (failure) {
		if (isAppError(failure) && (failure.code === 'not_found' || failure.code === 'invalid_input')) error(failure.code === 'not_found' ? 404 : 400, failure.code);
		throw failure;
	}
}
