import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { loadProgrammeReferral, sendProgrammeReferral } from '#modules/jobs/web/programme-referral.ts';

/** A qualified candidate's referral to a programme of the directory (the mobility counsellors' caseload). */
export const load = (event) => loadProgrammeReferral(placementFollowUp, event);

export const actions = {
	default: (event) => sendProgrammeReferral(placementFollowUp, `/jobs/placement/caseload/${event.params.id}`, event)
};
