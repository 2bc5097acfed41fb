import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { ApproveBody } from '#modules/atlas/moderation/moderation.schemas.ts';
import { approveProposal } from '#modules/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#platform/moderation/notify.ts';

/** Publishes the proposal (or the moderator's edit of it) as a new version; 409 when its base is outdated. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const hasBody = request.headers.get('content-length') !== '0' && (request.headers.get('content-type') ?? '') !== '';
	const body = hasBody ? await readJson(request, ApproveBody) : {};
	const result = await approveProposal(requestContext(app, locals), params.id ?? '', {
		edited: body.initiative,
		expectedVersion: body.expectedVersion,
		notify: notifyOf(app)
	});
	return Response.json(result);
});
