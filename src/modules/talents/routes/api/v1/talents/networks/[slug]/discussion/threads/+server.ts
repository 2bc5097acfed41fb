import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { ThreadInput } from '#platform/discussion/discussion.schemas.ts';
import { listThreads, startThread, threadDetail } from '#platform/discussion/discussion.service.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** The network's threads, pinned first then by last activity (members, coordinators, moderators). */
export const GET = apiEndpoint(async (event) => {
	const app = await getApp();
	const discussion = await discussionOf(app.database.db, event.params.slug ?? '');
	return Response.json(await listThreads(requestContext(app, event.locals), discussion, Object.fromEntries(event.url.searchParams)));
});

/** A member starts a thread. */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const discussion = await discussionOf(app.database.db, event.params.slug ?? '');
	const thread = await startThread(ctx, discussion, await readJson(event.request, ThreadInput));
	return Response.json(await threadDetail(ctx, discussion, thread.id), { status: 201 });
});
