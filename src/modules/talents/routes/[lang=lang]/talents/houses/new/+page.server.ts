import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createDirectoryEntry, organisationsForDirectory } from '#platform/directory/directory.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { chosenFrom, collectionOf, entryFormValues, HouseForm, houseServices, type HouseKind } from '#modules/talents/directories/directories.ts';

const kindOf = (value: string | null): HouseKind => (value === 'desk' ? 'desk' : 'house');

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const kind = kindOf(url.searchParams.get('kind'));
	const organisations = await organisationsForDirectory(app.database.db, collectionOf(kind), locals.actor);
	if (!organisations.length) error(403, 'forbidden');
	return {
		kind,
		...entryFormValues(null, organisations.length === 1 ? organisations[0].id : ''),
		choices: {
			organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
			services: [...houseServices],
			regions: regionChoices(locals.language),
			networks: []
		}
	};
}

export const actions = {
	default: async ({ request, url, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const kind = kindOf(url.searchParams.get('kind'));
		const parsed = parseForm(locals.language, HouseForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, chosen: chosenFrom(data) });
		let id: string;
		try {
			id = (await createDirectoryEntry(requestContext(app, locals), collectionOf(kind), parsed.data)).id;
		} catch (failure) {
			const refused = formFailureFrom(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/talents/houses/${id}?done=saved`);
	}
};
