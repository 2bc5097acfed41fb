import { error, fail } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { closeOffer, employerOrganisationsOf, listEmployerOffers, markOfferFilled, publishOffer } from '#modules/jobs/jobs.service.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await employerOrganisationsOf(app.database.db, locals.actor);
	const spaces = await Promise.all(
		organisations.map(async (organisation) => ({
			organisation,
			offers: (await listEmployerOffers(requestContext(app, locals), organisation.id)).map((offer) => ({
				id: offer.id,
				title: offer.title,
				status: offer.effectiveStatus,
				closingDate: offer.closingDate,
				returnReason: offer.returnReason,
				isSample: offer.isSample
			}))
		}))
	);
	return { spaces, done: url.searchParams.get('done') ?? '' };
}

type Change = typeof publishOffer | typeof closeOffer | typeof markOfferFilled;

function action(change: Change, done: string) {
	return async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('id') ?? '');
		try {
			const offer = await change(requestContext(app, locals), id);
			return { done: done === 'published' && offer.status === 'pending_validation' ? 'submitted' : done, id };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: {}, errors: { '': translate(locals.language, 'jobs.error_wrong_status') } });
			}
			if (isAppError(failure) && failure.code === 'invalid_input') {
				return fail(400, { values: {}, errors: { '': translate(locals.language, 'jobs.error_closing_past') } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
	};
}

export const actions = {
	publish: action(publishOffer, 'published'),
	close: action(closeOffer, 'closed'),
	fill: action(markOfferFilled, 'filled')
};
