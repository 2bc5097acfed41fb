import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { jobQueueOverview } from '#platform/queue/queue.service.ts';

/** Every queue of background work and its state (route policy: 'queue.manage'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	const items = (await jobQueueOverview(requestContext(app, locals), app.queue)).map(({ descriptionKey: _key, ...queue }) => queue);
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
