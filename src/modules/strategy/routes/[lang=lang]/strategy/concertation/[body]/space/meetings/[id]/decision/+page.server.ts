import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { decisionPage, recordDecision } from '#modules/strategy/concertation.service.ts';
import { decisionChoices, decisionFailure } from '#modules/strategy/concertation-form.ts';

/** The body's secretariat records a decision (or a recommendation) of a held meeting: then followed in the tracker. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	return { ...(await forPage(decisionPage(ctx, params.body, params.id))), choices: await decisionChoices(app.database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		try {
			await recordDecision(ctx, params.body, params.id, Object.fromEntries(form));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			if (isAppError(failure) && failure.extra?.reason === 'meeting_not_held') return decisionFailure(ctx.language, failure, form, translate(ctx.language, 'workspace.error_meeting_not_held'));
			return decisionFailure(ctx.language, failure, form);
		}
		redirect(303, `/${ctx.language}/strategy/concertation/${params.body}/space/meetings/${params.id}?recorded=1#decisions-heading`);
	}
};
