import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { parseForm } from '#platform/http/form.ts';
import { ProgrammeForm, programmeLanguages } from '#modules/jobs/support-schemas.ts';
import { createDirectoryEntry, organisationsForDirectory } from '#platform/directory/directory.service.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';
import { chosenFrom, clarifyErrors, funderOptions, initiativeOptions, programmeFormValues, regionOptions, supportFormFailure } from '#modules/jobs/support-pages.ts';
import { programmeServices } from '#modules/jobs/support.model.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await organisationsForDirectory(app.database.db, supportProgrammes, locals.actor);
	return {
		organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
		...programmeFormValues(null, organisations.length === 1 ? organisations[0].id : ''),
		services: [...programmeServices],
		regions: regionOptions(locals.language),
		languages: [...programmeLanguages],
		funders: await funderOptions(app.database.db),
		initiatives: await initiativeOptions(app.database.db, locals.language)
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ProgrammeForm, data);
		if (!parsed.ok) {
			return fail(400, { ...parsed.failure.data, errors: clarifyErrors(locals.language, parsed.failure.data.errors), chosen: chosenFrom(data) });
		}
		let created;
		try {
			created = await createDirectoryEntry(requestContext(app, locals), supportProgrammes, parsed.data);
		} catch (failure) {
			const refused = supportFormFailure(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/jobs/programmes/${created.id}?done=created`);
	}
};
