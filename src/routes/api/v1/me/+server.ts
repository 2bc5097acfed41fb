import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { AppError } from '#lib/server/http/app-error.ts';
import { getMe } from '#lib/server/accounts/account.service.ts';

/** The caller: id, name, e-mail, role, language and organisations (route policy: 'account.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	const app = await getApp();
	return Response.json(await getMe(app.database.db, locals.user.id), { headers: { 'cache-control': 'no-store' } });
});
