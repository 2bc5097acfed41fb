import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { ProposalListQuery } from '#lib/server/atlas/moderation/moderation.schemas.ts';
import { listProposals } from '#lib/server/atlas/moderation/moderation.service.ts';

/** The moderation queue (moderators). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	return Response.json(await listProposals(app.database.db, locals.actor, readQuery(url, ProposalListQuery)));
});
