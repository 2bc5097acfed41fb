import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { discussionActions, loadNewThread } from '#platform/discussion/discussion.web.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

export async function load({ locals, params }) {
	const app = await getApp();
	return loadNewThread(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)));
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const app = await getApp();
		return discussionActions.start(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)), await request.formData());
	}
};
