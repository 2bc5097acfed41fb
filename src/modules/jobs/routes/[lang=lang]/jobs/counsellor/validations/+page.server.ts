import { error, fail } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { approveOffer, listPendingValidations, returnOffer } from '#modules/jobs/jobs.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { offers: await listPendingValidations(requestContext(app, locals)) };
}

function failure(language: App.Locals['language'], thrown: unknown, data: FormData) {
	if (isAppError(thrown) && thrown.code === 'conflict') {
		return fail(409, { values: {}, errors: { '': translate(language, 'jobs.error_wrong_status') } });
	}
	return formFailureFrom(language, thrown, data);
}

export const actions = {
	approve: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await approveOffer(requestContext(app, locals), String(data.get('id') ?? ''));
		} catch (thrown) {
			return failure(locals.language, thrown, data);
		}
		return { done: 'approved' };
	},
	return: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('id') ?? '');
		try {
			await returnOffer(requestContext(app, locals), id, String(data.get('reason') ?? ''));
		} catch (thrown) {
			if (isAppError(thrown) && thrown.code === 'invalid_input') {
				return fail(400, { values: { reason: String(data.get('reason') ?? '') }, errors: { [`reason-${id}`]: translate(locals.language, 'jobs.error_reason') }, id });
			}
			return failure(locals.language, thrown, data);
		}
		return { done: 'returned' };
	}
};
