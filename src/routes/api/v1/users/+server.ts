import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { UserListQuery } from '#platform/admin/admin.schemas.ts';
import { listUsers, userSummaryJson } from '#platform/accounts/user.service.ts';
import { recordPersonalDataRead } from '#platform/audit/audit.service.ts';

/** People's accounts, filtered by words and role (route policy: 'user.manage'). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, UserListQuery);
	const result = await listUsers(app.database.db, query);
	await recordPersonalDataRead(app.database.db, locals.audit, {
		resourceType: 'user',
		ids: result.items.map((person) => person.id),
		view: 'api.users'
	});
	return Response.json(
		{ total: result.total, page: result.page, pageSize: result.pageSize, items: result.items.map(userSummaryJson) },
		{ headers: { 'cache-control': 'no-store' } }
	);
});
