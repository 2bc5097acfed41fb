import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { researchMatrix, ResearchMatrixQuery } from '#modules/knowledge/research/research.service.ts';

/** The research works by theme × institution (for the years asked) and by theme × period. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json(await researchMatrix(ctx.db, readQuery(url, ResearchMatrixQuery)));
});
