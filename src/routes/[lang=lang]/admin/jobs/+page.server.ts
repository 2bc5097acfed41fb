import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { jobQueueOverview, retryFailedJob } from '#platform/queue/queue.service.ts';

/** The background work: what waits, runs and failed in each queue (administrators). */
export async function load({ locals, url }) {
	const app = await getApp();
	return { queues: await forPage(jobQueueOverview(requestContext(app, locals), app.queue)), retried: url.searchParams.get('retried') };
}

export const actions = {
	retry: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const queue = String(data.get('queue') ?? '');
		try {
			await retryFailedJob(requestContext(app, locals), app.queue, queue, String(data.get('id') ?? ''));
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/admin/jobs?retried=${encodeURIComponent(queue)}`);
	}
};
