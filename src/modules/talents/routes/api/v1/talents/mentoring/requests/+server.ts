import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { MentoringAsk } from '#modules/talents/mentoring/mentoring.schemas.ts';
import { askMentoring, myMentoring } from '#modules/talents/mentoring/mentoring.service.ts';

/** The caller's mentoring: requests received as a talent, and sent as a member. */
export const GET = apiEndpoint(async (event) => {
	const app = await getApp();
	return Response.json(await myMentoring(requestContext(app, event.locals)));
});

/** The caller asks a talent for mentoring with a short message. */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const created = await askMentoring(ctx, await readJson(event.request, MentoringAsk));
	const mine = await myMentoring(ctx);
	return Response.json(mine.asMentee.find((entry) => entry.id === created.id), { status: 201 });
});
