import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { candidateDetail } from '#modules/jobs/placement/pipeline.service.ts';
import { correctionsFor } from '#modules/jobs/placement/correction.service.ts';
import { candidateDetailApiView } from '#modules/jobs/placement/campaigns-api.ts';

/** One candidate with every move of their path and the correction the caller may make now (an audited read). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const { access, candidate, history } = await candidateDetail(ctx, params.id ?? '', params.candidateId ?? '');
	const correction = (await correctionsFor(ctx, access, [candidate])).get(candidate.id) ?? null;
	return Response.json(candidateDetailApiView(candidate, history, correction), { headers: { 'cache-control': 'no-store' } });
});
