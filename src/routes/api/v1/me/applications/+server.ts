import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { listMyApplications } from '#lib/server/jobs/seekers/seekers.service.ts';

/** The caller's applications with their status history (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	return Response.json({ items: await listMyApplications(app.database.db, locals.actor) }, { headers: { 'cache-control': 'no-store' } });
});
