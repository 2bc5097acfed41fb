import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { parseForm } from '#platform/http/form.ts';
import { ProgrammeForm, programmeLanguages } from '#modules/jobs/support-schemas.ts';
import { createProgramme, organisationsForProgrammes } from '#modules/jobs/support-programmes.service.ts';
import { chosenFrom, clarifyErrors, programmeFormValues, regionOptions, supportFormFailure } from '#modules/jobs/support-pages.ts';
import { programmeServices } from '#modules/jobs/support.table.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await organisationsForProgrammes(app.database.db, locals.actor);
	return {
		organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
		...programmeFormValues(null, organisations.length === 1 ? organisations[0].id : ''),
		services: [...programmeServices],
		regions: regionOptions(locals.language),
		languages: [...programmeLanguages]
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
			created = await createProgramme(app.database.db, locals.audit, locals.actor, parsed.data);
		} catch (failure) {
			const refused = supportFormFailure(locals.language, failure, data);
			return fail(refused.status, { ...refused.data, chosen: chosenFrom(data) });
		}
		redirect(303, `/${locals.language}/jobs/programmes/${created.id}?done=created`);
	}
};
