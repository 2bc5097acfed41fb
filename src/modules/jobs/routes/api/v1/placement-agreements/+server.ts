import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listPublicAgreements } from '#modules/jobs/placement/placement.service.ts';

/** The published placement agreements and cooperations (open data). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const items = await listPublicAgreements(requestContext(await getApp(), locals), Object.fromEntries(url.searchParams));
	return Response.json({ items });
});
