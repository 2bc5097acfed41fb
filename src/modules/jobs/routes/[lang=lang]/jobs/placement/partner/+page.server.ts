import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { partnerCampaigns } from '#modules/jobs/placement/shortlist.service.ts';

/** A partner's campaigns: those whose agreement or offer abroad is its organisation's, with the candidates to review. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const rows = await partnerCampaigns(ctx);
	return {
		items: rows.map(({ campaign, partner, candidates, pending }) => ({
			id: campaign.id,
			title: campaign.title,
			lang: campaign.lang,
			country: countryName(campaign.hostCountry, locals.language),
			region: campaign.hostRegion,
			channel: campaign.channel,
			isSample: campaign.isSample,
			partner: partner.name,
			candidates,
			pending
		}))
	};
}
