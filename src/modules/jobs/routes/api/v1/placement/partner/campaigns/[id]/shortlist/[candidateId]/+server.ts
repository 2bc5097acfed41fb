import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { DecisionInput } from '#modules/jobs/placement/shortlist.schemas.ts';
import { partnerAccess, partnerCard, recordDecision } from '#modules/jobs/placement/shortlist.service.ts';

/** One card of the partner's shortlist (audited). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const card = await partnerCard(ctx, await partnerAccess(ctx, params.id ?? ''), params.candidateId ?? '');
	return Response.json(card, { headers: { 'cache-control': 'no-store' } });
});

/** The partner's decision and feedback on the candidate (replaces its previous one); shortlisting moves them to the partner's shortlist. */
export const PUT = apiEndpoint(async ({ locals, params, request }) => {
	const result = await recordDecision(requestContext(await getApp(), locals), params.id ?? '', params.candidateId ?? '', await readJson(request, DecisionInput));
	return Response.json(result);
});
