// `npm run bench:talents`: the public talent search under load. Fills a fresh database with N sample
// talents (100,000 by default, 60 % with a public card; src/modules/talents/generate.ts), starts the built
// server on 127.0.0.1 and measures with autocannon (50 connections, 20 s each) the cards API with two
// filters and a name search, a different query on every request (nothing cached: the query's own cost),
// then the /fr/talents/cards page; prints p50/p95/p99, requests/s, errors, and the ratio of the API's p50
// (one caller) to the same searches timed directly through the database driver. Runs on PGlite, or on
// PostgreSQL when DATABASE_URL is set (a fresh database on that server, dropped after).
// Options: --talents N, --duration S, --connections C. Targets (PostgreSQL, issue #11): search p95 ≤ 50 ms.
import '../../src/compose.ts';
import { parseArgs } from 'node:util';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { generateTalents } from '../../src/modules/talents/generate.ts';
import { listPublicCards } from '../../src/modules/talents/profile.service.ts';
import { percentile } from './page-weight.ts';
import { measure, P95_NOTE, printLoadTable, oneCallerP50, startBenchServer, type LoadRow, type LoadTarget } from './load.ts';

const { values } = parseArgs({ options: { talents: { type: 'string', default: '100000' }, duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '50' } } });
const talents = Number(values.talents);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![talents, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120) {
	console.error('Usage: npm run bench:talents [-- --talents N --duration S (≤ 120) --connections C]');
	process.exit(2);
}

const countries = ['FR', 'ES', 'IT', 'BE', 'NL', 'DE', 'CA', 'US', 'AE', 'GB', 'SE', 'CH'];
const skills = ['health', 'engineering', 'digital', 'research', 'teaching', 'finance', 'law', 'agriculture', 'management', 'entrepreneurship'];
const names = ['amina', 'youssef', 'salma', 'karim', 'نادية', 'عمر', 'benali', 'el idrissi', 'tazi', 'الادريسي'];
/** The n-th of 1,200 distinct searches: country, skill, a word of a name, a page. */
function searchAt(n: number): Record<string, string> {
	const k = n % 1200;
	return { country: countries[k % 12], skill: skills[Math.floor(k / 12) % 10], q: names[Math.floor(k / 120) % 10], page: String(1 + (n % 3)) };
}
const cardsUrl = (params: Record<string, string>) => `/api/v1/talents/cards?${new URLSearchParams(params)}`;

let directP50 = NaN;
let generationSeconds = NaN;
const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' }, timeout: 600_000 }, async (db) => {
	const started = performance.now();
	await generateTalents(createContext({ db, actor: null, audit: systemContext('cli') }), talents, { prefix: 'bench' });
	generationSeconds = (performance.now() - started) / 1000;
	const samples: number[] = [];
	for (let n = 0; n < 220; n++) {
		const t0 = performance.now();
		await listPublicCards(db, searchAt(n));
		if (n >= 20) samples.push(performance.now() - t0);
	}
	directP50 = percentile(samples, 0.5);
});

let searchNumber = 600;
const targets: LoadTarget[] = [
	{ name: 'cards API, new search each', path: () => cardsUrl(searchAt(searchNumber++)), headers: {}, p95Target: 50 },
	{ name: 'cards API, country and skill', path: () => cardsUrl({ country: countries[searchNumber % 12], skill: skills[searchNumber++ % 10] }), headers: {}, p95Target: 50 },
	{ name: '/fr/talents/cards page', path: () => `/fr/talents/cards?${new URLSearchParams(searchAt(searchNumber++))}`, headers: {}, p95Target: 100 }
];
let sequentialP50 = NaN;
const rows: LoadRow[] = [];
try {
	let n = 0;
	sequentialP50 = await oneCallerP50(server.baseUrl, 220, () => cardsUrl(searchAt(n++)));
	for (const target of targets) rows.push(await measure(server.baseUrl, target, connections, duration));
} finally {
	await server.stop();
}
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nTalents benchmark on ${engine}: ${talents} sample talents generated in ${generationSeconds.toFixed(1)} s; ${connections} connections, ${duration} s per target\n`);
printLoadTable(rows, 30);
console.log(`\ncards API p50, one caller, searches never asked before: ${sequentialP50.toFixed(1)} ms / the same searches through the driver: ${directP50.toFixed(1)} ms = ratio ${(sequentialP50 / directP50).toFixed(2)} (target ≤ 2)`);
console.log(P95_NOTE);
