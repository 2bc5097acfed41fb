import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { mySessions } from '#modules/jobs/placement/orientation.service.ts';

/** The sessions the caller may join and their own registrations. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = await mySessions(requestContext(await getApp(), locals));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
