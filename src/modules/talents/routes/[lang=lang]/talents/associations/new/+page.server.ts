import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { AssociationForm, associationFields, associationOrganisations, chosenFrom, createAssociation, entryFormValues, NETWORK_LINK } from '#modules/talents/directories/directories.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	// only organisations of the type "diaspora association" (moderators: all of them; members: their own)
	const organisations = await associationOrganisations(app.database.db, locals.actor);
	return {
		noOrganisation: organisations.length === 0,
		...entryFormValues(null, organisations.length === 1 ? organisations[0].id : ''),
		choices: {
			organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
			services: [...associationFields],
			regions: regionChoices(locals.language),
			networks: await linkChoices(app.database.db, NETWORK_LINK, locals.language)
		}
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, AssociationForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, chosen: chosenFrom(data) });
		let id: string;
		try {
			id = (await createAssociation(requestContext(app, locals), parsed.data)).id;
		} catch (failure) {
			const refused = formFailureFrom(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/talents/associations/${id}?done=saved`);
	}
};
