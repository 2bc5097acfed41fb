import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { answerSurveyByToken, saveSurveyDraftByToken, surveyByToken } from '#modules/return/survey.ts';
import { surveyFormFailure } from '#modules/return/ui/survey-form.ts';

/** The returnee's survey through their personal link: a light page, no sign-in, no JavaScript needed. */
export async function load({ params, setHeaders }) {
	// a personal link: never kept by a cache, never sent on as a referrer
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const found = await surveyByToken((await getApp()).database.db, params.token);
	return { survey: found ? { round: found.round, answered: found.answered, saved: found.saved as Record<string, string>, operatorName: found.operatorName } : null };
}

export const actions = {
	answer: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await answerSurveyByToken(ctx, params.token, Object.fromEntries(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { values: {}, errors: { '': translate(ctx.language, 'return.survey_unknown_link') } });
			return surveyFormFailure(ctx.language, failure, data);
		}
		return { thanks: true };
	},
	draft: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			const { saved } = await saveSurveyDraftByToken(ctx, params.token, Object.fromEntries(data));
			return { draftSaved: saved };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { values: {}, errors: { '': translate(ctx.language, 'return.survey_unknown_link') } });
			return surveyFormFailure(ctx.language, failure, data);
		}
	}
};
