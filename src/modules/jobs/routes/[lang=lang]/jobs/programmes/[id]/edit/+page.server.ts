import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { parseForm } from '#platform/http/form.ts';
import { ProgrammeForm, programmeLanguages } from '#modules/jobs/support-schemas.ts';
import {
	canEditEntryOf,
	getDirectoryEntry,
	organisationsForDirectory,
	setDirectoryEntryStatus,
	updateDirectoryEntry
} from '#platform/directory/directory.service.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';
import { chosenFrom, clarifyErrors, funderOptions, initiativeOptions, programmeFormValues, regionOptions, supportFormFailure } from '#modules/jobs/support-pages.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { programmeServices } from '#modules/jobs/support.model.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const found = await forPage(getDirectoryEntry(app.database.db, supportProgrammes, params.id, locals.actor));
	// another organisation's programme: the partner may read it, not edit it
	if (!canEditEntryOf(locals.actor, supportProgrammes, found.entry.organisationId)) error(403, 'forbidden');
	const organisations = await organisationsForDirectory(app.database.db, supportProgrammes, locals.actor);
	return {
		id: found.entry.id,
		name: pickText(found.entry.name, locals.language).text,
		archived: found.entry.status === 'archived',
		organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
		...programmeFormValues(found.entry),
		services: [...programmeServices],
		regions: regionOptions(locals.language),
		languages: [...programmeLanguages],
		funders: await funderOptions(app.database.db),
		initiatives: await initiativeOptions(app.database.db, locals.language)
	};
}

export const actions = {
	update: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ProgrammeForm, data);
		if (!parsed.ok) {
			return fail(400, { ...parsed.failure.data, errors: clarifyErrors(locals.language, parsed.failure.data.errors), chosen: chosenFrom(data) });
		}
		try {
			await updateDirectoryEntry(requestContext(app, locals), supportProgrammes, params.id, parsed.data);
		} catch (failure) {
			const refused = supportFormFailure(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=updated`);
	},
	archive: async ({ locals, params }) => {
		const app = await getApp();
		await setDirectoryEntryStatus(requestContext(app, locals), supportProgrammes, params.id, 'archived').catch(refuse);
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=archived`);
	},
	restore: async ({ locals, params }) => {
		const app = await getApp();
		await setDirectoryEntryStatus(requestContext(app, locals), supportProgrammes, params.id, 'active').catch(refuse);
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=restored`);
	}
};

function refuse(failure: unknown): never {
	if (isAppError(failure)) error(failure.status, failure.code);
	throw failure;
}
