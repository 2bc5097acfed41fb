import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction, splitItems } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { confirmedParticipants, eventOfSurvey, getSurvey, invitationCounts, inviteToSurvey, surveyState } from '#modules/knowledge/surveys/survey.service.ts';
import { editorConflicts } from '#modules/knowledge/surveys/survey-form.ts';

/** The personal links: how many were sent and used (never who answered what), and sending more. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const row = await forPage(getSurvey(ctx, params.slug));
	const linked = await eventOfSurvey(ctx.db, row);
	return {
		survey: { slug: row.slug, title: row.title, state: surveyState(row, ctx.now()), anonymous: row.anonymous },
		event: linked ?? null,
		participants: await confirmedParticipants(ctx.db, row),
		counts: await invitationCounts(ctx.db, row.id)
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		// addresses one per line (or separated by commas, semicolons or spaces)
		const emails = splitItems(String(data.get('emails') ?? '').replace(/[\s,;]+/g, '\n'));
		return formAction(ctx.language, data, () => inviteToSurvey(ctx, params.slug, { participants: data.get('participants'), emails }), {
			done: (result) => ({ sent: result.sent, skipped: result.skipped }),
			conflicts: editorConflicts,
			adjust: (errors) => {
				// "emails.3" → the addresses' box
				for (const key of Object.keys(errors)) if (key.startsWith('emails.')) errors.emails ??= errors[key];
				for (const key of Object.keys(errors)) if (key.startsWith('emails.')) delete errors[key];
			}
		});
	}
};
