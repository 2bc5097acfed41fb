// The installable web app of each language: its manifest and its service worker (the worker's code is
// service-worker.js beside this file; this file writes the configuration above it). What a phone may read
// offline comes from the modules' manifests (`offline`), so a module adds its pages without touching this.
import crypto from 'node:crypto';
import type { DbOrTx } from '../db/database.ts';
import { translate } from '../i18n/translator.ts';
import { direction, type Language } from '../i18n/languages.ts';
import { offlineEntries, offlineModules } from './offline-reading.ts';
import workerSource from './service-worker.js?raw';

/** Record pages of the saved list a phone keeps at most (saved and kept together); the oldest go first. About 6 KB each. */
export const MAX_OFFLINE_OFFERS = 30;
/** Hashed stylesheets and scripts kept for those pages. */
const MAX_OFFLINE_FILES = 40;

/** The design's colours (src/app.css: --color-brand, --color-bg). */
export const themeColour = '#0b5d4b';
const backgroundColour = '#ffffff';

export function webAppManifest(language: Language) {
	const t = (key: string) => translate(language, `offline.${key}`);
	return {
		id: `/${language}/`,
		name: t('app_name'),
		short_name: t('app_short_name'),
		description: t('app_description'),
		lang: language,
		dir: direction(language),
		// inside the scope (the language's home, /fr, is not): the first module readable offline
		start_url: `/${language}/${offlineModules()[0]?.slug ?? 'offline'}`,
		scope: `/${language}/`,
		display: 'standalone',
		orientation: 'any',
		theme_color: themeColour,
		background_color: backgroundColour,
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
		],
		shortcuts: offlineEntries(language).map(({ href, titleKey }) => ({ name: translate(language, titleKey), url: href }))
	};
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The pages a phone keeps from the start: the offline page, then each module's. */
export async function offlinePages(db: DbOrTx, language: Language): Promise<string[]> {
	const pages = [`/${language}/offline`];
	for (const { offline } of offlineModules()) {
		for (const path of (await offline.precache?.(db, language)) ?? []) pages.push(`/${language}${path}`);
	}
	return pages;
}

/** A pattern written after the language, as the worker matches it: the whole address in this language. */
const inLanguage = (language: Language, pattern: string) => `^/${language}${pattern}$`;

/**
 * The service worker of a language: its configuration, then its code. `version` changes with the code,
 * the pages to keep and the build, so a phone installs the new worker (and drops the old pages) exactly then.
 */
export async function serviceWorkerScript(db: DbOrTx, language: Language, buildVersion: string): Promise<{ body: string; version: string }> {
	const title = translate(language, 'offline.offline_title');
	const modules = offlineModules();
	// one saved list is supported: its records' pages are the ones a person may also keep on the device
	const saved = modules.find(({ offline }) => offline.saved)?.offline.saved;
	const config = {
		language,
		offlineUrl: `/${language}/offline`,
		precache: await offlinePages(db, language),
		readable: modules.flatMap(({ offline }) => offline.readable.map((pattern) => inLanguage(language, pattern))),
		saved: saved
			? { list: `/${language}${saved.list}`, item: inLanguage(language, saved.item), forgetAfter: saved.forgetAfter.map((path) => `${path}$`) }
			: null,
		maxOffers: MAX_OFFLINE_OFFERS,
		maxFiles: MAX_OFFLINE_FILES,
		// shown only if the offline page itself was lost
		fallbackHtml:
			`<!doctype html><html lang="${language}" dir="${direction(language)}"><meta charset="utf-8">` +
			`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
			`<h1>${escapeHtml(title)}</h1><p>${escapeHtml(translate(language, 'offline.offline_intro'))}</p></html>`
	};
	const version = crypto.createHash('sha256').update(buildVersion).update(JSON.stringify(config)).update(workerSource).digest('hex').slice(0, 12);
	const body = `const CONFIG = ${JSON.stringify({ ...config, version })};\n${workerSource}`;
	return { body, version };
}
