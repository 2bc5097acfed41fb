import { loadOwnProposals } from '#platform/moderation/proposal-pages.ts';
import { myProposals } from '#modules/knowledge/my-proposals.ts';

/** The proposals one sent to the library: those waiting (each withdrawable on its page), then the latest decided. */
export const load = (event) => loadOwnProposals(event, myProposals);
