import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { loadThread, threadPageActions } from '#platform/discussion/discussion.web.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

export async function load({ locals, params, url }) {
	const app = await getApp();
	const thread = await loadThread(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)), params.id, url);
	// the notice of a thread just started (the form sends its author here)
	return { ...thread, done: url.searchParams.get('done') === 'started' ? 'started' : '' };
}

// reply, correct, report, hide or show a post; follow the thread; lock or pin it
export const actions = threadPageActions(async ({ locals, params }) => {
	const app = await getApp();
	return { ctx: requestContext(app, locals), discussion: await forPage(discussionOf(app.database.db, params.slug)) };
});
