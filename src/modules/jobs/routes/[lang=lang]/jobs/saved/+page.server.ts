import { error, fail, redirect } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { can } from '#platform/policy/policy.ts';
import { listSavedOffers, removeSavedOffer, saveOffer } from '#modules/jobs/saved-offers/saved-offers.service.ts';

const notices = { saved: 'saved_done', removed: 'removed_done' } as const;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const canSave = can(locals.actor, 'saved_offers.manage_own');
	const done = url.searchParams.get('done');
	return {
		canSave,
		signedIn: Boolean(locals.user),
		offers: canSave ? await listSavedOffers(requestContext(app, locals)) : [],
		notice: done === 'saved' || done === 'removed' ? notices[done] : null
	};
}

/** Where to go after a change: back to the offer's page (its form) or to this list (post/redirect/get). */
function back(language: string, data: FormData, offerId: string, done: 'saved' | 'removed') {
	const to = data.get('return') === 'offer' ? `/${language}/jobs/offers/${offerId}?done=${done}` : `/${language}/jobs/saved?done=${done}`;
	return redirect(303, to);
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const offerId = String(data.get('offerId') ?? '');
		try {
			await saveOffer(requestContext(app, locals), offerId);
		} catch (failure) {
			const reason = isAppError(failure) ? (failure.extra as { reason?: string; max?: number } | undefined) : undefined;
			if (reason?.reason === 'too_many_saved_offers') {
				return fail(409, { values: formValues(data), errors: { '': translate(locals.language, 'saved.too_many', { max: reason.max ?? 0 }) } });
			}
			if (isAppError(failure) && failure.code === 'not_found') {
				return fail(404, { values: formValues(data), errors: { '': translate(locals.language, 'saved.not_open') } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		back(locals.language, data, offerId, 'saved');
	},
	remove: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const offerId = String(data.get('offerId') ?? '');
		try {
			await removeSavedOffer(requestContext(app, locals), offerId);
		} catch (failure) {
			// already gone (a second click, another device): the person's wish is met
			if (!isAppError(failure) || failure.code !== 'not_found') return formFailureFrom(locals.language, failure, data);
		}
		back(locals.language, data, offerId, 'removed');
	}
};
