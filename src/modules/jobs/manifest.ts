import { defineModule, type CacheHost } from '../../platform/kernel/manifest.ts';
import { mergeRouteTables } from '../../platform/policy/route-access.ts';
import { jobsActions } from './jobs.policy.ts';
import { supportActions } from './support.policy.ts';
import { seekersActions } from './seekers/seekers.policy.ts';
import { counsellorsActions } from './counsellors/counsellors.policy.ts';
import { matchingActions } from './matching/matching.policy.ts';
import { savedOffersActions } from './saved-offers/saved-offers.policy.ts';
import { placementActions } from './placement/placement.policy.ts';
import { jobsRoutes } from './jobs.routes.ts';
import { supportRoutes } from './support.routes.ts';
import { seekersRoutes } from './seekers/seekers.routes.ts';
import { counsellorsRoutes } from './counsellors/counsellors.routes.ts';
import { matchingRoutes } from './matching/matching.routes.ts';
import { savedOffersRoutes } from './saved-offers/saved-offers.routes.ts';
import { jobsOfflineReading } from './saved-offers/offline-reading.ts';
import { offerLinks, programmeLinks } from './link-targets.ts';
import { placementRoutes } from './placement/placement.routes.ts';
import { jobsEndpoints } from './jobs.openapi.ts';
import { supportEndpoints } from './support.openapi.ts';
import { seekersEndpoints } from './seekers/seekers.openapi.ts';
import { counsellorsEndpoints } from './counsellors/counsellors.openapi.ts';
import { matchingEndpoints } from './matching/matching.openapi.ts';
import { savedOffersEndpoints } from './saved-offers/saved-offers.openapi.ts';
import { placementEndpoints } from './placement/placement.openapi.ts';
import { campaignEndpoints } from './placement/campaigns.openapi.ts';
import { placementStatisticsEndpoints } from './placement/statistics.openapi.ts';
import { shortlistEndpoints } from './placement/shortlist.openapi.ts';
import { departureEndpoints } from './placement/departure.openapi.ts';
import { mobilityEndpoints } from './placement/mobility.openapi.ts';
import { ensurePlacementReferenceData, loadPlacementDemoData } from './placement/placement.data.ts';
import { placementAgreementDocument } from './placement/placement.table.ts';
import { AGREEMENT_FILE_MAX_BYTES } from './placement/placement.model.ts';
import { messages } from './messages/index.ts';
import { ensureJobsReferenceData, loadJobsDemoData } from './jobs.data.ts';
import { ensureSupportReferenceData, loadSupportDemoData } from './support.data.ts';
import { loadSeekersDemoData } from './seekers/seekers.data.ts';
import { ensureCounsellorsReferenceData, loadCounsellorsDemoData } from './counsellors/counsellors.data.ts';
import { offerSearchCache } from './offer-search-cache.ts';
import { platformDay } from '../../platform/time-zone.ts';
import { jobsPersonalData } from './personal-data.ts';
import { runJobsExpire } from './cli/jobs-expire.ts';
import { runJobsAlerts } from './seekers/alerts-cli.ts';
import { seekerProfile } from './seekers/seekers.table.ts';
import { expireOffers } from './jobs.service.ts';
import { sendSearchAlerts } from './seekers/saved-searches.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { jobsSpace } from './my-space.ts';
import { agencyFollowUp } from './counsellors/follow-up.caseload.ts';
import { placementFollowUp } from './placement/mobility.caseload.ts';
import { programmesLinkingTo } from './programmes.ts';
import { sendOrientationReminders } from './placement/orientation.service.ts';
import { deleteClosedPipelines } from './placement/retention.service.ts';
import { eraseClosedMobilityFiles } from './placement/mobility-retention.service.ts';
import { openFileStore } from '../../platform/storage/file-store.ts';
import { loadDepartureDemoData } from './placement/departure.data.ts';
import { ensurePredeparturePages } from './placement/predeparture-pages.ts';
import { loadMobilityDemoData } from './placement/mobility.data.ts';
import { agencyScopes } from './placement/agency-staff.ts';

const jobsModuleActions = { ...jobsActions, ...supportActions, ...seekersActions, ...counsellorsActions, ...matchingActions, ...savedOffersActions, ...placementActions };

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof jobsModuleActions, true> {}
}

/** Offers expire at midnight, Morocco time, without a write: the day is part of the key. */
const offersRead = (app: CacheHost) => ({ cache: offerSearchCache(app.database.db), key: `jobs ${platformDay()}` });

/**
 * Jobs & mobility ("Welcome"): job offers, rights pages and support programmes for regularised
 * immigrants; job seekers, applications, counsellors' follow-up, matching, saved offers.
 */
