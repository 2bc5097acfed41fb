import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listCaseload } from '#modules/jobs/placement/mobility.service.ts';

/** The caller's qualified candidates (or the unassigned, or all for the division), filtered as the page is; an audited read. */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const { show, more, items } = await listCaseload(requestContext(await getApp(), locals), Object.fromEntries(url.searchParams));
	return Response.json({ show, more, items }, { headers: { 'cache-control': 'no-store' } });
});
