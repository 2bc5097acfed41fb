import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { AddCandidatesInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { addCandidates, campaignAccess } from '#modules/jobs/placement/campaigns.service.ts';
import { listCandidates, pipelineCounts } from '#modules/jobs/placement/pipeline.service.ts';
import { candidateApiView } from '#modules/jobs/placement/campaigns-api.ts';

/** One page of a campaign's candidates (filters, keyset `after`), with the counts per stage and agency. */
export const GET = apiEndpoint(async ({ locals, params, url }) => {
	const ctx = requestContext(await getApp(), locals);
	const access = await campaignAccess(ctx, params.id ?? '');
	const query = Object.fromEntries(url.searchParams);
	const [list, counts] = await Promise.all([listCandidates(ctx, access, query), pipelineCounts(ctx, access, query)]);
	return Response.json(
		{
			items: list.items.map(candidateApiView),
			next: list.next,
			counts: { total: counts.total, byStage: counts.byStage, byAgency: Object.fromEntries([...counts.byAgency].map(([key, n]) => [key ?? 'none', n])) }
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});

/** Agency staff (or the division) add the people they sourced, by the e-mail of their account. */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	const result = await addCandidates(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, AddCandidatesInput));
	return Response.json(result, { status: 201 });
});
