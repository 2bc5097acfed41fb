import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { campaignAccess, campaignProgress } from '#modules/jobs/placement/campaigns.service.ts';
import { campaignApiView } from '#modules/jobs/placement/campaigns-api.ts';

/** A campaign with its live progress per agency (agency staff: their agencies' rows). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const access = await campaignAccess(ctx, params.id ?? '');
	const progress = await campaignProgress(ctx, access);
	return Response.json(campaignApiView(access.campaign, progress.total.allocated, progress), { headers: { 'cache-control': 'no-store' } });
});
