import { defineModule } from '../../platform/kernel/manifest.ts';
import { actionsLinkingTo } from './initiative-links.service.ts';
import { ACTION_KIND, actionLinks } from './link-targets.ts';
import { recommendationsLinkingTo } from './recommendations.service.ts';
import { strategyActions } from './strategy.policy.ts';
import { strategyRoutes } from './strategy.routes.ts';
import { strategyEndpoints } from './strategy.openapi.ts';
import { messages } from './messages/index.ts';
import { strategySpace } from './my-space.ts';
import { ensureStrategyReferenceData, loadStrategyDemoData } from './strategy.data.ts';
import { runStrategyRemind, sendReportReminders } from './reminders.ts';
import { strategyPersonalData } from './personal-data.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { openFileStore } from '../../platform/storage/file-store.ts';
import { removeStaleImports } from './programme-import.ts';
import { runStrategyRemoveSamples } from './samples.ts';

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof strategyActions, true> {}
}

/** Strategy: programming and monitoring of the national migration strategies by region (issue #13). */
export const strategyModule = defineModule({
	slug: 'strategy',
	navigation: { navKey: 'common.nav_strategy', titleKey: 'common.module_strategy_title', textKey: 'common.module_strategy_text', ready: true },
	actions: strategyActions,
	grantRoles: {
		// the scope is the strategy's slug: an owner or a planner of one strategy only. Owners and reporters of a partner
		// country's strategy also manage and run that country's concertation bodies (concertation-access.ts); a Moroccan
		// strategy's grants give nothing over bodies, Morocco's being the moderators'
		owner: { titleKey: 'strategy.grant_owner', actions: ['strategy.manage', 'strategy.plan', 'strategy.review', 'strategy.approve_programme', 'strategy.manage_concertation', 'strategy.concertation_secretariat'], limit: 'scope' },
		planner: { titleKey: 'strategy.grant_planner', actions: ['strategy.plan'], limit: 'scope' },
		// the people of the bodies responsible for actions, who enter the indicators' actual values
		reporter: { titleKey: 'strategy.grant_reporter', actions: ['strategy.report', 'strategy.manage_concertation', 'strategy.concertation_secretariat'], limit: 'scope' },
		// the secretariat of one regional concertation body (scope = the body's slug): its space and its decisions
		secretary: { titleKey: 'strategy.grant_secretary', actions: ['strategy.concertation_secretariat'], limit: 'scope' }
	},
	routes: strategyRoutes,
	// the programme's workbook (PROGRAMME_IMPORT_MAX_BYTES) and its form
	bodyLimits: { '/[lang=lang]/strategy/[slug]/plan/import': 11 * 1024 * 1024 },
	endpoints: strategyEndpoints,
	apiTags: [{ name: 'Strategy', description: 'National migration strategies and their action plans: domains, programmes, objectives and actions by region.' }],
	messages,
	referenceData: ensureStrategyReferenceData,
	demoData: loadStrategyDemoData,
	mySpace: strategySpace,
	personalData: strategyPersonalData,
	// an Atlas initiative's page counts the actions it carries; a library document's, the recommendations followed from it
	linksTo: async (db, value) => [...(await actionsLinkingTo(db, value)), ...(await recommendationsLinkingTo(db, value))],
	// the published strategies' actions, for other modules' records to name (a library document's actions)
	linkTargets: { [ACTION_KIND]: actionLinks },
	commands: {
		'strategy:remind': {
			description: 'E-mail the reporters of each strategy who have entered no value for the year just closed; run weekly.',
			run: (_argv, io) => runStrategyRemind(io)
		},
		'strategy:remove-samples': {
			description: 'Delete every sample of the module (nodes with their lines, indicators and values, initiative links, programme versions, recommendations, concertation bodies and their spaces); real records stay.',
			run: runStrategyRemoveSamples
		}
	},
	// run by the server's job queue (Morocco time): reminders Mondays at 8:00, previewed imports never applied daily
	jobs: {
		'import-cleanup': {
			descriptionKey: 'strategy.job_import_cleanup',
			schedule: '30 3 * * *',
			run: async (_data, host) => void (await removeStaleImports(await openFileStore(host.settings), new Date()))
		},
		remind: {
			descriptionKey: 'strategy.job_remind',
			schedule: '0 8 * * 1',
			run: async (_data, host) => void (await sendReportReminders(host.database.db, systemContext(), { mailer: host.mailer, publicUrl: host.settings.publicUrl }, new Date()))
		}
	}
});
