import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryName, countryOptions, currentCountryCode } from '#platform/geo/countries.ts';
import { getPensionAgreement, pensionFormValues, savePensionAgreement } from '#modules/return/pension.service.ts';

/** Moderators choose a host country (picker), then edit its entry; `?country=BE` opens one directly. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	await forPage(async () => ctx.require('return.pension.manage'));
	const asked = url.searchParams.get('country');
	const country = asked ? currentCountryCode(asked) : null;
	const row = country ? await getPensionAgreement(ctx.db, country) : null;
	return {
		countries: countryOptions(ctx.language),
		country,
		countryLabel: country ? countryName(country, ctx.language) : null,
		values: country ? pensionFormValues(row, country) : null
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let saved;
		try {
			saved = await savePensionAgreement(ctx, Object.fromEntries(data));
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/pensions?saved=1&country=${saved.countryCode}#country-${saved.countryCode}`);
	}
};
