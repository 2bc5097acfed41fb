// @ts-nocheck -- a service worker: TypeScript's DOM library has no ServiceWorkerGlobalScope (checked in e2e/offline.spec.ts)
// Sharaka's service worker, one per language (scope /{lang}/), served by src/routes/[lang=lang]/service-worker.js
// with CONFIG written above this line (language, version, pages to precache, the modules' readable pages and
// saved list, bounds, fallback page). What it keeps, and nothing else:
//  - at install: the offline page and the pages modules ask for (only the offline page when the phone asks to save data);
//  - pages read network-first, the copy shown only when the network fails: the modules' readable pages (rights,
//    the return guide…), the saved list, and record pages the person saved (the server marks them
//    `x-sharaka-offline: saved`) or kept on this device;
//  - the build's hashed files (/_app/immutable/…) those pages use, cache-first.
// Never cached: POST requests, the API, any other page. The saved list and saved records are personal: they
// are forgotten at sign-in, sign-out and account deletion. Records kept "for offline reading" are fetched
// without cookies, so they hold nothing personal.

const prefix = `sharaka-${CONFIG.language}-`;
/** the precached pages: renewed with each version, the old one deleted on activate */
const PAGES = `${prefix}pages-${CONFIG.version}`;
/** hashed, immutable files; kept across versions so pages cached earlier still find their stylesheet */
const ASSETS = `${prefix}assets-v1`;
/** saved records' pages (offers), at most CONFIG.maxOffers, the oldest dropped first */
const OFFERS = `${prefix}offers-v1`;
/** the signed-in person's saved list */
const PERSONAL = `${prefix}personal-v1`;

const READABLE = CONFIG.readable.map((pattern) => new RegExp(pattern));
const NOTHING = /$^/;
const OFFER_PAGE = CONFIG.saved ? new RegExp(CONFIG.saved.item, 'i') : NOTHING;
const SAVED_LIST = CONFIG.saved ? CONFIG.saved.list : null;
const PERSONAL_CHANGE = new RegExp(['/account/sign-(in|out)$', ...(CONFIG.saved ? CONFIG.saved.forgetAfter : [])].join('|'));
const readable = (path) => path === CONFIG.offlineUrl || READABLE.some((pattern) => pattern.test(path));

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const saveData = Boolean(self.navigator.connection && self.navigator.connection.saveData);
			// The offline page must be there (a failed install is retried at the next visit); another page may fail.
			await precache(CONFIG.offlineUrl);
			if (!saveData) {
				await Promise.all(CONFIG.precache.filter((url) => url !== CONFIG.offlineUrl).map((url) => precache(url).catch(() => undefined)));
			}
			await self.skipWaiting();
		})()
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const current = new Set([PAGES, ASSETS, OFFERS, PERSONAL]);
			const names = await caches.keys();
			await Promise.all(names.filter((name) => name.startsWith(prefix) && !current.has(name)).map((name) => caches.delete(name)));
			await self.clients.claim();
		})()
	);
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	if (request.method !== 'GET') {
		if (PERSONAL_CHANGE.test(url.pathname)) event.waitUntil(forgetPersonal());
		// never cached; a form sent without connection shows the offline page rather than the browser's error
		if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => offlinePage()));
		return;
	}
	if (url.pathname.startsWith('/api/')) return;
	if (url.pathname.startsWith('/_app/immutable/')) {
		event.respondWith(immutableFile(request));
		return;
	}
	if (request.mode === 'navigate') event.respondWith(navigate(event, request, url));
});

self.addEventListener('message', (event) => {
	const port = event.ports[0];
	const data = event.data || {};
	if (!port) return;
	event.waitUntil(
		answer(data).then(
			(reply) => port.postMessage(reply),
			() => port.postMessage({ ok: false })
		)
	);
});

/** Network first; when the network fails, the copy kept for this address, or the offline page. */
async function navigate(event, request, url) {
	const key = url.origin + url.pathname;
	try {
		const response = await fetch(request);
		event.waitUntil(remember(url, response.clone()).catch(() => undefined));
		return response;
	} catch {
		return (await caches.match(key)) || offlinePage();
	}
}

async function remember(url, response) {
	const path = url.pathname;
	const kind = readable(path) ? 'readable' : OFFER_PAGE.test(path) ? 'offer' : path === SAVED_LIST ? 'saved' : null;
	if (!kind || response.status !== 200 || response.type !== 'basic') return;
	const key = url.origin + path;
	if (url.search) {
		// a page with a one-off notice (?saved=1) or an old version: keep the plain page instead
		if (kind !== 'readable') await remember(new URL(key), await fetch(key));
		return;
	}
	if (kind === 'readable') return store(PAGES, key, response, 'page');
	if (kind === 'saved') {
		const html = await response.clone().text();
		await store(PERSONAL, key, response, 'page');
		return keepSavedOffers(html);
	}
	const offers = await caches.open(OFFERS);
	const previous = await offers.match(key);
	if (response.headers.get('x-sharaka-offline') === 'saved') return store(OFFERS, key, response, 'account');
	if (!previous) return;
	// saved no more: forget the personal copy; a copy kept on the device is refreshed
	if (previous.headers.get('x-sharaka-kept') === 'account') return offers.delete(key);
	return store(OFFERS, key, response, 'device');
}

