import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { addQuestion, closeSurvey, eventOfSurvey, getSurvey, hasAnswers, invitationCounts, moveQuestion, questionsOf, removeQuestion, surveyState, updateQuestion, updateSurvey } from '#modules/knowledge/surveys/survey.service.ts';
import { editorConflicts, questionChoices, questionFromForm, questionValues, settingsChoices, settingsFromForm, settingsValues, surveyFailure } from '#modules/knowledge/surveys/survey-form.ts';
import type { RequestEvent } from '@sveltejs/kit';

/**
 * The builder: the questions in order (each to correct, move or remove), one question's form at a time
 * (`?question=<id>` to correct one, else a new one), the settings, and closing the survey now.
 */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await forPage(getSurvey(ctx, params.slug));
	const questions = await questionsOf(ctx.db, row.id);
	const answered = await hasAnswers(ctx.db, row.id);
	const linked = await eventOfSurvey(ctx.db, row);
	const editing = questions.find((question) => question.id === url.searchParams.get('question')) ?? null;
	const before = editing ? questions.slice(0, questions.indexOf(editing)) : questions;
	return {
		survey: { slug: row.slug, title: row.title, state: surveyState(row, ctx.now()), isSample: row.isSample, reportedOnly: row.reported !== null },
		questions: questions.map((question, index) => ({ id: question.id, number: index + 1, kind: question.kind, label: question.label, required: question.required, conditional: question.condition !== null, options: question.options.length })),
		answered,
		invitations: await invitationCounts(ctx.db, row.id),
		editing: editing ? { id: editing.id, number: questions.indexOf(editing) + 1, values: questionValues(editing) } : null,
		questionChoices: questionChoices(ctx.language, before),
		settings: settingsValues(row, linked?.slug ?? null),
		settingsChoices: await settingsChoices(ctx.db, ctx.language),
		created: url.searchParams.get('created') === '1'
	};
}

type Context = Pick<RequestEvent, 'request' | 'locals' | 'params'> & { params: { slug: string } };

/** Runs one of the builder's changes; a refusal comes back with the form it belongs to. */
async function change(event: Context, which: 'settings' | 'question' | 'list', work: (ctx: ReturnType<typeof requestContext>, form: FormData) => Promise<unknown>, done: string) {
	const ctx = requestContext(await getApp(), event.locals);
	const form = await event.request.formData();
	const values = which === 'settings' ? settingsFromForm(form).values : which === 'question' ? questionFromForm(form).values : {};
	try {
		await work(ctx, form);
	} catch (failure) {
		return surveyFailure(ctx.language, failure, form, values, editorConflicts, { form: which === 'question' ? String(form.get('question') || 'add') : which });
	}
	return { done, form: which };
}

export const actions = {
	settings: (event) => change(event, 'settings', (ctx, form) => updateSurvey(ctx, event.params.slug, settingsFromForm(form).input), 'surveys.saved'),
	add: (event) => change(event, 'question', (ctx, form) => addQuestion(ctx, event.params.slug, questionFromForm(form).input), 'surveys.question_added'),
	question: async (event) => {
		const answer = await change(event, 'question', (ctx, form) => updateQuestion(ctx, event.params.slug, String(form.get('question') ?? ''), questionFromForm(form).input), 'surveys.question_saved');
		if ('done' in answer) redirect(303, `/${event.locals.language}/knowledge/surveys/${event.params.slug}/edit?saved=question`);
		return answer;
	},
	move: (event) => change(event, 'list', (ctx, form) => moveQuestion(ctx, event.params.slug, String(form.get('question') ?? ''), form.get('direction') === 'up' ? 'up' : 'down'), 'surveys.question_moved'),
	remove: (event) => change(event, 'list', (ctx, form) => removeQuestion(ctx, event.params.slug, String(form.get('question') ?? '')), 'surveys.question_removed'),
	close: (event) => change(event, 'list', (ctx) => closeSurvey(ctx, event.params.slug), 'surveys.closed_now')
};
