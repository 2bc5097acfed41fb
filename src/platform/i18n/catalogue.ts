import type { Language } from './languages.ts';
import type { MessageNamespace } from '../kernel/manifest.ts';
import { fromModules, mergeOwned } from '../kernel/modules.ts';
// The platform's namespaces, one JSON file per namespace and language; modules bring theirs in their manifest.
import frCommon from './messages/fr/common.json' with { type: 'json' };
import arCommon from './messages/ar/common.json' with { type: 'json' };
import enCommon from './messages/en/common.json' with { type: 'json' };
import frAccount from './messages/fr/account.json' with { type: 'json' };
import arAccount from './messages/ar/account.json' with { type: 'json' };
import enAccount from './messages/en/account.json' with { type: 'json' };
import frAdmin from './messages/fr/admin.json' with { type: 'json' };
import arAdmin from './messages/ar/admin.json' with { type: 'json' };
import enAdmin from './messages/en/admin.json' with { type: 'json' };
import frErrors from './messages/fr/errors.json' with { type: 'json' };
import arErrors from './messages/ar/errors.json' with { type: 'json' };
import enErrors from './messages/en/errors.json' with { type: 'json' };
import frEmail from './messages/fr/email.json' with { type: 'json' };
import arEmail from './messages/ar/email.json' with { type: 'json' };
import enEmail from './messages/en/email.json' with { type: 'json' };
import frApi from './messages/fr/api.json' with { type: 'json' };
import arApi from './messages/ar/api.json' with { type: 'json' };
import enApi from './messages/en/api.json' with { type: 'json' };
import frSpace from './messages/fr/space.json' with { type: 'json' };
import arSpace from './messages/ar/space.json' with { type: 'json' };
import enSpace from './messages/en/space.json' with { type: 'json' };
import frQueue from './messages/fr/queue.json' with { type: 'json' };
import arQueue from './messages/ar/queue.json' with { type: 'json' };
import enQueue from './messages/en/queue.json' with { type: 'json' };
import frSite from './messages/fr/site.json' with { type: 'json' };
import frOffline from './messages/fr/offline.json' with { type: 'json' };
import frWorkspace from './messages/fr/workspace.json' with { type: 'json' };
import arWorkspace from './messages/ar/workspace.json' with { type: 'json' };
import enWorkspace from './messages/en/workspace.json' with { type: 'json' };
import arOffline from './messages/ar/offline.json' with { type: 'json' };
import enOffline from './messages/en/offline.json' with { type: 'json' };
import arSite from './messages/ar/site.json' with { type: 'json' };
import enSite from './messages/en/site.json' with { type: 'json' };
import frContent from './messages/fr/content.json' with { type: 'json' };
import arContent from './messages/ar/content.json' with { type: 'json' };
import enContent from './messages/en/content.json' with { type: 'json' };
import frModeration from './messages/fr/moderation.json' with { type: 'json' };
import arModeration from './messages/ar/moderation.json' with { type: 'json' };
import enModeration from './messages/en/moderation.json' with { type: 'json' };
import frCasework from './messages/fr/casework.json' with { type: 'json' };
import arCasework from './messages/ar/casework.json' with { type: 'json' };
import enCasework from './messages/en/casework.json' with { type: 'json' };
import frDiscussion from './messages/fr/discussion.json' with { type: 'json' };
import arDiscussion from './messages/ar/discussion.json' with { type: 'json' };
import enDiscussion from './messages/en/discussion.json' with { type: 'json' };
import frMatch from './messages/fr/match.json' with { type: 'json' };
import arMatch from './messages/ar/match.json' with { type: 'json' };
import enMatch from './messages/en/match.json' with { type: 'json' };

const platformNamespaces: Record<string, MessageNamespace> = {
	common: { fr: frCommon, ar: arCommon, en: enCommon },
	account: { fr: frAccount, ar: arAccount, en: enAccount },
	admin: { fr: frAdmin, ar: arAdmin, en: enAdmin },
	errors: { fr: frErrors, ar: arErrors, en: enErrors },
	email: { fr: frEmail, ar: arEmail, en: enEmail },
	api: { fr: frApi, ar: arApi, en: enApi },
	space: { fr: frSpace, ar: arSpace, en: enSpace },
	queue: { fr: frQueue, ar: arQueue, en: enQueue },
	site: { fr: frSite, ar: arSite, en: enSite },
	offline: { fr: frOffline, ar: arOffline, en: enOffline },
	workspace: { fr: frWorkspace, ar: arWorkspace, en: enWorkspace },
	content: { fr: frContent, ar: arContent, en: enContent },
	moderation: { fr: frModeration, ar: arModeration, en: enModeration },
	casework: { fr: frCasework, ar: arCasework, en: enCasework },
	discussion: { fr: frDiscussion, ar: arDiscussion, en: enDiscussion },
	match: { fr: frMatch, ar: arMatch, en: enMatch }
};

/** Flat catalogue per language (`namespace.key` → ICU message): the platform's namespaces and every installed module's. */
export const catalogue = fromModules((manifests) => {
	const namespaces = mergeOwned<MessageNamespace>('Message namespace', [
		['the platform', platformNamespaces],
		...manifests.map((manifest) => [`module ${manifest.slug}`, manifest.messages] as [string, Record<string, MessageNamespace> | undefined])
	]);
	const flat: Record<Language, Map<string, string>> = { fr: new Map(), ar: new Map(), en: new Map() };
	for (const [namespace, byLanguage] of Object.entries(namespaces)) {
		for (const language of Object.keys(flat) as Language[]) {
			for (const [key, message] of Object.entries(byLanguage[language] ?? {})) flat[language].set(`${namespace}.${key}`, message);
		}
	}
	return flat;
});
