import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { forPage } from '#platform/http/page.ts';
import { mentoringConversation, writeMentoringMessage } from '#modules/talents/mentoring/mentoring.service.ts';
import { mentoringConflicts } from '#modules/talents/mentoring/mentoring-pages.ts';
import { MENTORING_MESSAGE_MONTHS } from '#modules/talents/retention.ts';

/** A mentoring request's page: its conversation, for its talent and its member only (someone else: 403). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { ...(await forPage(mentoringConversation(requestContext(app, locals), params.id))), months: MENTORING_MESSAGE_MONTHS };
}

export const actions = {
	write: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => writeMentoringMessage(requestContext(app, locals), params.id, { body: String(data.get('body') ?? '') }), {
			done: () => ({ done: 'message_sent' }),
			conflicts: mentoringConflicts
		});
	}
};
