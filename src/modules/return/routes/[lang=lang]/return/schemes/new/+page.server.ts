import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { organisationChoices } from '#platform/accounts/organisation.service.ts';
import { addScheme } from '#modules/return/schemes/schemes.service.ts';

/** The secretariat adds a scheme to the catalogue. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return { countries: countryOptions(locals.language), operators: await organisationChoices(ctx.db) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await addScheme(ctx, { ...Object.fromEntries(data), supportKinds: data.getAll('supportKinds') });
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/schemes?saved=1`);
	}
};
