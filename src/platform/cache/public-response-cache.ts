import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '../app.ts';
import { fromModules, mergeOwned } from '../kernel/modules.ts';
import type { CacheHost } from '../kernel/manifest.ts';
import type { RevisionCache } from './revision-cache.ts';
import { isDatabaseUnavailable, outageRetryAfterSeconds } from '../db/outage.ts';

/**
 * Whole responses of the busiest public reads, for visitors who are not signed in — the routes modules
 * declare in their manifest (`publicCaches`: e.g. the Atlas's list page, dashboard, list and stats API;
 * the job offer search page and API), each with the revision cache it follows. They are the same for every
 * anonymous visitor of one address and language, and change only with their module's data — so they
 * are kept, already compressed, under that data revision (revision-cache.ts) and dropped with it.
 * Rendering a list page and compressing it cost more than the (cached) queries behind it; see
 * `npm run bench:atlas` and `npm run bench:jobs`. Signed-in people, other methods, other statuses and
 * open-data exports always go through SvelteKit.
 */
const cacheableRoutes = fromModules((manifests) =>
	mergeOwned<(app: CacheHost) => { cache: RevisionCache; key: string }>(
		'Public cache of route',
		manifests.map((manifest) => [`module ${manifest.slug}`, manifest.publicCaches])
	)
);

export function isCacheablePublicRead(event: RequestEvent): boolean {
	if (event.request.method !== 'GET' || event.locals.user || !event.route.id || !(event.route.id in cacheableRoutes())) return false;
	const format = event.url.searchParams.get('format');
	return format === null || format === 'json';
}

type Encoding = 'br' | 'gzip' | 'identity';

interface StoredResponse {
	/** the rendered response's own headers (content type, CSP, ETag…), without those describing its body's encoding */
	headers: [string, string][];
	etag: string | null;
	identity: Uint8Array;
	compressed: Partial<Record<Exclude<Encoding, 'identity'>, Promise<Uint8Array>>>;
}

/** A rendered response that is not kept; `owner` marks the request that rendered it. */
class Uncacheable {
	readonly owner: object;
	readonly response: Response;
	constructor(owner: object, response: Response) {
		this.owner = owner;
		this.response = response;
	}
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// the same settings as the server's compression middleware (scripts/serve.ts)
const compressors: Record<Exclude<Encoding, 'identity'>, (bytes: Uint8Array) => Promise<Uint8Array>> = {
	br: (bytes) => brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
	gzip: (bytes) => gzip(bytes)
};

/** The client's preferred encoding among br, gzip and identity (an explicit q=0 refuses one). */
export function preferredEncoding(acceptEncoding: string | null): Encoding {
	const weights = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').split(',')) {
		const [name, ...parameters] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = parameters.map((entry) => /^\s*q=([0-9.]+)\s*$/.exec(entry)?.[1]).find(Boolean);
		weights.set(name, q === undefined ? 1 : Number(q));
	}
	const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
	if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return 'identity';
}

async function store(response: Response, owner: object): Promise<StoredResponse> {
	const contentType = response.headers.get('content-type') ?? '';
	const storable =
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		!response.headers.has('content-encoding') &&
		(contentType.startsWith('application/json') || contentType.startsWith('text/html'));
	if (!storable) throw new Uncacheable(owner, response);
	return {
		headers: [...response.headers].filter(([name]) => !bodyHeaders.has(name)),
		etag: response.headers.get('etag'),
		identity: new Uint8Array(await response.arrayBuffer()),
		compressed: {}
	};
}

const bodyHeaders = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'date', 'connection']);

async function answer(entry: StoredResponse, encoding: Encoding, ifNoneMatch: string | null): Promise<Response> {
	const headers = new Headers(entry.headers);
	const vary = headers.get('vary');
	if (!vary?.toLowerCase().includes('accept-encoding')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	if (entry.etag && ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag)) {
		return new Response(null, { status: 304, headers });
	}
	let body = entry.identity;
	if (encoding !== 'identity') {
		entry.compressed[encoding] ??= compressors[encoding](entry.identity);
		body = await entry.compressed[encoding]!;
	}
	headers.set('content-length', String(body.byteLength));
	if (encoding !== 'identity') headers.set('content-encoding', encoding);
	return new Response(body as BodyInit, { status: 200, headers });
}

/** The response for a cacheable public read (see `isCacheablePublicRead`): from the cache, or rendered once and kept. */
export async function cachedPublicResponse(app: App, event: RequestEvent, render: () => Promise<Response>): Promise<Response> {
	const { cache, key: scope } = cacheableRoutes()[event.route.id!]!(app);
	const me = {};
	const key = `response ${scope} ${event.locals.language} ${event.url.pathname}${event.url.search}`;
	try {
		// weighed with room for its brotli and gzip forms, added on demand
		const entry = await cache.read(key, async () => store(await render(), me), { freeze: false, weigh: (stored) => Math.ceil(stored.identity.byteLength * 1.5) });
		return await answer(entry, preferredEncoding(event.request.headers.get('accept-encoding')), event.request.headers.get('if-none-match'));
	} catch (failure) {
		if (isDatabaseUnavailable(failure)) {
			// The database is out of reach: the last copy kept still answers, said to be possibly outdated.
			const kept = await cache.lastKnown<StoredResponse>(key)?.catch(() => undefined);
			if (!kept) throw failure;
			const response = await answer(kept, preferredEncoding(event.request.headers.get('accept-encoding')), null);
			response.headers.set('cache-control', 'no-store');
			response.headers.set('x-sharaka-outdated', `database unavailable; retry after ${outageRetryAfterSeconds} s`);
			return response;
		}
		if (!(failure instanceof Uncacheable)) throw failure;
		// Not kept (an error page, a redirect…): the request that rendered it answers with it; others render their own.
		return failure.owner === me ? failure.response : render();
	}
}
