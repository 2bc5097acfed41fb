import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createSurvey } from '#modules/knowledge/surveys/survey.service.ts';
import { settingsChoices, settingsFromForm, surveyFailure } from '#modules/knowledge/surveys/survey-form.ts';

/** An editor starts a survey (a draft unless published at once); its questions come next, on its edit page. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return { choices: await settingsChoices((await getApp()).database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = settingsFromForm(form);
		let slug: string;
		try {
			slug = (await createSurvey(ctx, input)).slug;
		} catch (failure) {
			return surveyFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/surveys/${slug}/edit?created=1`);
	}
};
