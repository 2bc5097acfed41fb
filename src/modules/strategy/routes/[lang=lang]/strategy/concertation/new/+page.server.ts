import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createBody } from '#modules/strategy/concertation.service.ts';
import { bodyChoices, bodyFailure, bodyFromForm, bodyValues, withAddedMember } from '#modules/strategy/concertation-form.ts';

/** A moderator creates a regional concertation body with its terms of reference and member organisations. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const region = url.searchParams.get('region') ?? '';
	return { choices: await bodyChoices(app.database.db, locals.language), values: { region: /^MA-\d{2}$/.test(region) ? region : '' } };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const values = bodyValues(await request.formData());
		// "add a member" without JavaScript: the same form, one more row
		const more = withAddedMember(values);
		if (more) return { values: more, errors: {} };
		let slug: string;
		try {
			slug = (await createBody(ctx, bodyFromForm(values))).slug;
		} catch (failure) {
			return bodyFailure(ctx.language, failure, values);
		}
		redirect(303, `/${ctx.language}/strategy/concertation/${slug}?saved=1`);
	}
};
