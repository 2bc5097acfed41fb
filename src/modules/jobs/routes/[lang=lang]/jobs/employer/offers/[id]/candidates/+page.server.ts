import { loadRankedCandidates } from '#modules/jobs/web/candidates-page.ts';

/** The employer's ranked candidates of one of their offers (people who consented to employers; audited). */
export const load = loadRankedCandidates;
