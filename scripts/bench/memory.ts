// `npm run bench:memory`: what the server keeps in memory under load (after `npx vite build`). Starts the
// built server on 127.0.0.1 (PGlite, or PostgreSQL with DATABASE_URL), reads its resident memory from
// /metrics, loads it for --duration seconds with addresses never asked before (Atlas list page and API,
// job search, dashboard), reads the memory again right after and 10 s later. Bounded in time.
// Target: resident memory grows by at most 250 MB and stays bounded (caches are bounded by count and bytes).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer } from '../../e2e/server.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '50' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0 && duration <= 120 && connections > 0 && connections <= 200)) {
	console.error('Usage: npm run bench:memory [-- --duration S (≤ 120) --connections C (≤ 200)]');
	process.exit(2);
}

const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
interface Memory {
	resident: number;
	heap: number;
	/** outside the JavaScript heap: buffers and the embedded database's WebAssembly memory */
	external: number;
}
async function memory(): Promise<Memory> {
	const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
	const megabytes = (name: string) => Math.round(Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]) / 1024 / 1024);
	return { resident: megabytes('sharaka_process_resident_memory_bytes'), heap: megabytes('sharaka_nodejs_heap_size_used_bytes'), external: megabytes('sharaka_nodejs_external_memory_bytes') };
}
const show = (m: Memory) => `${m.resident} MB (heap ${m.heap}, external ${m.external})`;

try {
	// warm up every page once, then settle
	for (const path of ['/fr/atlas', '/api/v1/initiatives', '/fr/jobs', '/api/v1/job-offers', '/ar/atlas/dashboard']) await fetch(server.baseUrl + path);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const atRest = await memory();
	let n = 0;
	const addresses = [
		() => `/fr/atlas?minBudget=${++n}`,
		() => `/ar/atlas?q=migration&minBudget=${++n}`,
		() => `/api/v1/initiatives?minBudget=${++n}`,
		() => `/fr/jobs?q=${++n}`,
		() => `/api/v1/job-offers?q=${++n}`,
		() => `/fr/atlas/dashboard?minBudget=${++n}`
	];
	const result = await autocannon({
		url: server.baseUrl,
		connections,
		duration,
		headers: { 'accept-encoding': 'br, gzip' },
		requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: addresses[n % addresses.length]() }) }]
	});
	const afterLoad = await memory();
	await new Promise((resolve) => setTimeout(resolve, 10_000));
	const later = await memory();
	const growth = later.resident - atRest.resident;
	const ok = growth <= 250;
	console.log(`\nMemory of the server (${server.database}, ${connections} connections, ${duration} s of addresses never asked before, ${result.requests.total} requests, ${result.errors + result.timeouts} errors)\n`);
	console.log('| at rest | right after the load | 10 s later | growth | target | |');
	console.log('| --- | --- | --- | --- | --- | --- |');
	console.log(`| ${show(atRest)} | ${show(afterLoad)} | ${show(later)} | ${growth >= 0 ? "+" : "−"}${Math.abs(growth)} MB | ≤ +250 MB | ${ok ? 'ok' : '**over**'} |`);
	process.exitCode = ok ? 0 : 1;
} finally {
	await server.stop();
}
