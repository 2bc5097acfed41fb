import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { installedModules } from '../kernel/modules.ts';
import { translate } from '../i18n/translator.ts';
import { serviceWorkerScript, webAppManifest } from './web-app.ts';
import { offlineEntries, registersServiceWorker } from './offline-reading.ts';
import { GET as workerRoute } from '../../routes/[lang=lang]/service-worker.js/+server.ts';
import { load as offlinePage } from '../../routes/[lang=lang]/offline/+page.server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

const withOffline = () => installedModules().filter((manifest) => manifest.offline);
const configOf = (body: string) => JSON.parse(/^const CONFIG = (.*);$/m.exec(body)![1]);

describe('the installable web app', () => {
	it('has a manifest per language: names from the messages, Arabic right-to-left, start and scope in the language, icons that exist', () => {
		const ar = webAppManifest('ar');
		expect(ar).toMatchObject({ lang: 'ar', dir: 'rtl', scope: '/ar/', display: 'standalone', name: translate('ar', 'offline.app_name'), short_name: 'شراكة' });
		expect(ar.start_url.startsWith(ar.scope)).toBe(true);
		expect(webAppManifest('fr')).toMatchObject({ lang: 'fr', dir: 'ltr', scope: '/fr/', short_name: 'Sharaka' });
		// a shortcut per place the modules offer to read offline, named in the language
		expect(ar.shortcuts.map((shortcut) => shortcut.url)).toEqual(offlineEntries('ar').map((entry) => entry.href));
		expect(ar.shortcuts.every((shortcut) => shortcut.name && !shortcut.name.includes('.'))).toBe(true);
		const purposes = new Set(ar.icons.map((icon) => icon.purpose));
		expect(purposes).toEqual(new Set(['any', 'maskable']));
		for (const icon of ar.icons) {
			const file = fs.readFileSync(path.resolve('static', icon.src.slice(1)));
			if (icon.type === 'image/png') {
				// PNG signature, then the IHDR chunk's width and height
				expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');
				const [width, height] = icon.sizes.split('x').map(Number);
				expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([width, height]);
			} else {
				expect(file.toString('utf8')).toMatch(/^<svg /);
			}
		}
	});

	it('writes a service worker that keeps the offline page and every page the modules ask for, in its language, versioned', async () => {
		expect(withOffline().length).toBeGreaterThan(1);
		const { body, version } = await serviceWorkerScript(app.database.db, 'ar', 'build-1');
		const config = configOf(body);
		expect(config.precache[0]).toBe('/ar/offline');
		for (const manifest of withOffline()) {
			const asked = (await manifest.offline!.precache?.(app.database.db, 'ar')) ?? [];
			expect(config.precache).toEqual(expect.arrayContaining(asked.map((page) => `/ar${page}`)));
		}
		// every page kept at install is one the worker keeps fresh when read, and only in its language
		const readable = config.readable.map((pattern: string) => new RegExp(pattern));
		for (const page of config.precache.slice(1)) expect(readable.some((pattern: RegExp) => pattern.test(page)), page).toBe(true);
		expect(readable.some((pattern: RegExp) => pattern.test(config.precache[1].replace('/ar/', '/fr/')))).toBe(false);
		expect(config).toMatchObject({ language: 'ar', offlineUrl: '/ar/offline', version });
		expect(config.fallbackHtml).toContain('dir="rtl"');
		expect(body).toContain("addEventListener('fetch'");
		expect((await serviceWorkerScript(app.database.db, 'ar', 'build-1')).version).toBe(version);
		expect((await serviceWorkerScript(app.database.db, 'ar', 'build-2')).version).not.toBe(version);
		expect((await serviceWorkerScript(app.database.db, 'fr', 'build-1')).version).not.toBe(version);
	});

	it('serves the service worker uncached (no-cache, 304 when unchanged)', async () => {
		const request = (headers: Record<string, string> = {}) =>
			({ params: { lang: 'fr' }, request: new Request('http://localhost/fr/service-worker.js', { headers }) }) as unknown as Parameters<typeof workerRoute>[0];
		const first = await workerRoute(request());
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
		expect(await first.text()).toContain('"language":"fr"');
		const again = await workerRoute(request({ 'if-none-match': first.headers.get('etag')! }));
		expect(again.status).toBe(304);
	});

	it('registers the worker only on the pages of modules that have pages to read offline, and on the offline page', () => {
		for (const manifest of withOffline()) expect(registersServiceWorker(`/fr/${manifest.slug}/anything`)).toBe(true);
		const without = installedModules().find((manifest) => !manifest.offline)!;
		expect(registersServiceWorker(`/ar/${without.slug}`)).toBe(false);
		expect(registersServiceWorker('/en/offline')).toBe(true);
		expect(registersServiceWorker('/fr/account/sign-in')).toBe(false);
		// a module's very light pages carry no script at all
		for (const manifest of withOffline()) {
			for (const pattern of manifest.offline!.noScript ?? []) expect(registersServiceWorker(`/fr${pattern.replace(/\(.*$/, '')}`)).toBe(false);
		}
	});

	it('the offline page lists what each module offers to read offline', () => {
		const { entries } = offlinePage({ locals: { language: 'en' } } as Parameters<typeof offlinePage>[0]) as { entries: { href: string }[] };
		const expected = withOffline().flatMap((manifest) => (manifest.offline!.entries ?? []).map((entry) => `/en${entry.path}`));
		expect(entries.map((entry) => entry.href)).toEqual(expected);
		expect(expected.length).toBeGreaterThan(2);
	});
});
