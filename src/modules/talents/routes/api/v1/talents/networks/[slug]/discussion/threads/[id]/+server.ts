import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { threadDetail } from '#platform/discussion/discussion.service.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** A thread with its opening and one page of replies (`page`), oldest first. */
export const GET = apiEndpoint(async (event) => {
	const app = await getApp();
	const discussion = await discussionOf(app.database.db, event.params.slug ?? '');
	return Response.json(await threadDetail(requestContext(app, event.locals), discussion, event.params.id ?? '', Object.fromEntries(event.url.searchParams)));
});
