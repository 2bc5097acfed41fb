import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { partnerAccess, partnerShortlist } from '#modules/jobs/placement/shortlist.service.ts';

/** A partner's shortlist of one campaign: pseudonymous cards (names only where the candidate consented), each view audited. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const access = await partnerAccess(ctx, params.id);
		const query = Object.fromEntries(url.searchParams);
		const { cards, next, filter } = await partnerShortlist(ctx, access, query);
		const { campaign } = access;
		return {
			campaign: { id: campaign.id, title: campaign.title, lang: campaign.lang, country: countryName(campaign.hostCountry, locals.language), region: campaign.hostRegion, status: campaign.status, isSample: campaign.isSample },
			partner: access.partner.name,
			cards,
			next,
			show: filter.show
		};
	} catch (failure) {
		if (isAppError(failure) && (failure.code === 'not_found' || failure.code === 'invalid_input')) error(404, 'not_found');
		throw failure;
	}
}
