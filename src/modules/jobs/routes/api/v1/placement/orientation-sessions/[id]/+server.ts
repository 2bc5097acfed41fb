import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { SessionEditInput } from '#modules/jobs/placement/departure.schemas.ts';
import { updateSession } from '#modules/jobs/placement/orientation.service.ts';

/** Staff change a session before it starts (seats never below those registered); the people told by e-mail. */
export const PATCH = apiEndpoint(async ({ locals, params, request }) => {
	const result = await updateSession(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, SessionEditInput));
	const session = result.session;
	return Response.json(
		{
			id: session.id,
			startsAt: session.startsAt.toISOString(),
			durationMinutes: session.durationMinutes,
			place: session.place,
			onlineUrl: session.onlineUrl,
			capacity: session.capacity,
			language: session.language,
			waitingList: session.waitingList,
			status: session.status,
			changed: result.changed,
			promoted: result.promoted,
			told: result.told
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});
