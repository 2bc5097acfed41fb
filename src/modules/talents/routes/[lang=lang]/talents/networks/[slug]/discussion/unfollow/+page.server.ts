import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { discussionActions } from '#platform/discussion/discussion.web.ts';
import { discussionOf } from '#modules/talents/network-discussion.ts';

/** The link of a reply e-mail shows a confirmation button: a link scanner following it stops nothing. */
export function load({ url }) {
	return { token: url.searchParams.get('token') ?? '' };
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const app = await getApp();
		return discussionActions.unfollowByToken(requestContext(app, locals), await forPage(discussionOf(app.database.db, params.slug)), await request.formData());
	}
};
