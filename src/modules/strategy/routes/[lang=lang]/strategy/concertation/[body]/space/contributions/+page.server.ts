import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContributions, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { contributionStatuses } from '#platform/workspace/workspace.model.ts';
import { spaceOf } from '#modules/strategy/concertation.service.ts';

export async function load({ locals, params, url }) {
	const app = await getApp();
	const asked = url.searchParams.get('status');
	const status = asked && (contributionStatuses as readonly string[]).includes(asked) ? asked : null;
	return loadContributions(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)), status);
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		return workspaceActions.contribute(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)), await request.formData());
	}
};
