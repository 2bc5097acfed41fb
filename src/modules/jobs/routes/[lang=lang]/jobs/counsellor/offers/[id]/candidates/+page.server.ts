import { loadRankedCandidates } from '#modules/jobs/web/candidates-page.ts';

/** A counsellor's ranked candidates of any offer (people who consented to counsellors or employers; audited). */
export const load = loadRankedCandidates;
