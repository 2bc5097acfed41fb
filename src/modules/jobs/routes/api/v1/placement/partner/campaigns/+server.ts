import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { partnerCampaigns } from '#modules/jobs/placement/shortlist.service.ts';

/** The campaigns of the caller's partner organisations, with the candidates put forward and those waiting for a decision. */
export const GET = apiEndpoint(async ({ locals }) => {
	const rows = await partnerCampaigns(requestContext(await getApp(), locals));
	return Response.json(
		{
			items: rows.map(({ campaign, partner, candidates, pending }) => ({
				id: campaign.id,
				title: campaign.title,
				lang: campaign.lang,
				hostCountry: campaign.hostCountry,
				hostRegion: campaign.hostRegion,
				channel: campaign.channel,
				status: campaign.status,
				isSample: campaign.isSample,
				partner: { id: partner.id, name: partner.name },
				candidates,
				pending
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});
