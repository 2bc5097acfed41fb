import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listMyApplications } from '#modules/jobs/seekers/seekers.service.ts';

/** The caller's applications with their status history (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	return Response.json({ items: await listMyApplications(requestContext(app, locals)) }, { headers: { 'cache-control': 'no-store' } });
});
