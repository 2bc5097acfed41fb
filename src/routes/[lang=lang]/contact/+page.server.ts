import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { contactTopics } from '#platform/site/site.model.ts';
import { sendContactMessage } from '#platform/site/site.service.ts';

export function load({ url }) {
	const topic = url.searchParams.get('topic');
	return { topics: [...contactTopics], topic: (contactTopics as readonly string[]).includes(topic ?? '') ? topic : null, sent: url.searchParams.has('sent') };
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await sendContactMessage(requestContext(app, locals), app.rateLimiter, Object.fromEntries(data), locals.audit.ip ?? null);
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/contact?sent`);
	}
};
