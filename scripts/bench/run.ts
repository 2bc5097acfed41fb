// `npm run bench`: page weight and latency of the public pages, against the budgets of a text page.
// Builds when the sources are newer than the build (scripts/start.ts), starts the server on a free
// port of 127.0.0.1 with a fresh data directory, and for each page measures:
//  - the first-load transfer: the HTML fetched with `accept-encoding: br, gzip` plus every
//    stylesheet, script, image and icon it references (and the url()s of its stylesheets),
//    summed as sent on the wire (compressed);
//  - the JavaScript in it (external scripts as sent, inline scripts by their length), with the service
//    worker a page registers (its script is fetched on the first visit too);
//  - p50/p95 latency of the page itself over sequential requests on one keep-alive connection.
// Prints a table with the ratio to each page's budget and PASS/FAIL; exits 1 when a budget is exceeded.
// Job pages (offer list and offer page) have the phone budget: 80 KB in all, 30 KB of JavaScript.
// What a service worker then downloads in the background (the pages it keeps offline) is reported apart.
// Options: --requests N (default 200). Results are also written to .bench/latest.json.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { startServer, root } from '../../e2e/server.ts';
import { referencedByCss, referencedByHtml, percentile } from './page-weight.ts';

interface Budget {
	totalKb: number;
	jsKb: number;
}
const budgets = { totalKb: 120, jsKb: 50 };
const jobBudgets: Budget = { totalKb: 80, jsKb: 30 };
/** `:first-offer` is the first offer of the search page, found at run time. */
const pages: { path: string; budget: Budget }[] = [
	...['/fr', '/ar', '/fr/atlas', '/fr/account/sign-in'].map((path) => ({ path, budget: budgets })),
	...['/fr/jobs', '/ar/jobs', '/fr/jobs/offers/:first-offer', '/ar/jobs/offers/:first-offer'].map((path) => ({ path, budget: jobBudgets }))
];

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } });
const requests = Number.parseInt(values.requests, 10);
if (!Number.isInteger(requests) || requests < 1) {
	console.error('Usage: npm run bench [-- --requests N]');
	process.exit(2);
}

interface Fetched {
	status: number;
	type: string;
	/** bytes of the body as sent (compressed when the server compressed it) */
	wireBytes: number;
	/** the decoded body */
	body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string): Promise<Fetched> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const raw = Buffer.concat(chunks);
				const encoding = response.headers['content-encoding'];
				const body =
					encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
				resolve({
					status: response.statusCode ?? 0,
					type: String(response.headers['content-type'] ?? ''),
					wireBytes: raw.length,
					body
				});
			});
		});
		request.on('error', reject);
	});
}

const isJs = (url: string, type: string) => /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(url);
const isCss = (url: string, type: string) => type.includes('text/css') || /\.css(\?|$)/.test(url);

interface PageResult {
	path: string;
	budget: Budget;
	status: number;
	htmlKb: number;
	totalKb: number;
	jsKb: number;
	files: number;
	p50: number;
	p95: number;
	notes: string[];
}

/** Service workers met on the pages: their address and what their install downloads in the background. */
const serviceWorkers = new Map<string, { precacheKb: number; pages: number }>();

async function weigh(baseUrl: string, pagePath: string, budget: Budget): Promise<PageResult | undefined> {
	const pageUrl = new URL(pagePath, baseUrl).toString();
	const html = await get(pageUrl);
	if (html.status === 404) return undefined;
	const notes: string[] = [];
	const seen = new Set<string>();
	let total = html.wireBytes;
	const { urls, inlineScriptBytes, serviceWorkers: workers } = referencedByHtml(html.body.toString('utf8'));
	let js = inlineScriptBytes;
	const queue = [...urls, ...workers].map((url) => new URL(url, pageUrl).toString());
	for (const worker of workers) {
		const url = new URL(worker, pageUrl).toString();
		if (!serviceWorkers.has(url)) serviceWorkers.set(url, await precacheWeight(url));
	}
	while (queue.length > 0) {
		const url = queue.shift()!;
		if (seen.has(url)) continue;
		seen.add(url);
		if (new URL(url).origin !== new URL(baseUrl).origin) {
			notes.push(`third-party ${url} not counted`);
			continue;
		}
		const file = await get(url);
		if (file.status !== 200) notes.push(`${new URL(url).pathname} answered ${file.status}`);
		total += file.wireBytes;
		if (isJs(url, file.type)) js += file.wireBytes;
		if (isCss(url, file.type)) queue.push(...referencedByCss(file.body.toString('utf8')).map((ref) => new URL(ref, url).toString()));
	}

	for (let i = 0; i < 5; i++) await get(pageUrl); // warm-up
	const times: number[] = [];
	for (let i = 0; i < requests; i++) {
		const started = performance.now();
		await get(pageUrl);
		times.push(performance.now() - started);
	}
	return {
		path: pagePath,
		budget,
		status: html.status,
		htmlKb: html.wireBytes / 1024,
		totalKb: total / 1024,
		jsKb: js / 1024,
		files: 1 + seen.size,
		p50: percentile(times, 0.5),
		p95: percentile(times, 0.95),
		notes
	};
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	return rows
		.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '))
		.join('\n');
}

