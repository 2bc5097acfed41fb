import { error, redirect } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { OfferForm } from '#modules/jobs/jobs.schemas.ts';
import { createOffer, employerOrganisationsOf } from '#modules/jobs/jobs.service.ts';
import { offerFormChoices } from '../../employer-form.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await employerOrganisationsOf(app.database.db, locals.actor);
	const wanted = url.searchParams.get('organisation');
	const organisation = organisations.find((row) => row.id === wanted) ?? organisations[0];
	if (!organisation) error(403, 'forbidden');
	return { organisation, choices: await offerFormChoices(app.database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, OfferForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await createOffer(requestContext(app, locals), String(data.get('organisationId') ?? ''), parsed.data);
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/jobs/employer?done=created`);
	}
};
