import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { MoveInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { moveCandidates } from '#modules/jobs/placement/pipeline.service.ts';

/** Moves candidates to a stage (or out, with a reason), all or none; audited, announced by e-mail when asked. */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	const result = await moveCandidates(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, MoveInput));
	return Response.json(result);
});
