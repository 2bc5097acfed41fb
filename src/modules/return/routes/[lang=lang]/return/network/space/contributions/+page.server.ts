import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContributions, workspaceActions } from '#platform/workspace/workspace.web.ts';
import { contributionStatuses } from '#platform/workspace/workspace.model.ts';
import { networkSpace } from '#modules/return/network-space.ts';

export async function load({ locals, url }) {
	const asked = url.searchParams.get('status');
	const status = asked && (contributionStatuses as readonly string[]).includes(asked) ? asked : null;
	return loadContributions(requestContext(await getApp(), locals), networkSpace, status);
}

export const actions = {
	default: async ({ request, locals }) => workspaceActions.contribute(requestContext(await getApp(), locals), networkSpace, await request.formData())
};
