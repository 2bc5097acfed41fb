import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { UserListQuery } from '#lib/server/admin/admin.schemas.ts';
import { listUsers, userSummaryJson } from '#lib/server/accounts/user.service.ts';

/** People's accounts, filtered by words and role (route policy: 'user.manage'). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const query = readQuery(url, UserListQuery);
	const result = await listUsers(app.database.db, query);
	return Response.json(
		{ total: result.total, page: result.page, pageSize: result.pageSize, items: result.items.map(userSummaryJson) },
		{ headers: { 'cache-control': 'no-store' } }
	);
});
