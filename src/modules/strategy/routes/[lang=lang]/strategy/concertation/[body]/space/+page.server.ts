import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadWorkspaceHome } from '#platform/workspace/workspace.web.ts';
import { spaceOf } from '#modules/strategy/concertation.service.ts';

/** A concertation body's space: the secretariat's announcements, the meetings, the members' contributions. */
export async function load({ locals, params }) {
	const app = await getApp();
	return { ...(await loadWorkspaceHome(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)))), body: params.body };
}
