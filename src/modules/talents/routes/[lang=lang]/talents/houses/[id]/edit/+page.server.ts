import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { canEditEntryOf, organisationsForDirectory, setDirectoryEntryStatus, updateDirectoryEntry } from '#platform/directory/directory.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { chosenFrom, collectionOf, entryFormValues, getHouse, HouseForm, houseServices } from '#modules/talents/directories/directories.ts';

async function found(db: Parameters<typeof getHouse>[0], id: string, actor: Parameters<typeof getHouse>[2]) {
	return getHouse(db, id, actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
}

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const { kind, found: house } = await found(app.database.db, params.id, locals.actor);
	const collection = collectionOf(kind);
	// another organisation's entry: nothing to edit here
	if (!canEditEntryOf(locals.actor, collection, house.entry.organisationId)) error(403, 'forbidden');
	const organisations = await organisationsForDirectory(app.database.db, collection, locals.actor);
	return {
		id: house.entry.id,
		kind,
		status: house.entry.status,
		isSample: house.entry.isSample,
		...entryFormValues(house.entry),
		choices: {
			organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
			services: [...houseServices],
			regions: regionChoices(locals.language),
			networks: []
		}
	};
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, HouseForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, chosen: chosenFrom(data) });
		try {
			const { kind } = await found(app.database.db, params.id, locals.actor);
			await updateDirectoryEntry(requestContext(app, locals), collectionOf(kind), params.id, parsed.data);
		} catch (failure) {
			const refused = formFailureFrom(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/talents/houses/${params.id}?done=saved`);
	},
	archive: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const archive = data.get('to') !== 'active';
		try {
			const { kind } = await found(app.database.db, params.id, locals.actor);
			await setDirectoryEntryStatus(requestContext(app, locals), collectionOf(kind), params.id, archive ? 'archived' : 'active');
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: archive ? 'archived' : 'restored' };
	}
};