const verdict = (value: number, budget: number) => `${(value / budget).toFixed(2)} of ${budget} ${value <= budget ? 'PASS' : 'FAIL'}`;

/** What a service worker keeps at install (its CONFIG.precache pages and their stylesheets), as sent on the wire. */
async function precacheWeight(workerUrl: string): Promise<{ precacheKb: number; pages: number }> {
	const source = (await get(workerUrl)).body.toString('utf8');
	const config = /^const CONFIG = (.*);$/m.exec(source);
	if (!config) return { precacheKb: 0, pages: 0 };
	const precache = (JSON.parse(config[1]) as { precache: string[] }).precache;
	const files = new Set<string>();
	let bytes = 0;
	for (const page of precache) {
		const pageUrl = new URL(page, workerUrl).toString();
		const fetched = await get(pageUrl);
		bytes += fetched.wireBytes;
		for (const url of referencedByHtml(fetched.body.toString('utf8')).urls) {
			if (/\/_app\/immutable\//.test(url)) files.add(new URL(url, pageUrl).toString());
		}
	}
	for (const file of files) bytes += (await get(file)).wireBytes;
	return { precacheKb: bytes / 1024, pages: precache.length };
}

console.log('Starting the server (building first when the sources changed)…');
const server = await startServer({ entry: 'start', timeout: 300_000, env: { LOG_LEVEL: 'warn' } });
const results: PageResult[] = [];
const absent: string[] = [];
try {
	const search = (await get(new URL('/fr/jobs', server.baseUrl).toString())).body.toString('utf8');
	const firstOffer = /href="\/fr\/jobs\/offers\/([0-9a-f-]{36})"/.exec(search)?.[1];
	for (const { path: pattern, budget } of pages) {
		if (pattern.includes(':first-offer') && !firstOffer) {
			absent.push(pattern);
			continue;
		}
		const pagePath = pattern.replace(':first-offer', firstOffer ?? '');
		const result = await weigh(server.baseUrl, pagePath, budget);
		if (result) results.push(result);
		else absent.push(pagePath);
	}
} finally {
	agent.destroy();
	await server.stop();
}

const kb = (value: number) => value.toFixed(1);
console.log(`\nFirst load (compressed, br/gzip) and latency over ${requests} sequential requests (${server.database})\n`);
console.log(
	table([
		['page', 'status', 'HTML KB', 'total KB', 'JS KB', 'files', 'p50 ms', 'p95 ms', 'total / budget KB', 'JS / budget KB'],
		...results.map((r) => [
			r.path,
			String(r.status),
			kb(r.htmlKb),
			kb(r.totalKb),
			kb(r.jsKb),
			String(r.files),
			r.p50.toFixed(1),
			r.p95.toFixed(1),
			verdict(r.totalKb, r.budget.totalKb),
			verdict(r.jsKb, r.budget.jsKb)
		])
	])
);
for (const r of results) for (const note of r.notes) console.log(`note: ${r.path}: ${note}`);
for (const pagePath of absent) console.log(`note: ${pagePath} does not exist yet (404): not measured`);
for (const [url, worker] of serviceWorkers) {
	console.log(`note: the service worker ${new URL(url).pathname} then keeps ${worker.pages} pages for offline reading: ${kb(worker.precacheKb)} KB in the background (none with Save-Data)`);
}

fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(
	path.join(root, '.bench', 'latest.json'),
	JSON.stringify({ at: new Date().toISOString(), requests, budgets, jobBudgets, database: server.database, results, absent, serviceWorkers: Object.fromEntries(serviceWorkers) }, null, '\t') + '\n'
);

const over = results.filter((r) => r.totalKb > r.budget.totalKb || r.jsKb > r.budget.jsKb);
console.log(over.length === 0 ? '\nAll pages within budget.' : `\nOver budget: ${over.map((r) => r.path).join(', ')}`);
process.exit(over.length === 0 ? 0 : 1);
