import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readJson } from '#lib/server/http/api.ts';
import { ApproveBody } from '#lib/server/atlas/moderation/moderation.schemas.ts';
import { approveProposal } from '#lib/server/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#lib/server/atlas/moderation/notify.ts';

/** Publishes the proposal (or the moderator's edit of it) as a new version; 409 when its base is outdated. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const hasBody = request.headers.get('content-length') !== '0' && (request.headers.get('content-type') ?? '') !== '';
	const body = hasBody ? await readJson(request, ApproveBody) : {};
	const result = await approveProposal(app.database.db, locals.audit, locals.actor, params.id ?? '', {
		edited: body.initiative,
		expectedVersion: body.expectedVersion,
		notify: notifyOf(app)
	});
	return Response.json(result);
});
