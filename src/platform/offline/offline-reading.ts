// What the installed modules offer to read offline (their manifests' `offline`), for the page layout,
// the offline page and the service worker.
import { fromModules } from '../kernel/modules.ts';
import type { OfflineReading } from '../kernel/manifest.ts';
import type { Language } from '../i18n/languages.ts';

/** The modules that have pages to read offline, with their slug. */
export const offlineModules = fromModules((manifests) =>
	manifests.flatMap((manifest) =>
		manifest.offline
			? [{ slug: manifest.slug, offline: manifest.offline as OfflineReading, noScript: (manifest.offline.noScript ?? []).map((pattern) => new RegExp(`^${pattern}$`)) }]
			: []
	)
);

/** Where the page script registers the service worker: the offline page and every page of a module that has pages to read offline. */
export function registersServiceWorker(pathname: string): boolean {
	const section = /^\/[a-z]{2}\/([a-z0-9-]+)(\/|$)/.exec(pathname)?.[1];
	if (section === 'offline') return true;
	const owner = offlineModules().find(({ slug }) => slug === section);
	if (!owner) return false;
	// every page runs this: the patterns are compiled once per list of modules
	const path = pathname.slice(3);
	return !owner.noScript.some((pattern) => pattern.test(path));
}

/** What the offline page offers to read, in the modules' order. */
export function offlineEntries(language: Language): { href: string; titleKey: string }[] {
	return offlineModules().flatMap(({ offline }) => (offline.entries ?? []).map(({ path, titleKey }) => ({ href: `/${language}${path}`, titleKey })));
}

