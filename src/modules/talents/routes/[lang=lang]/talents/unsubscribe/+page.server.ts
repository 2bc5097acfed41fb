import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { unsubscribeByToken } from '#modules/talents/announcements.service.ts';

/** The link of an announcement e-mail shows a confirmation button: a link scanner following it unsubscribes nobody. */
export function load({ url }) {
	return { token: url.searchParams.get('token') ?? '' };
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const token = String((await request.formData()).get('token') ?? '');
		try {
			const found = await unsubscribeByToken(requestContext(app, locals), token);
			return { done: true, network: pickText(found.name, locals.language) };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { unknown: true });
			throw failure;
		}
	}
};
