import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { checkIn, safetyPage } from '#modules/return/crisis/crisis.service.ts';


/** The personal link of a registration: its reference and status, and the "I am safe" button. */
export async function load({ params, locals, setHeaders }) {
	// a personal link: never kept by a cache, never sent on as a referrer
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const found = await safetyPage((await getApp()).database.db, params.token);
	if (!found) error(404, 'not_found');
	return { ...found, crisisTitle: pickText(found.crisisTitle, locals.language) };
}

export const actions = {
	default: async ({ locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		try {
			await checkIn(ctx, params.token);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			if (isAppError(failure) && failure.extra?.reason === 'crisis_closed') return fail(409, { errors: { '': translate(ctx.language, 'return.crisis_closed_notice') } });
			throw failure;
		}
		return { safe: true };
	}
};
