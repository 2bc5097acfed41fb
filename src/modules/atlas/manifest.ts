import { defineModule, type CacheHost } from '../../platform/kernel/manifest.ts';
import { mergeRouteTables } from '../../platform/policy/route-access.ts';
import { atlasActions } from './atlas.policy.ts';
import { importActions } from './import/import.policy.ts';
import { moderationActions } from './moderation/moderation.policy.ts';
import { ratesActions } from './rates/rates.policy.ts';
import { atlasRoutes } from './atlas.routes.ts';
import { importRoutes } from './import/import.routes.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { ratesRoutes } from './rates/rates.routes.ts';
import { atlasEndpoints } from './atlas.openapi.ts';
import { importEndpoints } from './import/import.openapi.ts';
import { moderationEndpoints } from './moderation/moderation.openapi.ts';
import { ratesEndpoints } from './rates/rates.openapi.ts';
import { messages } from './messages/index.ts';
import { ensureAtlasReferenceData, loadAtlasDemoData } from './atlas.data.ts';
import { atlasCache } from './atlas-cache.ts';
import { revisionCache } from '../../platform/cache/revision-cache.ts';
import { exchangeRateRows } from './initiative.service.ts';
import { IMPORT_BODY_LIMIT } from './import/limits.ts';
import { runAtlasCli } from './cli/atlas.ts';
import { runReminders } from './cli/atlas-reminders.ts';
import { atlasSpace } from './my-space.ts';
import { initiativeLinks } from './link-targets.ts';
import { sendStaleReminders } from './moderation/moderation.service.ts';
import { applyQueuedImport, APPLY_IMPORT_JOB, type ApplyImportJob } from './import/apply.ts';
import { importEnvOf } from './import/import.service.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { createContext } from '../../platform/kernel/context.ts';

const atlasModuleActions = { ...atlasActions, ...moderationActions, ...importActions, ...ratesActions };

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof atlasModuleActions, true> {}
}

const publicRead = (app: CacheHost) => ({
	cache: atlasCache(app.database.db, app.settings.atlasCache),
	key: 'atlas'
});

/** The Atlas: the public map and inventory of migration & development initiatives, under the ministry's moderation. */
export const atlasModule = defineModule({
	slug: 'atlas',
	navigation: { navKey: 'common.nav_atlas', titleKey: 'common.module_atlas_title', textKey: 'common.module_atlas_text', ready: true },
	actions: atlasModuleActions,
	grantRoles: {
		// a ministry moderator of the Atlas only, without the platform's moderator role elsewhere
		moderator: { titleKey: 'atlas.grant_moderator', actions: ['atlas.moderate', 'atlas.propose', 'atlas.discuss', 'atlas.import', 'atlas.rates.edit'] }
	},
	routes: mergeRouteTables([atlasRoutes, moderationRoutes, importRoutes, ratesRoutes]),
	endpoints: [...atlasEndpoints, ...moderationEndpoints, ...importEndpoints, ...ratesEndpoints],
	apiTags: [{ name: 'Atlas', description: 'Migration & development initiatives in Morocco: search, detail, statistics.' }],
	messages,
	bodyLimits: { '/api/v1/imports/iati': IMPORT_BODY_LIMIT, '/[lang=lang]/atlas/imports': IMPORT_BODY_LIMIT },
	referenceData: ensureAtlasReferenceData,
	demoData: loadAtlasDemoData,
	publicCaches: {
		'/[lang=lang]/atlas': publicRead,
		'/[lang=lang]/atlas/dashboard': publicRead,
		'/api/v1/initiatives': publicRead,
		'/api/v1/atlas/stats': publicRead
	},
	commands: {
		'atlas:remove-samples': {
			description: 'Delete every sample (fictional) initiative and the fictional sample organisations (also: npm run atlas:remove-samples).',
			run: (argv, io) => runAtlasCli(['remove-samples', ...argv], io)
		},
		'atlas:generate': {
			arguments: '--initiatives N [--prefix P]',
			description: 'Insert N generated initiatives, badged as samples, for benchmarks (also: npm run generate -- --initiatives N).',
			run: (argv, io) => runAtlasCli(['generate', ...argv], io)
		},
		'atlas:reminders': {
			description: 'E-mail the organisations whose initiatives were not verified for 12 months; run monthly (also: npm run jobs:reminders).',
			run: (_argv, io) => runReminders(io)
		}
	},
	mySpace: atlasSpace,
	linkTargets: { 'atlas.initiative': initiativeLinks },
	// the yearly rates, for other modules' conversions (the Strategy's budget totals in MAD), read once per Atlas data revision
	exchangeRates: (db) => revisionCache(db, 'atlas_revision').read('exchange-rates', () => exchangeRateRows(db)),
	// run by the server's job queue (Morocco time); `atlas:reminders` stays for running it by hand
	jobs: {
		[APPLY_IMPORT_JOB]: {
			descriptionKey: 'atlas.job_apply_import',
			run: (data, host) => applyQueuedImport(importEnvOf(host), data as unknown as ApplyImportJob),
			// a file of 20,000 activities takes minutes; a dead instance's import is taken up within a minute
			expireInSeconds: 2 * 3600,
			heartbeatSeconds: 30,
			retryLimit: 10,
			retryDelay: 15
		},
		reminders: {
			descriptionKey: 'atlas.job_reminders',
			schedule: '0 9 1 * *',
			run: async (_data, host) =>
				void (await sendStaleReminders(createContext({ db: host.database.db, actor: null, audit: systemContext(), mailer: host.mailer }), {
					mailer: host.mailer,
					publicUrl: host.settings.publicUrl.replace(/\/$/, '')
				}))
		}
	}
});
