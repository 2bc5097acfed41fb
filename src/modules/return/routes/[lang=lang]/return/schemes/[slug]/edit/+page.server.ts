import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { forPage } from '#platform/http/page.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { organisationChoices } from '#platform/accounts/organisation.service.ts';
import { schemeForEdit, updateScheme } from '#modules/return/schemes/schemes.service.ts';

/** An entry of the catalogue, for the secretariat or its operator's people (the operator only for the secretariat). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const row = await forPage(schemeForEdit(ctx, params.slug));
	const values: Record<string, string> = { country: row.country, operatorOrganisationId: row.operatorOrganisationId ?? '', website: row.website ?? '', email: row.email ?? '', phone: row.phone ?? '', sourceName: row.sourceName ?? '', sourceUrl: row.sourceUrl ?? '' };
	for (const field of ['name', 'eligibility', 'support'] as const) for (const lang of ['fr', 'ar', 'en'] as const) values[`${field}_${lang}`] = row[field][lang] ?? '';
	return {
		slug: row.slug,
		values,
		kinds: row.supportKinds,
		countries: countryOptions(locals.language),
		operators: ctx.can('return.secretariat') ? await organisationChoices(ctx.db) : null
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await updateScheme(ctx, params.slug, { ...Object.fromEntries(data), supportKinds: data.getAll('supportKinds') });
		} catch (failure) {
			// another operator's entry, or an unknown one: the error page
			if (isAppError(failure) && (failure.code === 'forbidden' || failure.code === 'not_found')) error(failure.status, failure.code);
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/schemes?saved=1`);
	}
};
