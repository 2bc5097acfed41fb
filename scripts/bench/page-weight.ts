// What a browser loads on a first visit of a page, read from its HTML and stylesheets, and the
// percentile used for latencies. Used by scripts/bench/run.ts.

function attribute(tag: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

// The web app manifest too: Chromium fetches it with the page to decide whether the site is installable.
const loadedLinks = ['stylesheet', 'modulepreload', 'preload', 'icon', 'apple-touch-icon', 'manifest'];

/**
 * The files an HTML page makes the browser fetch (stylesheets, scripts, preloads, icons, the manifest, images),
 * its inline script bytes, and the service workers its scripts register (named by `data-service-worker`).
 */
export function referencedByHtml(html: string): { urls: string[]; inlineScriptBytes: number; serviceWorkers: string[] } {
	const urls: string[] = [];
	const serviceWorkers: string[] = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attribute(tag, 'href');
		if (href && rel.some((value) => loadedLinks.includes(value))) urls.push(href);
	}
	let inlineScriptBytes = 0;
	for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attribute(attributes, 'src');
		const type = (attribute(attributes, 'type') ?? '').toLowerCase();
		if (src) urls.push(src);
		else if (!type.includes('json')) inlineScriptBytes += Buffer.byteLength(content);
		const worker = attribute(attributes, 'data-service-worker');
		if (worker) serviceWorkers.push(worker);
	}
	for (const [tag] of html.matchAll(/<(?:img|source|input|video)\b[^>]*>/gi)) {
		const src = attribute(tag, 'src') ?? attribute(tag, 'poster');
		if (src) urls.push(src);
		const srcset = attribute(tag, 'srcset');
		if (srcset) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]).filter(Boolean));
	}
	return { urls, inlineScriptBytes, serviceWorkers };
}

/** The files a stylesheet makes the browser fetch: url(…) (fonts, images) and @import. */
export function referencedByCss(css: string): string[] {
	const urls = [...css.matchAll(/url\(\s*(?:"([^"]+)"|'([^']+)'|([^)\s]+))\s*\)/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
	const imports = [...css.matchAll(/@import\s+(?:"([^"]+)"|'([^']+)')/gi)].map((m) => m[1] ?? m[2]);
	return [...urls, ...imports].filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}

/** Nearest-rank percentile (q in 0..1) of the values. */
export function percentile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
