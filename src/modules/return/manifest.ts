import { defineModule } from '../../platform/kernel/manifest.ts';
import { serviceStageLinks } from './link-targets.ts';
import { returnActions } from './return.policy.ts';
import { returnRoutes } from './return.routes.ts';
import { returnEndpoints } from './return.openapi.ts';
import { messages } from './messages/index.ts';
import { returnOfflineReading } from './offline-reading.ts';
import { ensureReturnReferenceData, loadReturnDemoData, loadReturnNetworkDemoData } from './return.data.ts';
import { loadNetworkSpaceDemoData } from './network-space.data.ts';
import { loadReintegrationDemoData } from './reintegration.data.ts';
import { loadCrisisDemoData } from './crisis/crisis.data.ts';
import { returnPersonalData } from './personal-data.ts';
import { returnSpace } from './my-space.ts';
import { reintegrationFollowUp } from './reintegration.ts';
import { runReturnRemoveSamples } from './cli/remove-samples.ts';
import { runCrisisPurge } from './cli/crisis-purge.ts';
import { runCaseRetention } from './cli/case-retention.ts';
import { CASE_RETENTION_YEARS, eraseExpiredCases } from './case-retention.ts';
import { purgeClosedCrises } from './crisis/crisis.service.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { openFileStore } from '../../platform/storage/file-store.ts';
import { runSurveyInvitations } from './cli/survey-invitations.ts';

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof returnActions, true> {}
}

/**
 * Return & reintegration: the return guide (versioned content pages by profile and topic), pension
 * portability by host country, the personal return checklist. The RAMre network, followed
 * reintegration, the survey and crisis return come next (README).
 */
export const returnModule = defineModule({
	slug: 'return',
	navigation: { navKey: 'common.nav_return', titleKey: 'common.module_return_title', textKey: 'common.module_return_text', ready: true },
	actions: returnActions,
	grantRoles: {
		guide_editor: { titleKey: 'return.grant_guide_editor', actions: ['return.guide.edit', 'return.pension.manage'] },
		// the RAMre network's secretariat (MDCMRE): decides membership requests
		secretariat: { titleKey: 'return.grant_secretariat', actions: ['return.secretariat'] },
		// a RAMre operator's case worker: follows the operator's returnees (followed reintegration)
		caseworker: { titleKey: 'return.grant_caseworker', actions: ['return.case.work'], limit: 'organisation' },
		// MDCMRE's crisis cell (moderators have it already)
		crisis_cell: { titleKey: 'return.grant_crisis_cell', actions: ['return.crisis.manage', 'return.crisis.relay'] },
		// a relay of the crisis cell: the registrations assigned to its organisation
		crisis_relay: { titleKey: 'return.grant_crisis_relay', actions: ['return.crisis.relay'], limit: 'organisation' }
	},
	routes: returnRoutes,
	// a case's page takes a document of the returnee's file (5 MB at most, checked by the platform)
	bodyLimits: { '/[lang=lang]/return/cases/[id]': 'upload' },
	offline: returnOfflineReading,
	caseloads: [reintegrationFollowUp],
	endpoints: returnEndpoints,
	apiTags: [{ name: 'Return', description: 'The return guide, pension portability by host country and the RAMre services.' }],
	messages,
	referenceData: ensureReturnReferenceData,
	async demoData(db) {
		await loadReturnDemoData(db);
		await loadReturnNetworkDemoData(db);
		await loadNetworkSpaceDemoData(db);
		await loadReintegrationDemoData(db);
		await loadCrisisDemoData(db);
	},
	commands: {
		'return:survey-invitations': {
			description: 'E-mail the sustainability survey rounds that fell due and were never sent (run daily).',
			run: (_argv, io) => runSurveyInvitations(io)
		},
		'return:crisis-purge': {
			description: 'Delete the registrations of the crises closed longer ago than their retention period, keeping counts (run daily).',
			run: (_argv, io) => runCrisisPurge(io)
		},
		'return:case-retention': {
			description: `Erase the reintegration cases closed more than ${CASE_RETENTION_YEARS} years ago, with the operator's casework file (the module's daily job does it too).`,
			run: (_argv, io) => runCaseRetention(io)
		},
		'return:remove-samples': {
			description: 'Delete the fictional RAMre network members, their services and organisations (real members stay).',
			run: (_argv, io) => runReturnRemoveSamples(io)
		}
	},
	// retention enforced without an external cron (the commands above do the same by hand)
	jobs: {
		'crisis-purge': {
			descriptionKey: 'return.job_crisis_purge',
			schedule: '15 3 * * *',
			run: async (_data, host) => void (await purgeClosedCrises(createContext({ db: host.database.db, actor: null, audit: systemContext('system') })))
		},
		'case-retention': {
			descriptionKey: 'return.job_case_retention',
			schedule: '30 3 * * *',
			run: async (_data, host) =>
				void (await eraseExpiredCases(createContext({ db: host.database.db, actor: null, audit: systemContext('system') }), await openFileStore(host.settings)))
		}
	},
	personalData: returnPersonalData,
	mySpace: returnSpace,
	// the service finder by stage of return (Jobs' placement points returnees at it)
	linkTargets: { 'return.service_stage': serviceStageLinks }
});
