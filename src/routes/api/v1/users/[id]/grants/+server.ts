import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { GrantInput, grantRole, listGrants } from '#platform/accounts/grant.service.ts';

/** A person's roles in modules (route policy: 'user.manage'). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const grants = await listGrants(requestContext(await getApp(), locals), params.id ?? '');
	return Response.json({ items: grants }, { headers: { 'cache-control': 'no-store' } });
});

/** Gives a person a role in one module (route policy: 'user.manage'). */
export const POST = apiEndpoint(async ({ request, params, locals }) => {
	const body = await readJson(request, GrantInput);
	const grant = await grantRole(requestContext(await getApp(), locals), params.id ?? '', body);
	return Response.json(grant, { status: 201, headers: { 'cache-control': 'no-store' } });
});
