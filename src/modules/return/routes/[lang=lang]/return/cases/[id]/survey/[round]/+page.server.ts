import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { reintegrationCaseHeader } from '#modules/return/reintegration.ts';
import { enterPaperSurvey, paperSurveyPage, savePaperSurveyDraft } from '#modules/return/survey.ts';
import { surveyFormFailure } from '#modules/return/ui/survey-form.ts';

/** The case worker enters the answers a returnee gave on paper for one round (or saves them to finish later). */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [page, header] = await Promise.all([forPage(paperSurveyPage(ctx, params.id, params.round)), forPage(reintegrationCaseHeader(ctx, params.id))]);
	return { ...page, personName: header.personName, draftSaved: url.searchParams.get('saved') === '1' };
}

export const actions = {
	answer: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await enterPaperSurvey(ctx, params.id, params.round, Object.fromEntries(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return surveyFormFailure(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/cases/${params.id}?done=survey_entered#survey-title`);
	},
	draft: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await savePaperSurveyDraft(ctx, params.id, params.round, Object.fromEntries(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return surveyFormFailure(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/cases/${params.id}/survey/${params.round}?saved=1`);
	}
};
