import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { MentoringAct } from '#modules/talents/mentoring/mentoring.schemas.ts';
import { actOnRequest, myMentoring } from '#modules/talents/mentoring/mentoring.service.ts';

/** Accept or decline (the talent), withdraw (the member, before the answer), end (either side, once accepted). */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const { action, reason } = await readJson(event.request, MentoringAct);
	const updated = await actOnRequest(ctx, event.params.id ?? '', action, reason);
	const mine = await myMentoring(ctx);
	return Response.json([...mine.asMentor, ...mine.asMentee].find((entry) => entry.id === updated.id));
});
