import { error, fail, isActionFailure, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction, formFailureFrom, type FormFailure } from '#platform/http/form.ts';
import type { RequestContext } from '#platform/kernel/context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { closePlacementOffer, getPlacementOffer, publishPlacementOffer, updatePlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { addedRow, offerRowFields, placementOfferFormChoices, placementOfferFormValues, placementOfferInputFrom } from '#modules/jobs/placement/placement-forms.ts';
import { offerPipeline, openOfferPipeline } from '#modules/jobs/placement/campaigns.service.ts';
import { pipelineRefusal } from '#modules/jobs/placement/campaign-forms.ts';

const conflicts = { offer_not_editable: 'jobs.error_wrong_status', offer_not_draft: 'jobs.error_wrong_status', offer_wrong_status: 'jobs.error_wrong_status' };

/**
 * Publishing or closing, from their one-button forms: a refusal says why and sends back none of those
 * forms' (absent) fields, so the page shows the offer's edit form as it is stored rather than emptied.
 */
async function offerStep(ctx: RequestContext, data: FormData, step: () => Promise<unknown>, done: string) {
	const answer = await formAction(ctx.language, data, step, { done: () => ({ done }), conflicts });
	return isActionFailure(answer) ? fail(answer.status, { errors: (answer.data as unknown as FormFailure).errors }) : answer;
}

/** The division edits, publishes or closes one of its offers abroad, and opens the pipeline of a qualified individual one. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let found;
	try {
		found = await getPlacementOffer(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	return {
		offer: { id: found.offer.id, title: found.offer.title, lang: found.terms.lang, status: found.status, channel: found.offer.channel },
		pipeline: await offerPipeline(ctx, found),
		values: placementOfferFormValues(found),
		choices: await placementOfferFormChoices(ctx),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const more = addedRow(data, offerRowFields);
		if (more) return { values: more, errors: {} };
		try {
			await updatePlacementOffer(ctx, params.id, placementOfferInputFrom(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/offers/${params.id}?done=saved`);
	},
	publish: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		return offerStep(ctx, await request.formData(), () => publishPlacementOffer(ctx, params.id), 'published');
	},
	close: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		return offerStep(ctx, await request.formData(), () => closePlacementOffer(ctx, params.id), 'closed');
	},
	pipeline: async ({ locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		let campaignId: string;
		try {
			campaignId = (await openOfferPipeline(ctx, params.id)).id;
		} catch (failure) {
			return pipelineRefusal(ctx.language, failure);
		}
		redirect(303, `/${ctx.language}/jobs/placement/campaigns/${campaignId}?done=opened`);
	}
};
