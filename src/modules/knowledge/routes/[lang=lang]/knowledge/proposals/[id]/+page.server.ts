import { loadOwnProposal, withdrawAction } from '#platform/moderation/proposal-pages.ts';
import { myProposal, withdrawMyProposal } from '#modules/knowledge/my-proposals.ts';

/** One's own proposal, and the confirmation of its withdrawal while it waits (anyone else's: not found). */
export const load = async (event) => ({ proposal: await loadOwnProposal(event, (ctx) => myProposal(ctx, event.params.id)) });

export const actions = {
	withdraw: withdrawAction({
		withdraw: (ctx, id, seenStatus) => withdrawMyProposal(ctx, id, { expectedStatus: seenStatus }),
		conflicts: { stale_proposal: 'library_work.withdraw_stale', not_pending: 'library_work.withdraw_not_pending' },
		list: '/knowledge/proposals'
	})
};
