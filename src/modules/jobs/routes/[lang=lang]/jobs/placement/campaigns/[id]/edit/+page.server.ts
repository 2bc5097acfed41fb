import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { campaignAccess, campaignLinks, campaignProgress, updateCampaign } from '#modules/jobs/placement/campaigns.service.ts';
import { campaignEditInputFrom, campaignFormChoices } from '#modules/jobs/placement/campaign-forms.ts';

/** The division changes a campaign's title, positions and links (quotas change through reallocations). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let access;
	try {
		access = await campaignAccess(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const [choices, progress, links] = await Promise.all([campaignFormChoices(ctx, locals.language), campaignProgress(ctx, access), campaignLinks(ctx, access.campaign)]);
	const { campaign } = access;
	const sameCountry = (option: { hostCountry: string }) => option.hostCountry === campaign.hostCountry;
	// the offer or agreement linked now stays in its list even when it is closed or ended
	const keep = <T extends { value: string }>(options: T[], linked: { id: string; title: string; lang: string | null } | null) =>
		linked && !options.some((option) => option.value === linked.id) ? [{ value: linked.id, label: linked.title, lang: linked.lang && linked.lang !== locals.language ? linked.lang : undefined }, ...options] : options;
	return {
		campaign: { id: campaign.id, title: campaign.title, lang: campaign.lang, country: countryName(campaign.hostCountry, locals.language), channel: campaign.channel, isSample: campaign.isSample },
		allocated: progress.total.allocated,
		offers: keep(choices.offers.filter(sameCountry).map(({ hostCountry: _country, ...option }) => option), links.offer),
		agreements: keep(choices.agreements.filter(sameCountry).map(({ hostCountry: _country, ...option }) => option), links.agreement),
		initial: { title: campaign.title, lang: campaign.lang, positions: String(campaign.positions), offerId: campaign.offerId ?? '', agreementId: campaign.agreementId ?? '' }
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let result;
		try {
			result = await updateCampaign(ctx, params.id, campaignEditInputFrom(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/campaigns/${params.id}?done=${result.changed.length ? 'updated' : 'unchanged'}`);
	}
};
