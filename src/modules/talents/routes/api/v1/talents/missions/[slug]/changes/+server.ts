import { getApp } from '#platform/app.ts';
import { z } from 'zod';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { proposeMissionChange } from '#modules/talents/missions/missions.service.ts';

/**
 * An organisation's system proposes a change of its published mission, based on the version it read: moderated
 * like a new mission, published as the next version. 409 when the base is stale or the mission closed.
 */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const body = await readJson(event.request, z.looseObject({ baseVersion: z.coerce.number().int().min(1), comment: z.string().max(2000).optional() }));
	const { baseVersion, comment, ...input } = body;
	const proposal = await proposeMissionChange(requestContext(app, event.locals), event.params.slug ?? '', input, { baseVersion, comment: comment ?? null, notify: notifyOf(app) });
	return Response.json({ proposal: { id: proposal.id, status: proposal.status, baseVersion: proposal.baseVersion } }, { status: 201 });
});
