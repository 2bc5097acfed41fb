import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { UserRoleUpdate } from '#platform/admin/admin.schemas.ts';
import { getUser, setUserRole, userSummaryJson } from '#platform/accounts/user.service.ts';

/** Gives a person another role; they are told by e-mail (route policy: 'user.manage'). */
export const PUT = apiEndpoint(async ({ request, params, locals }) => {
	const app = await getApp();
	const { role } = await readJson(request, UserRoleUpdate);
	const change = await setUserRole(requestContext(app, locals), params.id ?? '', role);
	const person = await getUser(app.database.db, change.user.id);
	return Response.json(userSummaryJson(person), { headers: { 'cache-control': 'no-store' } });
});
