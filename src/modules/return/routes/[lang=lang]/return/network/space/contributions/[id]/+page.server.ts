import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContribution, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { networkSpace } from '#modules/return/network-space.ts';

export async function load({ locals, params }) {
	return loadContribution(requestContext(await getApp(), locals), networkSpace, params.id);
}

export const actions = {
	default: async ({ request, locals, params }) => workspaceActions.answer(requestContext(await getApp(), locals), networkSpace, params.id, await request.formData())
};
