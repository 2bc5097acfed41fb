import { loadQueue } from '#platform/moderation/proposal-pages.ts';
import { missionProposals } from '#modules/talents/missions/missions.service.ts';

/** The moderators' queue of the missions proposed: those waiting by default, oldest first. */
export const load = (event) => loadQueue(event, missionProposals);
