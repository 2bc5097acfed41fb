import { getApp } from '#platform/app.ts';
import { z } from 'zod';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { proposeNew } from '#platform/moderation/moderation.service.ts';
import { listMissions, missionProposals } from '#modules/talents/missions/missions.service.ts';

/** Published missions (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	return Response.json(await listMissions(app.database.db, Object.fromEntries(url.searchParams)), { headers: { 'cache-control': 'public, max-age=60' } });
});

/** An organisation's system proposes a mission with a member's token; moderators publish it (a moderator's is published at once). */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const body = await readJson(event.request, z.looseObject({ comment: z.string().max(2000).optional() }));
	const { comment, ...input } = body;
	const result = await proposeNew(requestContext(app, event.locals), missionProposals, input, { comment: typeof comment === 'string' ? comment : null, notify: notifyOf(app) });
	return Response.json({ proposal: result.proposal ? { id: result.proposal.id, status: result.proposal.status } : null, published: result.published }, { status: 201 });
});
