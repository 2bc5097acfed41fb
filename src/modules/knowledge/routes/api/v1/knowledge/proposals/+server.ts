import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myProposals } from '#modules/knowledge/my-proposals.ts';

/** The caller's own proposals to the library (route policy: knowledge.propose). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json(await myProposals(ctx), { headers: { 'cache-control': 'private, no-store' } });
});
