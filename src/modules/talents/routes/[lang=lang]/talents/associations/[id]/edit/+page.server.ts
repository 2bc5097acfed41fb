import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { canEditEntryOf, getDirectoryEntry, setDirectoryEntryStatus } from '#platform/directory/directory.service.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { AssociationForm, associationFields, associationOrganisations, associations, chosenFrom, entryFormValues, NETWORK_LINK, updateAssociation } from '#modules/talents/directories/directories.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const found = await getDirectoryEntry(app.database.db, associations, params.id, locals.actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	// another organisation's entry: nothing to edit here
	if (!canEditEntryOf(locals.actor, associations, found.entry.organisationId)) error(403, 'forbidden');
	const organisations = await associationOrganisations(app.database.db, locals.actor);
	return {
		id: found.entry.id,
		status: found.entry.status,
		isSample: found.entry.isSample,
		...entryFormValues(found.entry),
		choices: {
			organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
			services: [...associationFields],
			regions: regionChoices(locals.language),
			networks: await linkChoices(app.database.db, NETWORK_LINK, locals.language)
		}
	};
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, AssociationForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, chosen: chosenFrom(data) });
		try {
			await updateAssociation(requestContext(app, locals), params.id, parsed.data);
		} catch (failure) {
			const refused = formFailureFrom(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/talents/associations/${params.id}?done=saved`);
	},
	archive: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const archive = data.get('to') !== 'active';
		try {
			await setDirectoryEntryStatus(requestContext(app, locals), associations, params.id, archive ? 'archived' : 'active');
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: archive ? 'archived' : 'restored' };
	}
};
