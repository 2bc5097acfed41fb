import { loadOwnProposal, withdrawAction } from '#platform/moderation/proposal-pages.ts';
import { waitingStatuses } from '#platform/moderation/moderation.service.ts';
import { myDirectoryProposal, withdrawMyDirectoryProposal } from '#modules/talents/directories/directory-proposals.ts';

/** One's own proposal, and the confirmation of its withdrawal while it waits (anyone else's: not found). */
export const load = async (event) => {
	const { data: _data, ...proposal } = await loadOwnProposal(event, (ctx) => myDirectoryProposal(ctx, event.params.id));
	return { proposal };
};

export const actions = {
	withdraw: withdrawAction({
		withdraw: (ctx, id, seenStatus) => withdrawMyDirectoryProposal(ctx, id, waitingStatuses.find((status) => status === seenStatus)),
		conflicts: { stale_proposal: 'directories.withdraw_stale', not_pending: 'directories.withdraw_stale' },
		list: '/talents/directories/proposals'
	})
};
