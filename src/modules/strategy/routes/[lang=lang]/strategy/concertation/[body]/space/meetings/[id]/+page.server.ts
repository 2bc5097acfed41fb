import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadMeeting, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { spaceOf } from '#modules/strategy/concertation.service.ts';
import { recommendationsOfMeeting } from '#modules/strategy/recommendations.service.ts';

/** A meeting of the body (agenda, minutes, attendance) and the decisions taken at it; the secretariat records the minutes. */
export async function load({ locals, params, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const meeting = await loadMeeting(ctx, await forPage(spaceOf(app.database.db, params.body)), params.id);
	return { ...meeting, decisions: await recommendationsOfMeeting(app.database.db, params.id, locals.language), recorded: url.searchParams.get('recorded') === '1' };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		return workspaceActions.minutes(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)), params.id, await request.formData());
	}
};
