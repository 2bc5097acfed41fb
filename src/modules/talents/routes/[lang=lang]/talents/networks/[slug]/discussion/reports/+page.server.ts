import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { discussionActions, loadReports } from '#platform/discussion/discussion.web.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** The posts members reported, for the network's coordinators and the ministry's moderators. */
export async function load({ locals, params }) {
	const app = await getApp();
	return loadReports(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)));
}

export const actions = {
	dismiss: async ({ locals, params, request }) => {
		const app = await getApp();
		return discussionActions.dismiss(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)), await request.formData());
	}
};
