import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { ReasonBody } from '#modules/atlas/moderation/moderation.schemas.ts';
import { rejectProposal } from '#modules/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#platform/moderation/notify.ts';

/** Rejects the proposal with a reason, sent to the proposer. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const { reason } = await readJson(request, ReasonBody);
	return Response.json(await rejectProposal(requestContext(app, locals), params.id ?? '', reason, notifyOf(app)));
});