export const jobsModule = defineModule({
	slug: 'jobs',
	navigation: { navKey: 'common.nav_jobs', titleKey: 'common.module_jobs_title', textKey: 'common.module_jobs_text', ready: true },
	actions: jobsModuleActions,
	grantRoles: {
		rights_editor: { titleKey: 'jobs.grant_rights_editor', actions: ['support.rights.edit'] },
		agency_manager: { titleKey: 'jobs.grant_agency_manager', actions: ['counsellors.agency.manage'] },
		// ANAPEC's international placement division (issue 10)
		placement_division: {
			titleKey: 'placement.grant_division',
			actions: [
				'placement.agreement.manage',
				'placement.offer.manage',
				'placement.campaign.manage',
				'placement.campaign.work',
				'placement.predeparture.edit',
				'placement.caseload.work',
				'counsellors.programme_referral.list'
			]
		},
		// its mobility counsellors, who follow qualified candidates one by one (issue 10, item 6); the referrals API
		// lists and moves on their candidates' referrals to programmes (the service scopes it to the files they follow)
		placement_counsellor: { titleKey: 'mobility.grant_counsellor', actions: ['placement.caseload.work', 'counsellors.programme_referral.list'] },
		// local agency staff of the placement, limited to their agency (its id; picked by name on the grants page): they
		// source and preselect that agency's people in its campaigns, hold its sessions, record its returns (agency-staff.ts)
		placement_agency: { titleKey: 'campaigns.grant_agency', actions: ['placement.campaign.work'], limit: 'scope', scopes: (db) => agencyScopes(db) }
	},
	offline: jobsOfflineReading,
	linkTargets: { 'jobs.programme': programmeLinks, 'jobs.offer': offerLinks },
	routes: mergeRouteTables([jobsRoutes, supportRoutes, seekersRoutes, counsellorsRoutes, matchingRoutes, savedOffersRoutes, placementRoutes]),
	endpoints: [...jobsEndpoints, ...supportEndpoints, ...seekersEndpoints, ...counsellorsEndpoints, ...matchingEndpoints, ...savedOffersEndpoints, ...placementEndpoints, ...campaignEndpoints, ...placementStatisticsEndpoints, ...shortlistEndpoints, ...departureEndpoints, ...mobilityEndpoints],
	apiTags: [
		{ name: 'Jobs', description: 'Job offers for regularised immigrants and everyone (Welcome).' },
		{ name: 'Rights and programmes', description: 'Rights and procedures pages, and the support programmes directory.' }
	],
	messages,
	// a placement agreement's PDF of up to 20 MB and the form's other fields; a document of a mobility file (the casework's 5 MB)
	bodyLimits: {
		'/api/v1/me/cv': 'upload',
		'/[lang=lang]/jobs/profile/cv': 'upload',
		'/[lang=lang]/jobs/placement/agreements/[id]': AGREEMENT_FILE_MAX_BYTES + 1024 * 1024,
		'/[lang=lang]/jobs/placement/caseload/[id]': 'upload',
		'/api/v1/placement/caseload/[id]/documents': 'upload'
	},
	async referenceData(db) {
		await ensureJobsReferenceData(db);
		await ensureSupportReferenceData(db);
		await ensureCounsellorsReferenceData(db);
		await ensurePlacementReferenceData(db);
		await ensurePredeparturePages(db);
	},
	async demoData(db) {
		await loadJobsDemoData(db);
		await loadSupportDemoData(db);
		await loadSeekersDemoData(db);
		await loadCounsellorsDemoData(db);
		await loadPlacementDemoData(db);
		await loadDepartureDemoData(db);
		await loadMobilityDemoData(db);
	},
	publicCaches: { '/[lang=lang]/jobs': offersRead, '/api/v1/job-offers': offersRead },
	commands: {
		'jobs:expire': {
			description: 'Record as expired the job offers past their closing date; run daily (also: npm run jobs:expire).',
			run: (_argv, io) => runJobsExpire(io)
		},
		'jobs:alerts': {
			description: 'E-mail each job seeker the new offers matching their saved searches; run daily (also: npm run jobs:alerts).',
			run: (_argv, io) => runJobsAlerts(io)
		}
	},
	personalData: jobsPersonalData,
	// job seekers followed by the agency they chose (notes, appointments, referrals: the platform's casework)
	// and qualified candidates followed by the division's mobility counsellors (needs too)
	caseloads: [agencyFollowUp, placementFollowUp],
	// CVs live in the file store under cv/ (backups carry them; a restore checks each is there)
	storedFiles: [
		{ table: seekerProfile, column: seekerProfile.cvFile, prefix: 'cv/' },
		{ table: placementAgreementDocument, column: placementAgreementDocument.fileKey, prefix: '' }
	],
	mySpace: jobsSpace,
	linksTo: programmesLinkingTo,
	// run by the server's job queue (Morocco time); the commands above stay for running them by hand
	jobs: {
		expire: {
			descriptionKey: 'jobs.job_expire',
			schedule: '5 0 * * *',
			run: async (_data, host) => void (await expireOffers(host.database.db, systemContext(), new Date()))
		},
		alerts: {
			descriptionKey: 'jobs.job_alerts',
			schedule: '0 7 * * *',
			run: async (_data, host) =>
				void (await sendSearchAlerts(host.database.db, systemContext(), { mailer: host.mailer, publicUrl: host.settings.publicUrl }, new Date()))
		},
		// pre-departure orientation sessions: each person reminded once, in their language, within 48 hours of the session
		'orientation-reminders': {
			descriptionKey: 'departure.job_reminders',
			schedule: '15 * * * *',
			run: async (_data, host) =>
				void (await sendOrientationReminders(host.database.db, systemContext(), { mailer: host.mailer ?? undefined, publicUrl: host.settings.publicUrl }, new Date()))
		},
		// retention: the pipeline entries of campaigns closed more than 24 months ago are deleted, their statistics kept
		'pipeline-retention': {
			descriptionKey: 'campaigns.job_retention',
			schedule: '40 3 * * *',
			run: async (_data, host) => void (await deleteClosedPipelines(host.database.db, new Date()))
		},
		// retention: a mobility counsellor's file is erased 12 months after all the candidate's opportunities closed (and nobody wrote to it)
		'mobility-retention': {
			descriptionKey: 'mobility.job_retention',
			schedule: '50 3 * * *',
			run: async (_data, host) => void (await eraseClosedMobilityFiles(host.database.db, new Date(), await openFileStore(host.settings)))
		}
	}
});
