import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { appointCoordinator, getNetworkPage, networkCoordinators, removeCoordinator } from '#modules/talents/networks.service.ts';

/** A coordinator of another network reaches the route (the grant opens it) but is refused here. */
const refused = (failure: unknown) => {
	if (isAppError(failure) && (failure.code === 'forbidden' || failure.code === 'not_found')) error(failure.code === 'forbidden' ? 403 : 404, failure.code);
	throw failure;
};

export async function load({ params, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const found = await networkCoordinators(ctx, params.slug).catch(refused);
	const { network } = await getNetworkPage(app.database.db, params.slug);
	return {
		slug: network.slug,
		name: pickText(network.name, locals.language),
		me: locals.actor?.userId ?? null,
		coordinators: found.coordinators.map((entry) => ({ grantId: entry.grantId, userId: entry.userId, name: entry.name, since: entry.createdAt.toISOString() })),
		candidates: found.candidates
	};
}

export const actions = {
	appoint: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await appointCoordinator(requestContext(app, locals), params.slug, String(data.get('person') ?? ''));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') return fail(409, { errors: { person: translate(locals.language, 'talents.coordinator_exists') } });
			if (isAppError(failure) && failure.code === 'invalid_input') return formFailureFrom(locals.language, failure, data);
			refused(failure);
		}
		return { done: 'appointed' };
	},
	remove: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await removeCoordinator(requestContext(app, locals), params.slug, String(data.get('grant') ?? ''));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') return fail(409, { errors: { '': translate(locals.language, 'talents.coordinator_last') } });
			refused(failure);
		}
		return { done: 'removed' };
	}
};
