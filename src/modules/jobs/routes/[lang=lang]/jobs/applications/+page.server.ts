import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { listMyApplications, withdrawApplication } from '#modules/jobs/seekers/seekers.service.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { applications: await listMyApplications(requestContext(app, locals)), done: url.searchParams.get('done') === 'apply_done' ? 'apply_done' : '' };
}

export const actions = {
	withdraw: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await withdrawApplication(requestContext(app, locals), String(data.get('id') ?? ''));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') return fail(409, { errors: { '': translate(locals.language, 'seekers.error_application_final') } });
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'withdrawn_done' };
	}
};
