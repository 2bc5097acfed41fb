import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { listPublicAgreements } from '#modules/jobs/placement/placement.service.ts';
import { agreementRows } from '#modules/jobs/placement/placement-pages.ts';

/** The published agreements as CSV (open data), header in the page's language. */
export async function GET({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const rows = await listPublicAgreements(requestContext(await getApp(), locals));
	return csvResponse(toCsv(agreementRows(rows, locals.language)), `placement-agreements-${locals.language}.csv`);
}
