import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myOpportunities } from '#modules/jobs/placement/pipeline.service.ts';

/** The caller's own opportunities abroad: campaign, stage, next step, path. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = await myOpportunities(requestContext(await getApp(), locals));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
