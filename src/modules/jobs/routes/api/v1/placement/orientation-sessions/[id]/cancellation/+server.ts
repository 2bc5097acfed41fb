import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { cancelSession } from '#modules/jobs/placement/orientation.service.ts';

/** Staff cancel a session before it starts: registrations kept as cancelled, each person told in their language. */
export const POST = apiEndpoint(async ({ locals, params }) => {
	const result = await cancelSession(requestContext(await getApp(), locals), params.id ?? '');
	return Response.json(result, { status: 201, headers: { 'cache-control': 'no-store' } });
});
