import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { readQuery } from '#platform/http/api.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { sendReferralForm } from '#platform/casework/casework.web.ts';
import { ServiceQuery } from '#modules/return/return.schemas.ts';
import { findServices } from '#modules/return/network.ts';
import { reintegrationCaseHeader, reintegrationFollowUp } from '#modules/return/reintegration.ts';

/**
 * The referral form: find a service of the RAMre network (by region — the returnee's by default — and
 * need), write the message, record the returnee's agreement.
 */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const header = await forPage(reintegrationCaseHeader(ctx, params.id));
	let query;
	let invalid = false;
	try {
		query = readQuery(url, ServiceQuery);
	} catch (failure) {
		if (!isAppError(failure)) throw failure;
		query = ServiceQuery.parse({});
		invalid = true;
	}
	const region = url.searchParams.has('region') ? query.region : header.regionCode;
	const found = await findServices(ctx.db, { ...query, region, pageSize: 30 }, locals.language);
	return {
		header,
		invalid,
		region: region ?? '',
		stage: query.stage ?? '',
		q: query.q ?? '',
		total: found.total,
		regions: regionChoices(locals.language),
		services: found.items.map((item) => {
			const name = pickText(item.name, locals.language);
			return { id: item.id, name: name.text, nameLanguage: name.lang, organisation: item.organisation.name, services: item.services, isSample: item.isSample };
		})
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const header = await forPage(reintegrationCaseHeader(ctx, params.id));
		return sendReferralForm(ctx, reintegrationFollowUp, header.personId, await request.formData(), `/${locals.language}/return/cases/${params.id}`);
	}
};
