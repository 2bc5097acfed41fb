import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { parseForm } from '#platform/http/form.ts';
import { ProgrammeForm, programmeLanguages } from '#modules/jobs/support-schemas.ts';
import {
	canEditProgrammeOf,
	getProgramme,
	organisationsForProgrammes,
	setProgrammeStatus,
	updateProgramme
} from '#modules/jobs/support-programmes.service.ts';
import { chosenFrom, clarifyErrors, programmeFormValues, regionOptions, supportFormFailure } from '#modules/jobs/support-pages.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { programmeServices } from '#modules/jobs/support.table.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const found = await getProgramme(app.database.db, params.id, locals.actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	// another organisation's programme: the partner may read it, not edit it
	if (!canEditProgrammeOf(locals.actor, found.programme.organisationId)) error(403, 'forbidden');
	const organisations = await organisationsForProgrammes(app.database.db, locals.actor);
	return {
		id: found.programme.id,
		name: pickText(found.programme.name, locals.language).text,
		archived: found.programme.status === 'archived',
		organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
		...programmeFormValues(found.programme),
		services: [...programmeServices],
		regions: regionOptions(locals.language),
		languages: [...programmeLanguages]
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
			await updateProgramme(app.database.db, locals.audit, locals.actor, params.id, parsed.data);
		} catch (failure) {
			const refused = supportFormFailure(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=updated`);
	},
	archive: async ({ locals, params }) => {
		const app = await getApp();
		await setProgrammeStatus(app.database.db, locals.audit, locals.actor, params.id, 'archived').catch(refuse);
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=archived`);
	},
	restore: async ({ locals, params }) => {
		const app = await getApp();
		await setProgrammeStatus(app.database.db, locals.audit, locals.actor, params.id, 'active').catch(refuse);
		redirect(303, `/${locals.language}/jobs/programmes/${params.id}?done=restored`);
	}
};

function refuse(failure: unknown): never {
	if (isAppError(failure)) error(failure.status, failure.code);
	throw failure;
}
