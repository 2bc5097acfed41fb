import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadMeetings, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { networkSpace } from '#modules/return/network-space.ts';

export async function load({ locals }) {
	return loadMeetings(requestContext(await getApp(), locals), networkSpace);
}

export const actions = {
	default: async ({ request, locals }) => workspaceActions.schedule(requestContext(await getApp(), locals), networkSpace, await request.formData())
};
