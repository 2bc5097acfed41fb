import { defineModule } from '../../platform/kernel/manifest.ts';
import { knowledgeActions } from './knowledge.policy.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { knowledgeEndpoints } from './knowledge.openapi.ts';
import { messages } from './messages/index.ts';
import { ensureKnowledgeReferenceData, loadKnowledgeDemoData } from './knowledge.data.ts';
import { knowledgeSpace } from './my-space.ts';
import { document } from './knowledge.table.ts';
import { DOCUMENT_MAX_BYTES } from './knowledge.model.ts';
import { extractPendingTexts } from './text-extraction.ts';
import { sweepOrphanFiles } from './refused-files.ts';
import { runKnowledgeGenerate, runKnowledgeRemoveSamples } from './cli/knowledge.ts';
import { documentLinks } from './link-targets.ts';
import { documentsLinkingTo } from './document-links.ts';
import { eventsLinkingTo } from './events/event-links.ts';
import { openFileStore } from '../../platform/storage/file-store.ts';
import { knowledgePersonalData } from './personal-data.ts';
import { sendEventReminders, stripOldRegistrations } from './events/registration.service.ts';
import { stripClosedInvitations } from './surveys/survey.service.ts';
import { deleteUnconfirmed } from './newsletters/newsletter.service.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof knowledgeActions, true> {}
}

/** Knowledge: the library of the SHARAKA deliverables and research, events with registration, surveys (issue #14). */
export const knowledgeModule = defineModule({
	slug: 'knowledge',
	navigation: { navKey: 'common.nav_knowledge', titleKey: 'common.module_knowledge_title', textKey: 'common.module_knowledge_text', ready: true },
	actions: knowledgeActions,
	grantRoles: {
		// an editor of the library only, without the platform's moderator role elsewhere
		editor: { titleKey: 'knowledge.grant_editor', actions: ['knowledge.moderate', 'knowledge.propose', 'knowledge.discuss', 'knowledge.edit_events', 'knowledge.edit_surveys', 'knowledge.edit_newsletter'] }
	},
	routes: knowledgeRoutes,
	endpoints: knowledgeEndpoints,
	apiTags: [{ name: 'Knowledge', description: 'The library of deliverables, studies and publications (search, detail, citations), events and their registrations, surveys and their results, the newsletter’s archive.' }],
	messages,
	// a PDF of up to 50 MB and the form's other fields
	bodyLimits: {
		'/[lang=lang]/knowledge/propose': DOCUMENT_MAX_BYTES + 1024 * 1024,
		'/[lang=lang]/knowledge/documents/[slug]/propose': DOCUMENT_MAX_BYTES + 1024 * 1024
	},
	referenceData: ensureKnowledgeReferenceData,
	demoData: loadKnowledgeDemoData,
	mySpace: knowledgeSpace,
	commands: {
		'knowledge:generate': {
			arguments: '--documents N [--pages K] [--prefix P]',
			description: 'Insert N sample documents (badged) with K pages of French and Arabic text each, to exercise the library’s search.',
			run: runKnowledgeGenerate
		},
		'knowledge:remove-samples': {
			description: 'Delete every sample of the module (documents, events and registrations, surveys and answers, researchers); real records stay.',
			run: runKnowledgeRemoveSamples
		}
	},
	jobs: {
		// the PDFs published since the last run: their text, page by page, for full-text search
		'extract-texts': {
			descriptionKey: 'knowledge.job_extract_texts',
			schedule: '* * * * *',
			run: async (_data, host) => void (await extractPendingTexts(host.database.db, await openFileStore(host.settings), { limit: 20 })),
			expireInSeconds: 15 * 60,
			retryLimit: 3,
			retryDelay: 30
		},
		// the library's files nobody names any more (withdrawn or refused proposals…), after a grace period
		'sweep-files': {
			descriptionKey: 'knowledge.job_sweep_files',
			schedule: '15 4 * * *',
			run: async (_data, host) => void (await sweepOrphanFiles(host.database.db, await openFileStore(host.settings), systemContext(), new Date()))
		},
		// the reminder of the day before, to the confirmed people of events starting within 24 hours (once each)
		'event-reminders': {
			descriptionKey: 'knowledge.job_event_reminders',
			schedule: '0 * * * *',
			run: async (_data, host) =>
				void (await sendEventReminders(createContext({ db: host.database.db, actor: null, audit: systemContext(), mailer: host.mailer, publicUrl: host.settings.publicUrl })))
		},
		// retention: a year after an event, its registrations keep category, status and attendance only
		'registrations-retention': {
			descriptionKey: 'knowledge.job_registrations_retention',
			schedule: '30 3 * * *',
			run: async (_data, host) => void (await stripOldRegistrations(host.database.db, new Date()))
		},
		// retention: 90 days after a survey closes, its personal links lose their address and token
		'survey-links-retention': {
			descriptionKey: 'surveys.job_links_retention',
			schedule: '45 3 * * *',
			run: async (_data, host) => void (await stripClosedInvitations(host.database.db, new Date()))
		},
		// retention: a newsletter subscription not confirmed within 7 days is deleted
		'newsletter-unconfirmed': {
			descriptionKey: 'newsletters.job_unconfirmed',
			schedule: '50 3 * * *',
			run: async (_data, host) => void (await deleteUnconfirmed(host.database.db, new Date()))
		}
	},
	personalData: knowledgePersonalData,
	linkTargets: { 'knowledge.document': documentLinks },
	// an Atlas initiative's page and a strategy action's page count the library's documents linking to them
	linksTo: documentsLinkingTo,
	// a Talents network's page lists the events linked to it
	eventsLinkingTo,
	storedFiles: [{ table: document, column: document.fileKey, prefix: '' }]
});
