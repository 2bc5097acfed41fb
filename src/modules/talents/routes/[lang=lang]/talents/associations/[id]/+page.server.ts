import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { canEditEntryOf } from '#platform/directory/directory.service.ts';
import { countryName } from '#platform/geo/countries.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { associationJsonLd, associations, getAssociation } from '#modules/talents/directories/directories.ts';

export async function load({ params, url, locals }) {
	const app = await getApp();
	const { found, view } = await getAssociation(app.database.db, params.id, locals.language, locals.actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const publicUrl = app.settings.publicUrl.replace(/\/$/, '');
	return {
		association: { ...view, countryName: view.country ? countryName(view.country, locals.language) : null },
		done: url.searchParams.get('done') === 'saved',
		status: found.entry.status,
		editable: canEditEntryOf(locals.actor, associations, found.organisation.id),
		jsonLd: found.entry.status === 'active' ? associationJsonLd(view, `${publicUrl}/${locals.language}/talents/associations/${view.id}`, publicUrl, locals.language) : null,
		regions: regionChoices(locals.language)
	};
}
