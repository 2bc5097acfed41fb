import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { WithdrawalInput, withdrawMyProposal } from '#modules/knowledge/my-proposals.ts';

/** The proposer withdraws their proposal still waiting; with `expectedStatus`, one decided on since is refused (409). */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	const ctx = requestContext(await getApp(), locals);
	const body = request.headers.get('content-length') === '0' || !request.body ? {} : await readJson(request, WithdrawalInput);
	return Response.json(await withdrawMyProposal(ctx, params.id ?? '', body));
});
