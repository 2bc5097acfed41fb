import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { createPlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { addedRow, offerRowFields, placementOfferFormChoices, placementOfferInputFrom } from '#modules/jobs/placement/placement-forms.ts';

/** The division writes an international placement offer (saved as a draft). */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return { choices: await placementOfferFormChoices(ctx), agreementId: url.searchParams.get('agreement') ?? '' };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const more = addedRow(data, offerRowFields);
		if (more) return { values: more, errors: {} };
		let id: string;
		try {
			id = (await createPlacementOffer(ctx, placementOfferInputFrom(data))).id;
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/offers/${id}?done=created`);
	}
};
