import { describe, expect, it } from 'vitest';
import { percentile, referencedByCss, referencedByHtml } from './page-weight.ts';

describe('referencedByHtml', () => {
	it('lists what a browser fetches on first load and nothing it does not', () => {
		const html = `<!doctype html><html><head>
			<link rel="icon" href="/favicon.svg" type="image/svg+xml">
			<link href="/_app/immutable/assets/_layout.css" rel="stylesheet">
			<link rel="modulepreload" href='/_app/immutable/entry/start.js'>
			<link rel="alternate" hreflang="ar" href="/ar">
			<link rel="canonical" href="/fr">
			<link rel="manifest" href="/fr/manifest.webmanifest">
			<script type="module" src="/_app/immutable/entry/app.js"></script>
			<script src="/_app/immutable/assets/offline.js" data-service-worker="/fr/service-worker.js" defer></script>
			<script>console.log("héllo")</script>
			<script type="application/json" data-sveltekit-fetched>{"a":1}</script>
			</head><body><a href="/fr/atlas">Atlas</a>
			<img src="/logo.png" alt=""><picture><source srcset="/map-1x.webp 1x, /map-2x.webp 2x"></picture>
			</body></html>`;
		const { urls, inlineScriptBytes, serviceWorkers } = referencedByHtml(html);
		expect(urls.sort()).toEqual(
			[
				'/favicon.svg',
				'/_app/immutable/assets/_layout.css',
				'/_app/immutable/entry/start.js',
				'/_app/immutable/entry/app.js',
				'/fr/manifest.webmanifest',
				'/_app/immutable/assets/offline.js',
				'/logo.png',
				'/map-1x.webp',
				'/map-2x.webp'
			].sort()
		);
		expect(inlineScriptBytes).toBe(Buffer.byteLength('console.log("héllo")'));
		expect(serviceWorkers).toEqual(['/fr/service-worker.js']);
	});
});

describe('referencedByCss', () => {
	it('lists fonts, images and imports, not inline data or fragments', () => {
		const css = `@import "/base.css"; @font-face { src: url(/fonts/a.woff2) format('woff2'); }
			.logo { background: url('img/logo.svg'), url("data:image/png;base64,AAA") } .m { mask: url(#mask) }`;
		expect(referencedByCss(css).sort()).toEqual(['/base.css', '/fonts/a.woff2', 'img/logo.svg'].sort());
	});
});

describe('percentile', () => {
	it('takes the nearest rank', () => {
		const values = Array.from({ length: 200 }, (_, i) => 200 - i); // 200 … 1, unsorted
		expect(percentile(values, 0.5)).toBe(100);
		expect(percentile(values, 0.95)).toBe(190);
		expect(percentile([7], 0.95)).toBe(7);
	});
});
