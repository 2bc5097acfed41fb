import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { createApiToken, listApiTokens } from '#platform/accounts/api-token.service.ts';
import { createApiTokenSchema } from '#platform/accounts/accounts.schemas.ts';

const noStore = { 'cache-control': 'no-store' };

/** The caller's personal API tokens, newest first, revoked ones included (never the secrets). */
export const GET = apiEndpoint(async ({ locals }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	const app = await getApp();
	return Response.json({ items: await listApiTokens(app.database.db, locals.user.id) }, { headers: noStore });
});

/**
 * Creates a token; its secret is in this answer only. Only from a signed-in browser session:
 * a leaked token must not be able to mint others that outlive its revocation.
 */
export const POST = apiEndpoint(async ({ locals, request }) => {
	if (!locals.user) throw new AppError('unauthenticated');
	if (locals.authMethod !== 'session') throw new AppError('forbidden');
	const input = await readJson(request, createApiTokenSchema);
	const app = await getApp();
	const { token, record } = await createApiToken(app.database.db, locals.audit, locals.user.id, input.name);
	return Response.json({ ...record, token }, { status: 201, headers: noStore });
});
