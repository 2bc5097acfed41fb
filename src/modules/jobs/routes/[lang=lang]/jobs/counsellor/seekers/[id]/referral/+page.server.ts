import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { loadProgrammeReferral, sendProgrammeReferral } from '#modules/jobs/web/programme-referral.ts';

/** A job seeker's referral to a programme of the directory (the agencies' caseload). */
export const load = (event) => loadProgrammeReferral(agencyFollowUp, event);

export const actions = {
	default: (event) => sendProgrammeReferral(agencyFollowUp, `/jobs/counsellor/seekers/${event.params.id}`, event)
};
