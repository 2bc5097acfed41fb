import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { exportMyData } from '#platform/accounts/personal-data.service.ts';

/** Everything the platform holds about the caller, as a JSON download (route policy: 'account.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	const data = await exportMyData(requestContext(app, locals));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="sharaka-my-data.json"',
			'cache-control': 'no-store'
		}
	});
});
