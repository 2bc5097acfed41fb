import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { getPublicOffer } from '#modules/jobs/jobs.service.ts';
import { ApplicationForm } from '#modules/jobs/seekers/seekers.schemas.ts';
import { applyToOffer, getOwnProfile, hasApplied } from '#modules/jobs/seekers/seekers.service.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	let offer;
	try {
		offer = await getPublicOffer(app.database.db, params.id, locals.language);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	// candidates for an offer abroad go through ANAPEC's international placement (the offer page says how)
	if (offer.abroad) redirect(303, `/${locals.language}/jobs/offers/${offer.id}#abroad-conditions`);
	const profile = await getOwnProfile(requestContext(app, locals));
	return {
		offer: { id: offer.id, title: offer.title, employer: offer.employer.name },
		hasProfile: !!profile,
		hasCv: !!profile?.cvFile,
		alreadyApplied: await hasApplied(requestContext(app, locals), offer.id)
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ApplicationForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await applyToOffer(requestContext(app, locals), params.id, { message: parsed.data.message, share: true });
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				const reason = (failure.extra as { reason?: string } | undefined)?.reason;
				const key = reason === 'profile_missing' ? 'seekers.apply_needs_profile' : reason === 'offer_abroad' ? 'placement.apply_through_anapec' : 'seekers.error_already_applied';
				return fail(409, { values: { message: parsed.data.message }, errors: { '': translate(locals.language, key) } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/jobs/applications?done=apply_done`);
	}
};
