import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContribution, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { spaceOf } from '#modules/strategy/concertation.service.ts';

export async function load({ locals, params }) {
	const app = await getApp();
	return loadContribution(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)), params.id);
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		return workspaceActions.answer(requestContext(app, locals), await forPage(spaceOf(app.database.db, params.body)), params.id, await request.formData());
	}
};