/** The saved list names the person's saved records: keep a copy of each (bounded), forget those removed. */
async function keepSavedOffers(html) {
	const linked = new Set();
	for (const match of html.matchAll(/href="([^"]+)"/g)) {
		if (OFFER_PAGE.test(match[1])) linked.add(self.location.origin + match[1]);
	}
	const offers = await caches.open(OFFERS);
	for (const request of await offers.keys()) {
		const copy = await offers.match(request);
		if (copy && copy.headers.get('x-sharaka-kept') === 'account' && !linked.has(request.url)) await offers.delete(request);
	}
	for (const key of [...linked].slice(0, CONFIG.maxOffers)) {
		if (await offers.match(key)) continue;
		const response = await fetch(key).catch(() => null);
		if (response && response.status === 200 && response.headers.get('x-sharaka-offline') === 'saved') await store(OFFERS, key, response, 'account');
	}
}

/** Stores a page with what the lists need (kind, title, when), and the hashed files it uses. */
async function store(cacheName, key, response, kind) {
	const html = absolutize(await response.text(), key);
	const headers = new Headers(response.headers);
	// the body is stored decoded
	headers.delete('content-encoding');
	headers.delete('content-length');
	headers.set('x-sharaka-kept', kind);
	headers.set('x-sharaka-kept-at', String(Date.now()));
	headers.set('x-sharaka-title', encodeURIComponent(titleOf(html)));
	const cache = await caches.open(cacheName);
	await cache.put(key, new Response(html, { status: response.status, statusText: response.statusText, headers }));
	await keepFilesOf(html, key);
	if (cacheName === OFFERS) await trim(cache, CONFIG.maxOffers);
}

async function precache(url) {
	const response = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	await store(PAGES, new URL(url, self.location.origin).href, response, 'page');
}

/**
 * Relative addresses (SvelteKit writes `../_app/…` for stylesheets) made absolute: the offline page is shown
 * in place of pages at other depths, where they would no longer find its stylesheet.
 */
function absolutize(html, pageUrl) {
	return html.replace(/(href|src)="(\.{1,2}\/[^"]*)"/g, (_, name, address) => {
		const url = new URL(address, pageUrl);
		return `${name}="${url.pathname}${url.search}"`;
	});
}

/** The stylesheets and script a page links to (addresses relative to the page), so the copy looks the same without connection. */
async function keepFilesOf(html, pageUrl) {
	const files = new Set();
	for (const match of html.matchAll(/(?:href|src)="([^"]*_app\/immutable\/[^"]+)"/g)) {
		const file = new URL(match[1], pageUrl);
		if (file.origin === self.location.origin) files.add(file.href);
	}
	const cache = await caches.open(ASSETS);
	for (const file of files) {
		if (await cache.match(file)) continue;
		const response = await fetch(file).catch(() => null);
		if (response && response.ok) await cache.put(file, response);
	}
	await trim(cache, CONFIG.maxFiles);
}

async function immutableFile(request) {
	const cached = await caches.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') {
		const cache = await caches.open(ASSETS);
		await cache.put(request, response.clone());
		await trim(cache, CONFIG.maxFiles);
	}
	return response;
}

/** Drops the oldest entries beyond `max` (a cache lists its entries in the order they were stored). */
async function trim(cache, max) {
	const keys = await cache.keys();
	for (const request of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(request);
}

async function offlinePage() {
	const cached = await caches.match(new URL(CONFIG.offlineUrl, self.location.origin).href);
	if (cached) return cached;
	return new Response(CONFIG.fallbackHtml, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** Every language's personal copies: a person may sign out from a page in another language than they saved in. */
async function forgetPersonal() {
	for (const name of await caches.keys()) {
		if (/^sharaka-[a-z]+-personal-/.test(name)) await caches.delete(name);
		if (!/^sharaka-[a-z]+-offers-/.test(name)) continue;
		const offers = await caches.open(name);
		for (const request of await offers.keys()) {
			const copy = await offers.match(request);
			if (copy && copy.headers.get('x-sharaka-kept') === 'account') await offers.delete(request);
		}
	}
}

/** The page script's questions: keep / forget a record's page on this device, is it kept, which are readable offline. */
async function answer(data) {
	const offers = await caches.open(OFFERS);
	if (data.type === 'list') {
		const items = [];
		for (const request of await offers.keys()) {
			const copy = await offers.match(request);
			if (!copy) continue;
			items.push({ url: new URL(request.url).pathname, title: decodeURIComponent(copy.headers.get('x-sharaka-title') || ''), at: Number(copy.headers.get('x-sharaka-kept-at')) || 0 });
		}
		return { ok: true, items: items.sort((a, b) => b.at - a.at) };
	}
	const url = new URL(String(data.url || ''), self.location.origin);
	if (url.origin !== self.location.origin || !OFFER_PAGE.test(url.pathname)) return { ok: false };
	const key = url.origin + url.pathname;
	if (data.type === 'status') return { ok: true, kept: Boolean(await offers.match(key)) };
	if (data.type === 'forget') {
		await offers.delete(key);
		return { ok: true, kept: false };
	}
	if (data.type === 'keep') {
		const response = await fetch(key, { credentials: 'omit' });
		if (response.status !== 200) return { ok: false };
		await store(OFFERS, key, response, 'device');
		return { ok: true, kept: true };
	}
	return { ok: false };
}

function titleOf(html) {
	const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
	if (!match) return '';
	const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
	return match[1]
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name) => entities[name])
		.replace(/\s+/g, ' ')
		.trim();
}
