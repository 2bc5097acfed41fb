import { defineModule } from '../../platform/kernel/manifest.ts';
import { talentsActions } from './talents.policy.ts';
import { messages } from './messages/index.ts';
import { talentsRoutes } from './talents.routes.ts';
import { talentsEndpoints } from './talents.openapi.ts';
import { talentsSpace } from './my-space.ts';
import { talentsPersonalData } from './personal-data.ts';
import { ensureTalentsReferenceData, loadTalentsDemoData } from './talents.data.ts';
import { runTalentsGenerate, runTalentsRemoveSamples } from './cli/talents.ts';
import { sendAnnouncement } from './announcements.service.ts';
import { applyTalentsRetention } from './retention.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { openFileStore } from '../../platform/storage/file-store.ts';
import { schemesLinkingTo } from './young/support-schemes.ts';
import { missionsInRegion, missionsLinkingTo } from './missions/region-missions.ts';
import { networkLinks, NETWORK_LINK } from './directories/directories.ts';
import { networkAnnouncement } from './talents.table.ts';

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof talentsActions, true> {}
}

/** Talents: the skills of Moroccans living abroad, in networks by host country and by skill (issue #11). */
export const talentsModule = defineModule({
	slug: 'talents',
	navigation: { navKey: 'common.nav_talents', titleKey: 'common.module_talents_title', textKey: 'common.module_talents_text', ready: true },
	actions: talentsActions,
	grantRoles: {
		// approves requests to join one network, sees its members and moderates its discussion: granted per network (scope: its slug)
		coordinator: { titleKey: 'talents.grant_coordinator', actions: ['talents.coordinate', 'talents.discussion.moderate'], limit: 'scope', delegable: true },
		// posts and manages the missions of one organisation based in Morocco (granted per organisation)
		institution: { titleKey: 'talents.grant_institution', actions: ['talents.mission.manage'], limit: 'organisation' }
	},
	routes: talentsRoutes,
	// the announcements' form takes a picture (5 MB, checked by its content)
	bodyLimits: { '/[lang=lang]/talents/networks/[slug]/announcements': 'upload' },
	// news pictures live in the file store under talents/news/ (backups carry them; a restore checks each is there)
	storedFiles: [{ table: networkAnnouncement, column: networkAnnouncement.imageKey, prefix: '' }],
	endpoints: talentsEndpoints,
	apiTags: [{ name: 'Talents', description: 'Networks of Moroccans abroad by host territory or by skill, and the public cards of talents who chose to show one.' }],
	messages,
	mySpace: talentsSpace,
	// on an Atlas initiative's page: the support schemes for young entrepreneurs and the missions that belong to it
	// the Talents networks, which the diaspora associations of the directory name
	linkTargets: { [NETWORK_LINK]: networkLinks },
	linksTo: async (db, value) => [...(await schemesLinkingTo(db, value)), ...(await missionsLinkingTo(db, value))],
	// on the Atlas's region page: the missions talents of the diaspora completed in the region
	regionContributions: missionsInRegion,
	personalData: talentsPersonalData,
	referenceData: ensureTalentsReferenceData,
	demoData: loadTalentsDemoData,
	jobs: {
		// a coordinator's announcement: one e-mail per member, in their language, through the platform's mail queue
		'send-announcement': {
			descriptionKey: 'talents.job_send_announcement',
			run: async (data, host) => void (await sendAnnouncement(host.database.db, host.mailer, host.settings.publicUrl, String(data.announcementId))),
			retryLimit: 3,
			retryDelay: 60
		},
		// retention, every night: closed missions' conversations after 12 months, finished mentoring requests' messages after 6,
		// news pictures nothing names any more (retention.ts)
		retention: {
			descriptionKey: 'talents.job_retention',
			schedule: '40 3 * * *',
			run: async (_data, host) => void (await applyTalentsRetention(createContext({ db: host.database.db, actor: null, audit: systemContext('system'), files: await openFileStore(host.settings) })))
		}
	},
	commands: {
		'talents:generate': {
			arguments: '--talents N [--prefix P]',
			description: 'Insert N sample talents (badged, accounts that cannot sign in) in the sample networks, for benchmarks.',
			run: runTalentsGenerate
		},
		'talents:remove-samples': {
			description: 'Delete every sample talent (their accounts on the reserved domain) and every sample network.',
			run: runTalentsRemoveSamples
		}
	}
});
