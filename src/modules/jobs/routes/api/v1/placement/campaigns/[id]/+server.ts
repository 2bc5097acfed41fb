import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { CampaignEditInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { campaignAccess, campaignProgress, updateCampaign } from '#modules/jobs/placement/campaigns.service.ts';
import { campaignApiView } from '#modules/jobs/placement/campaigns-api.ts';

/** A campaign with its live progress per agency (agency staff: their agencies' rows). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const access = await campaignAccess(ctx, params.id ?? '');
	const progress = await campaignProgress(ctx, access);
	return Response.json(campaignApiView(access.campaign, progress.total.allocated, progress), { headers: { 'cache-control': 'no-store' } });
});

/** The division changes a campaign's title, positions or links (never fewer positions than the quotas together), audited. */
export const PATCH = apiEndpoint(async ({ locals, params, request }) => {
	const ctx = requestContext(await getApp(), locals);
	await updateCampaign(ctx, params.id ?? '', await readJson(request, CampaignEditInput));
	const access = await campaignAccess(ctx, params.id ?? '');
	const progress = await campaignProgress(ctx, access);
	return Response.json(campaignApiView(access.campaign, progress.total.allocated, progress), { headers: { 'cache-control': 'no-store' } });
});
