import { error, redirect } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { fail } from '@sveltejs/kit';
import { OfferForm } from '#modules/jobs/jobs.schemas.ts';
import { getOwnOffer, updateOffer } from '#modules/jobs/jobs.service.ts';
import { offerFormChoices, offerFormValues } from '../../employer-form.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	let offer;
	try {
		offer = await getOwnOffer(requestContext(app, locals), params.id);
	} catch {
		error(404, 'not_found');
	}
	return {
		offer: { id: offer.id, title: offer.title, status: offer.status },
		values: offerFormValues(offer),
		choices: await offerFormChoices(app.database.db, locals.language)
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, OfferForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateOffer(requestContext(app, locals), params.id, parsed.data);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: {}, errors: { '': translate(locals.language, 'jobs.error_wrong_status') } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/jobs/employer?done=saved`);
	}
};
