import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { askMentoring, getOffer } from '#modules/talents/mentoring/mentoring.service.ts';
import { mentoringConflicts, offersForPage } from '#modules/talents/mentoring/mentoring-pages.ts';

export async function load({ params, locals }) {
	const app = await getApp();
	const found = await getOffer(requestContext(app, locals), params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const [offer] = await offersForPage(app.database.db, locals.language, [found.offer]);
	return { offer, own: found.own, request: found.request, signedIn: Boolean(locals.actor) };
}

export const actions = {
	ask: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => askMentoring(requestContext(app, locals), { offerId: params.id, message: String(data.get('message') ?? '') }), {
			done: () => ({ done: 'asked' }),
			conflicts: mentoringConflicts
		});
	}
};
