import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { ReasonBody } from '#modules/atlas/moderation/moderation.schemas.ts';
import { requestChanges } from '#modules/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#platform/moderation/notify.ts';

/** Asks the proposer for changes, with what to change. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const { reason } = await readJson(request, ReasonBody);
	return Response.json(await requestChanges(requestContext(app, locals), params.id ?? '', reason, notifyOf(app)));
});
