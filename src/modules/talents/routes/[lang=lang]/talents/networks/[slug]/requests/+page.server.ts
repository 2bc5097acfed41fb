import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { countryName } from '#platform/geo/countries.ts';
import { decideRequest, getNetworkPage, pendingRequests } from '#modules/talents/networks.service.ts';

/** A coordinator of another network reaches the route (the grant opens it) but is refused here. */
const refused = (failure: unknown) => {
	if (isAppError(failure) && (failure.code === 'forbidden' || failure.code === 'not_found')) error(failure.code === 'forbidden' ? 403 : 404, failure.code);
	throw failure;
};

export async function load({ params, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const waiting = await pendingRequests(ctx, params.slug).catch(refused);
	const { network } = await getNetworkPage(app.database.db, params.slug);
	return {
		slug: network.slug,
		name: pickText(network.name, locals.language),
		requests: waiting.map((entry) => ({ userId: entry.userId, name: entry.name, city: entry.hostCity, country: countryName(entry.hostCountry, locals.language), requestedAt: entry.requestedAt.toISOString() }))
	};
}

export const actions = {
	default: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const userId = String(data.get('userId') ?? '');
		const decision = String(data.get('decision') ?? '');
		if (!userId || !['accept', 'refuse'].includes(decision)) return fail(400, { errors: { '': translate(locals.language, 'errors.invalid_input') } });
		try {
			await decideRequest(requestContext(app, locals), params.slug, userId, decision === 'accept');
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { errors: { '': translate(locals.language, 'talents.request_gone') } });
			refused(failure);
		}
		return { done: decision === 'accept' ? 'accepted' : 'refused' };
	}
};
