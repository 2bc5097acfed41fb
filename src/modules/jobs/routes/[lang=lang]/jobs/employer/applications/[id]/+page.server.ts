import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { StatusInput } from '#modules/jobs/seekers/seekers.schemas.ts';
import { openApplication, setApplicationStatus } from '#modules/jobs/seekers/seekers.service.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		// opening marks the application viewed and records the read of personal data
		return { application: await openApplication(requestContext(app, locals), params.id) };
	} catch (failure) {
		if (isAppError(failure)) error(failure.status === 403 ? 403 : 404, failure.code);
		throw failure;
	}
}

export const actions = {
	status: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, StatusInput, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await setApplicationStatus(requestContext(app, locals), params.id, parsed.data);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') return fail(409, { values: {}, errors: { '': translate(locals.language, 'seekers.error_application_withdrawn') } });
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'status_saved' };
	}
};
