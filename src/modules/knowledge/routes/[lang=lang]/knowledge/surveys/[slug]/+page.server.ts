import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { answerAsMember, eventOfSurvey, getSurvey, hasAnswered, questionsOf, resultsReadable, surveyState } from '#modules/knowledge/surveys/survey.service.ts';
import { answerConflicts, answersFromForm, questionsForForm, surveyFailure } from '#modules/knowledge/surveys/survey-form.ts';

/** A survey's page: what it asks and until when; the form for signed-in members when it takes answers here. */
export async function load({ locals, params, url }) {
	const ctx = requestContext(await getApp(), locals);
	const row = await forPage(getSurvey(ctx, params.slug));
	const state = surveyState(row, ctx.now());
	const linked = await eventOfSurvey(ctx.db, row);
	const answered = await hasAnswered(ctx, row);
	return {
		survey: {
			slug: row.slug,
			title: row.title,
			intro: row.intro,
			state,
			anonymous: row.anonymous,
			publicLink: row.publicLink,
			opensAt: row.opensAt?.toISOString() ?? null,
			closesAt: row.closesAt?.toISOString() ?? null,
			isSample: row.isSample,
			sources: row.sources,
			reportedOnly: row.reported !== null
		},
		event: linked ?? null,
		signedIn: Boolean(locals.user),
		answered,
		justAnswered: url.searchParams.get('answered') === '1',
		// the form only where and when it can be sent
		questions: row.publicLink && state === 'open' && locals.user && !answered ? questionsForForm(await questionsOf(ctx.db, row.id)) : [],
		resultsShown: resultsReadable(ctx, row) !== null,
		canEdit: ctx.can('knowledge.edit_surveys')
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		if (locals.denied) error(locals.denied, 'forbidden');
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const answers = answersFromForm(form);
		try {
			await answerAsMember(ctx, params.slug, answers);
		} catch (failure) {
			return surveyFailure(ctx.language, failure, form, {}, answerConflicts, { answers });
		}
		redirect(303, `/${ctx.language}/knowledge/surveys/${params.slug}?answered=1`);
	}
};
