import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { jobApplication, jobSavedSearch, seekerConsentEvent, seekerProfile } from './seekers/seekers.table.ts';
import { jobSavedOffer } from './saved-offers/saved-offers.table.ts';
import { agencyCounsellor, seekerAgency } from './counsellors/counsellors.table.ts';
import { eraseSeekerData, exportSeekerData } from './seekers/seekers.service.ts';

/**
 * What Jobs holds about a person (the job seeker): their profile and CV, consents, applications, saved
 * searches and offers, and the agency they chose (the follow-up's notes, appointments and referrals, and
 * associations' referrals to an agency, are
 * the platform's casework: exported and erased by the platform). Exported with `/api/v1/me/export`, erased with
 * the account (applications stay for the employer as status and dates only).
 */
export const jobsPersonalData: PersonalDataHooks = {
	tables: [
		{ table: seekerProfile, userColumn: seekerProfile.userId, exportKey: 'profile' },
		{ table: seekerConsentEvent, userColumn: seekerConsentEvent.userId, exportKey: 'consentHistory' },
		{ table: jobApplication, userColumn: jobApplication.userId, exportKey: 'applications' },
		{ table: jobSavedSearch, userColumn: jobSavedSearch.userId, exportKey: 'savedSearches' },
		{ table: jobSavedOffer, userColumn: jobSavedOffer.userId, exportKey: 'savedOffers' },
		{ table: seekerAgency, userColumn: seekerAgency.userId, exportKey: 'followUp' },
		{ table: agencyCounsellor, userColumn: agencyCounsellor.userId, exportKey: 'agenciesServed' }
	],
	export: exportSeekerData,
	erase: eraseSeekerData
};
