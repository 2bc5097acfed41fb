import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getIssue, issueForApi } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** One issue with what it points to, in the request's language. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json(await issueForApi(ctx, await getIssue(ctx, Number(params.number))));
});
