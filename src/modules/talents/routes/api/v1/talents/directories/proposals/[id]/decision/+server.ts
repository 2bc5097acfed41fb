import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { approveProposal, rejectProposal, requestChanges } from '#platform/moderation/moderation.service.ts';
import { DirectoryDecision, directoryProposals, publishedEntry } from '#modules/talents/directories/directory-proposals.ts';

/**
 * A moderator's decision on a proposal waiting (route policy: talents.moderate): approve publishes it as the entry's
 * next version (or the new entry), reject or request_changes sends the reason to the proposer; the proposer is
 * e-mailed in their language. 409 `not_pending` when decided already, `stale_version` when the entry changed since.
 */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const { decision, reason } = await readJson(event.request, DirectoryDecision);
	const id = event.params.id ?? '';
	if (decision === 'approve') {
		const result = await approveProposal(ctx, directoryProposals, id, { notify: notifyOf(app) });
		return Response.json({ proposal: { id: result.proposal.id, status: result.proposal.status, baseVersion: result.proposal.baseVersion }, published: publishedEntry(result.published) });
	}
	const decide = decision === 'reject' ? rejectProposal : requestChanges;
	const proposal = await decide(ctx, directoryProposals, id, reason ?? '', notifyOf(app));
	return Response.json({ proposal: { id: proposal.id, status: proposal.status, baseVersion: proposal.baseVersion }, published: null });
});
