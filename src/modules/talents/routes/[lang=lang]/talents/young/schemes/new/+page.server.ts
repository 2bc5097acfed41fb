import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createDirectoryEntry, organisationsForDirectory } from '#platform/directory/directory.service.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { chosenFrom, INITIATIVE_LINK, SchemeForm, schemeFormValues, schemeServices, supportSchemes } from '#modules/talents/young/support-schemes.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await organisationsForDirectory(app.database.db, supportSchemes, locals.actor);
	if (!organisations.length) error(403, 'forbidden');
	return {
		...schemeFormValues(null, organisations.length === 1 ? organisations[0].id : ''),
		choices: {
			organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
			services: [...schemeServices],
			regions: regionChoices(locals.language),
			initiatives: await linkChoices(app.database.db, INITIATIVE_LINK, locals.language)
		}
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, SchemeForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, chosen: chosenFrom(data) });
		try {
			await createDirectoryEntry(requestContext(app, locals), supportSchemes, parsed.data);
		} catch (failure) {
			const refused = formFailureFrom(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/talents/young?done=scheme_saved#schemes-title`);
	}
};
