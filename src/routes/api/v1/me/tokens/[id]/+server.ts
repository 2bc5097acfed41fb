import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { revokeApiToken } from '#platform/accounts/api-token.service.ts';
import { apiTokenIdInput } from '#platform/accounts/accounts.schemas.ts';

/** Revokes one of the caller's tokens; another person's token (or an unknown id) is 404. */
export const DELETE = apiEndpoint(async ({ locals, params }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	const parsed = apiTokenIdInput.safeParse(params);
	if (!parsed.success) throw new AppError('not_found');
	const app = await getApp();
	await revokeApiToken(app.database.db, locals.audit, locals.user.id, parsed.data.id);
	return new Response(null, { status: 204 });
});
