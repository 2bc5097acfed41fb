import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { retryFailedJob } from '#platform/queue/queue.service.ts';

/** Runs a failed job again (route policy: 'queue.manage'). */
export const POST = apiEndpoint(async ({ locals, params }) => {
	const app = await getApp();
	await retryFailedJob(requestContext(app, locals), app.queue, params.queue ?? '', params.id ?? '');
	return new Response(null, { status: 204 });
});
