import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { bodyForEdit, updateBody } from '#modules/strategy/concertation.service.ts';
import { countriesManaged } from '#modules/strategy/concertation-access.ts';
import { bodyChoices, bodyFailure, bodyFormValues, bodyFromForm, bodyValues, withAddedMember } from '#modules/strategy/concertation-form.ts';

/** Whoever manages the body's country corrects it: its terms of reference, status, and member organisations with their roles. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const found = await forPage(bodyForEdit(ctx, params.body));
	const name = pickText(found.row.name as Record<string, string>, locals.language);
	return { slug: found.row.slug, name: name.text, nameLanguage: name.lang, values: bodyFormValues(found), choices: await bodyChoices(app.database.db, locals.language, await countriesManaged(ctx)) };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const values = bodyValues(await request.formData());
		const more = withAddedMember(values);
		if (more) return { values: more, errors: {} };
		try {
			await updateBody(ctx, params.body, bodyFromForm(values));
		} catch (failure) {
			return bodyFailure(ctx.language, failure, values);
		}
		redirect(303, `/${ctx.language}/strategy/concertation/${params.body}?saved=1`);
	}
};
