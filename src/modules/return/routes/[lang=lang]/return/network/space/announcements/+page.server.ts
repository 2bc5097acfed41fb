import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadAnnouncements, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { networkSpace } from '#modules/return/network-space.ts';

export async function load({ locals }) {
	return loadAnnouncements(requestContext(await getApp(), locals), networkSpace);
}

export const actions = {
	default: async ({ request, locals }) => workspaceActions.announce(requestContext(await getApp(), locals), networkSpace, await request.formData())
};
