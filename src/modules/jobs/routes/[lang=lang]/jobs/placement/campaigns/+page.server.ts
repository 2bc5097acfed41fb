import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { listCampaigns } from '#modules/jobs/placement/campaigns.service.ts';

/** The campaigns the person works on: all for the division, their agencies' for agency staff. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const rows = await listCampaigns(ctx);
	return {
		campaigns: rows.map(({ campaign, allocated, candidates, preselected }) => ({
			id: campaign.id,
			title: campaign.title,
			lang: campaign.lang,
			country: countryName(campaign.hostCountry, locals.language),
			region: campaign.hostRegion,
			channel: campaign.channel,
			positions: campaign.positions,
			allocated,
			candidates,
			preselected,
			status: campaign.status,
			isSample: campaign.isSample
		})),
		canCreate: ctx.can('placement.campaign.manage')
	};
}
