import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { issueForApi, listIssues } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** The newsletter's archive: the issues sent, latest first (drafts for the editors). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json({ items: await Promise.all((await listIssues(ctx)).map((row) => issueForApi(ctx, row))) });
});
