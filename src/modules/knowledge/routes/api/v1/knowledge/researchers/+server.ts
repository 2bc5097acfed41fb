import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listResearchers, ResearcherListQuery } from '#modules/knowledge/research/research.service.ts';

/** The researchers who chose to appear. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json({ items: await listResearchers(ctx.db, readQuery(url, ResearcherListQuery)) });
});
