import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { MentoringMessageInput } from '#modules/talents/mentoring/mentoring.schemas.ts';
import { mentoringConversation, writeMentoringMessage } from '#modules/talents/mentoring/mentoring.service.ts';

/** A mentoring's conversation, for its talent or its member (the service checks whose request it is). */
export const GET = apiEndpoint(async (event) => {
	const app = await getApp();
	return Response.json(await mentoringConversation(requestContext(app, event.locals), event.params.id ?? ''));
});

/** One side writes to the other while the mentoring is under way; the other side is e-mailed. */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const input = await readJson(event.request, MentoringMessageInput);
	await writeMentoringMessage(ctx, event.params.id ?? '', input);
	return Response.json(await mentoringConversation(ctx, event.params.id ?? ''), { status: 201 });
});
