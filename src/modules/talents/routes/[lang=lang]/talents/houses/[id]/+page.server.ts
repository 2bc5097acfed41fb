import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { canEditEntryOf, publicDirectoryEntry } from '#platform/directory/directory.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { collectionOf, getHouse, houseJsonLd, houseReferences } from '#modules/talents/directories/directories.ts';
import { resolveLinks } from '#platform/kernel/links.ts';

export async function load({ params, url, locals }) {
	const app = await getApp();
	const db = app.database.db;
	const { kind, found } = await getHouse(db, params.id, locals.actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const house = { kind, ...publicDirectoryEntry(found) };
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/talents/houses/${house.id}`;
	return {
		house,
		done: url.searchParams.get('done') === 'saved',
		status: found.entry.status,
		editable: canEditEntryOf(locals.actor, collectionOf(kind), found.organisation.id),
		jsonLd: found.entry.status === 'active' ? houseJsonLd(house, pageUrl, locals.language) : null,
		references: kind === 'house' ? await resolveLinks(db, houseReferences, locals.language) : [],
		regions: regionChoices(locals.language)
	};
}
