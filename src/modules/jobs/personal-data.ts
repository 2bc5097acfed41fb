import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { jobApplication, jobSavedSearch, seekerConsentEvent, seekerProfile } from './seekers/seekers.table.ts';
import { jobSavedOffer } from './saved-offers/saved-offers.table.ts';
import { agencyCounsellor, seekerAgency } from './counsellors/counsellors.table.ts';
import { eraseSeekerData, exportSeekerData } from './seekers/seekers.service.ts';
import { placementCandidate, placementProfile } from './placement/campaigns.table.ts';
import { erasePipeline, exportPipeline } from './placement/pipeline.service.ts';
import { placementIdentityConsent } from './placement/shortlist.table.ts';
import { eraseConsents, exportShortlists } from './placement/shortlist.service.ts';
import { placementFollowUp, placementInvitation, placementOrientationRegistration, placementReturn } from './placement/departure.table.ts';
import { eraseCircular, exportCircular } from './placement/circular.service.ts';
import { exportRegistrations } from './placement/orientation.service.ts';
import { placementCaseAssignment } from './placement/mobility.table.ts';
import { eraseAssignment, exportAssignment } from './placement/mobility.service.ts';
import { erasePlacementProfile, exportPlacementProfile } from './placement/profile.service.ts';

/**
 * What Jobs holds about a person (the job seeker): their profile and CV, consents, applications, saved
 * searches and offers, and the agency they chose (the follow-up's notes, appointments and referrals, and
 * associations' referrals to an agency, are
 * the platform's casework: exported and erased by the platform). Exported with `/api/v1/me/export`, erased with
 * the account (applications stay for the employer as status and dates only; pipeline entries of placement
 * campaigns go with their history — staff references in others' rows become null).
 */
export const jobsPersonalData: PersonalDataHooks = {
	tables: [
		{ table: seekerProfile, userColumn: seekerProfile.userId, exportKey: 'profile' },
		{ table: seekerConsentEvent, userColumn: seekerConsentEvent.userId, exportKey: 'consentHistory' },
		{ table: jobApplication, userColumn: jobApplication.userId, exportKey: 'applications' },
		{ table: jobSavedSearch, userColumn: jobSavedSearch.userId, exportKey: 'savedSearches' },
		{ table: jobSavedOffer, userColumn: jobSavedOffer.userId, exportKey: 'savedOffers' },
		{ table: seekerAgency, userColumn: seekerAgency.userId, exportKey: 'followUp' },
		{ table: agencyCounsellor, userColumn: agencyCounsellor.userId, exportKey: 'agenciesServed' },
		// international placement: the person's entries in campaigns' pipelines, with their stage history
		{ table: placementCandidate, userColumn: placementCandidate.userId, exportKey: 'placementPipeline' },
		// partners' shortlists: the consents to share one's identity with a partner (the partners' decisions go with the pipeline entries)
		{ table: placementIdentityConsent, userColumn: placementIdentityConsent.userId, exportKey: 'placementIdentityConsents' },
		// pre-departure orientation registrations, seasonal returns, next-season invitations, follow-ups after arrival
		{ table: placementOrientationRegistration, userColumn: placementOrientationRegistration.userId, exportKey: 'placementOrientation' },
		{ table: placementReturn, userColumn: placementReturn.userId, exportKey: 'placementReturns' },
		{ table: placementInvitation, userColumn: placementInvitation.userId, exportKey: 'placementInvitations' },
		{ table: placementFollowUp, userColumn: placementFollowUp.userId, exportKey: 'placementFollowUps' },
		// the mobility counsellor following a qualified candidate (the file itself is the casework's)
		{ table: placementCaseAssignment, userColumn: placementCaseAssignment.personUserId, exportKey: 'placementCounsellor' },
		// the sex the candidate declared for the statistics (optional)
		{ table: placementProfile, userColumn: placementProfile.userId, exportKey: 'placementProfile' }
	],
	export: async (db, actor) => ({
		...(await exportSeekerData(db, actor)),
		...(await exportPipeline(db, actor.userId)),
		...(await exportShortlists(db, actor.userId)),
		placementOrientation: await exportRegistrations(db, actor.userId),
		...(await exportCircular(db, actor.userId)),
		placementCounsellor: await exportAssignment(db, actor.userId),
		placementProfile: await exportPlacementProfile(db, actor.userId)
	}),
	erase: async (tx, userId, now, host) => {
		const erased = await eraseSeekerData(tx, userId, now, host);
		// registrations, returns, invitations and follow-ups first (they point at the pipeline entries)
		const circular = await eraseCircular(tx, userId);
		const entries = await erasePipeline(tx, userId);
		const consents = await eraseConsents(tx, userId);
		const assignment = await eraseAssignment(tx, userId);
		const profile = await erasePlacementProfile(tx, userId);
		return {
			...erased,
			removed: [...erased.removed, 'placement_pipeline', 'placement_identity_consents', 'placement_departure', ...(assignment ? ['placement_counsellor'] : []), ...(profile ? ['placement_profile'] : [])],
			audit: { ...erased.audit, placementPipelineEntries: entries, placementIdentityConsents: consents, placementDeparture: circular }
		};
	}
};
