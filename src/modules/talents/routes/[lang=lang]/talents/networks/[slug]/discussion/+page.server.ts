import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { loadDiscussion } from '#platform/discussion/discussion.web.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** The network's discussion: its threads for members and coordinators; anyone else is shown how to join. */
export async function load({ locals, params, url }) {
	const app = await getApp();
	return loadDiscussion(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)), url);
}
