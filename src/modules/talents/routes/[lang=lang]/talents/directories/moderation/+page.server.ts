import { loadQueue } from '#platform/moderation/proposal-pages.ts';
import { directoryProposals } from '#modules/talents/directories/directory-proposals.ts';

/** The moderators' queue of the directories' proposals: those waiting by default, oldest first. */
export const load = (event) => loadQueue(event, directoryProposals);
