import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { CampaignInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createCampaign, listCampaigns } from '#modules/jobs/placement/campaigns.service.ts';
import { campaignApiView } from '#modules/jobs/placement/campaigns-api.ts';

/** The campaigns the caller works on (the division: all; agency staff: their agencies'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const rows = await listCampaigns(requestContext(await getApp(), locals));
	return Response.json({ items: rows.map((row) => campaignApiView(row.campaign, row.allocated)) }, { headers: { 'cache-control': 'no-store' } });
});

/** The division creates a campaign with its agency quotas. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const created = await createCampaign(requestContext(await getApp(), locals), await readJson(request, CampaignInput));
	return Response.json(campaignApiView(created, 0), { status: 201 });
});
