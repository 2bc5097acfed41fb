import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { revokeGrant } from '#platform/accounts/grant.service.ts';

/** Takes a role in a module back (route policy: 'user.manage'). */
export const DELETE = apiEndpoint(async ({ params, locals }) => {
	await revokeGrant(requestContext(await getApp(), locals), params.id ?? '', params.grantId ?? '');
	return new Response(null, { status: 204 });
});
