import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { getMe } from '#platform/accounts/account.service.ts';
import { deleteMyAccount } from '#platform/accounts/personal-data.service.ts';

/** The caller: id, name, e-mail, role, language and organisations (route policy: 'account.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	const app = await getApp();
	return Response.json(await getMe(app.database.db, locals.user.id), { headers: { 'cache-control': 'no-store' } });
});

/**
 * Deletes the caller's account and personal data, every module's part with it (route policy:
 * 'account.manage_own'; staff accounts are refused with 409): see personal-data.service.ts.
 */
export const DELETE = apiEndpoint(async ({ locals }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	const app = await getApp();
	await deleteMyAccount(requestContext(app, locals), app);
	return new Response(null, { status: 204 });
});
