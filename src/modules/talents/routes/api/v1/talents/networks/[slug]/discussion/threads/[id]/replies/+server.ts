import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { ReplyInput } from '#platform/discussion/discussion.schemas.ts';
import { replyToThread } from '#platform/discussion/discussion.service.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** A member replies to a thread; its followers are e-mailed. */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const discussion = await discussionOf(app.database.db, event.params.slug ?? '');
	const { post, sent } = await replyToThread(requestContext(app, event.locals), discussion, event.params.id ?? '', await readJson(event.request, ReplyInput));
	return Response.json({ id: post.id, threadId: post.threadId, language: post.language, body: post.body, createdAt: post.createdAt, mailed: sent }, { status: 201 });
});
