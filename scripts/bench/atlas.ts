// `npm run bench:atlas`: the Atlas under load. Fills a fresh database with N generated initiatives
// (10,000 by default), starts the built server on 127.0.0.1, and measures with autocannon
// (50 connections, 20 s each) the filtered list API with text search, the stats API and the
// /fr/atlas page; prints p50/p95/p99 latency, requests/s and errors, and the ratio of the list API's
// p50 to the same query timed directly through the database driver.
// The Atlas's reads are cached per data revision (src/modules/atlas/atlas-cache.ts), so the same
// address asked again is served from memory; the rows marked "new filter every request" give each
// request a filter never seen before (a different minimum budget), measuring the queries themselves,
// and the ratio is taken on such uncached requests. Runs on PGlite, or on
// PostgreSQL when DATABASE_URL is set (a fresh database on that server, dropped after).
// Options: --initiatives N, --duration S, --connections C. Only 127.0.0.1 is targeted; every run is
// bounded in time. Targets (PostgreSQL): API p95 ≤ 50 ms, page p95 ≤ 100 ms, no errors, ratio ≤ 2.
import '../../src/compose.ts';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { generateInitiatives } from '../../src/modules/atlas/generate.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { searchInitiatives } from '../../src/modules/atlas/initiative.service.ts';
import { InitiativeQuery } from '../../src/modules/atlas/atlas.schemas.ts';
import { percentile } from './page-weight.ts';
import { measure, P95_NOTE, printLoadTable, oneCallerP50, startBenchServer, type LoadRow, type LoadTarget } from './load.ts';

const { values } = parseArgs({
	options: {
		initiatives: { type: 'string', default: '10000' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' }
	}
});
const count = Number(values.initiatives);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![count, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120) {
	console.error('Usage: npm run bench:atlas [-- --initiatives N --duration S (≤ 120) --connections C]');
	process.exit(2);
}

const listPath = '/api/v1/initiatives?q=migration&theme=immigrant_integration&pageSize=20';
// The same query as the API builds it from that address (parsed by the same schema).
const listQuery = InitiativeQuery.parse({ q: 'migration', theme: 'immigrant_integration', pageSize: '20' });
/** A filter no request has used before: the same text + theme search, with a minimum budget of `n` euros. */
const freshListPath = (n: number) => `${listPath}&budgetMin=${n}`;
let fresh = 1_000_000;
const targets: LoadTarget[] = [
	{ name: 'list API (text + theme)', path: listPath, p95Target: 50 },
	{ name: 'list API, new filter each', path: () => freshListPath(fresh++), p95Target: 50 },
	{ name: 'stats API (by region)', path: '/api/v1/atlas/stats?by=region', p95Target: 50 },
	{ name: 'stats API, new filter each', path: () => `/api/v1/atlas/stats?by=region&budgetMin=${fresh++}`, p95Target: 50 },
	{ name: '/fr/atlas page', path: '/fr/atlas', p95Target: 100 },
	{ name: '/fr/atlas, new filter each', path: () => `/fr/atlas?budgetMin=${fresh++}`, p95Target: 100 }
];

let directP50 = NaN;
let generationSeconds = NaN;

const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '1000000' }, timeout: 120_000 }, async (db) => {
	const started = performance.now();
	await generateInitiatives(createContext({ db, actor: null, audit: systemContext('system') }), count, { prefix: 'bench' });
	generationSeconds = (performance.now() - started) / 1000;
	// Fresh planner statistics, as a live database has (autovacuum would gather them within minutes).
	await db.execute(sql`analyze`);
	// The same queries as the list API's uncached requests, through the driver, for the overhead ratio.
	for (let i = 0; i < 20; i++) await searchInitiatives(db, { ...listQuery, budgetMin: i });
	const times: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t0 = performance.now();
		await searchInitiatives(db, { ...listQuery, budgetMin: 100 + i });
		times.push(performance.now() - t0);
	}
	directP50 = percentile(times, 0.5);
});

let sequentialP50 = NaN;
const rows: LoadRow[] = [];
try {
	// One caller, one request at a time, each a filter not cached yet: comparable with the direct, sequential driver timing.
	let sequentialBudget = 500;
	sequentialP50 = await oneCallerP50(server.baseUrl, 300, () => freshListPath(sequentialBudget++));
	for (const target of targets) rows.push(await measure(server.baseUrl, target, connections, duration));
} finally {
	await server.stop();
}

const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nAtlas benchmark on ${engine}: ${count} initiatives generated in ${generationSeconds.toFixed(1)} s; ${connections} connections, ${duration} s per target\n`);
printLoadTable(rows, 28);
console.log(
	`\nlist API p50, one caller, uncached filters: ${sequentialP50.toFixed(1)} ms / the same queries through the driver: ${directP50.toFixed(1)} ms` +
		` = ratio ${(sequentialP50 / directP50).toFixed(2)} (target ≤ 2)`
);
console.log(P95_NOTE);
