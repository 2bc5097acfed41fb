import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { ProposalListQuery } from '#modules/atlas/moderation/moderation.schemas.ts';
import { listProposals } from '#modules/atlas/moderation/moderation.service.ts';

/** The moderation queue (moderators). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	return Response.json(await listProposals(requestContext(app, locals), readQuery(url, ProposalListQuery)));
});
