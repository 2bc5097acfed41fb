import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { answerByToken, invitationByToken } from '#modules/knowledge/surveys/survey.service.ts';
import { answerConflicts, answersFromForm, questionsForForm, surveyFailure } from '#modules/knowledge/surveys/survey-form.ts';

/** A personal link: the survey's questions for the person it was sent to, once, while the survey is open. */
export async function load({ locals, params, url, setHeaders }) {
	// the link is the key: never kept by a cache, never sent on as a referrer
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const ctx = requestContext(await getApp(), locals);
	const found = await invitationByToken(ctx, params.token);
	if (!found) error(404, 'not_found');
	return {
		survey: { slug: found.row.slug, title: found.row.title, intro: found.row.intro, state: found.state, anonymous: found.row.anonymous, closesAt: found.row.closesAt?.toISOString() ?? null, isSample: found.row.isSample },
		answered: found.answered,
		justAnswered: url.searchParams.get('answered') === '1',
		questions: found.state === 'open' && !found.answered ? questionsForForm(found.questions) : []
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const answers = answersFromForm(form);
		try {
			await answerByToken(ctx, params.token, answers);
		} catch (failure) {
			return surveyFailure(ctx.language, failure, form, {}, answerConflicts, { answers });
		}
		redirect(303, `/${ctx.language}/knowledge/surveys/answer/${params.token}?answered=1`);
	}
};
