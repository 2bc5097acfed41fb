import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadWorkspaceHome } from '#platform/workspace/workspace.web.ts';
import { networkSpace } from '#modules/return/network-space.ts';

/** The RAMre network's space: the secretariat's announcements, meetings, the members' contributions. */
export async function load({ locals }) {
	return loadWorkspaceHome(requestContext(await getApp(), locals), networkSpace);
}
