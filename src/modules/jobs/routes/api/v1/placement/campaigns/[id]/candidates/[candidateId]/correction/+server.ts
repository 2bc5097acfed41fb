import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { CorrectionApiInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { correctMove } from '#modules/jobs/placement/correction.service.ts';

/** Corrects the candidate's last move (the one named), as the pages do: same window, reason and limits; audited. */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	const input = await readJson(request, CorrectionApiInput);
	const done = await correctMove(requestContext(await getApp(), locals), params.id ?? '', params.candidateId ?? '', input);
	return Response.json(done);
});
