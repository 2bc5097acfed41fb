import { loadOwnProposals } from '#platform/moderation/proposal-pages.ts';
import { myDirectoryProposals } from '#modules/talents/directories/directory-proposals.ts';

/** The proposals one sent to the directories: those waiting (withdrawable, or to start again from), then the latest decided. */
export const load = async (event) => ({ ...(await loadOwnProposals(event, myDirectoryProposals)), sent: event.url.searchParams.get('sent') ?? '' });
