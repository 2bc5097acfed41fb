// `npm run bench:talents`: the talents' two targets of issue #11, on a fresh database filled with N sample talents
// (100,000 by default, 60 % with a public card, 80 % reaching institutions; src/modules/talents/generate.ts, the
// generator of `talents:generate`) and M missions of a bench organisation (scripts/bench/talents-data.ts), served by
// the built server on 127.0.0.1 and measured with autocannon:
// - matching: one mission ranked against every profile its organisation may see, p95 ≤ 200 ms at 10 connections.
//   Each request is the organisation's page of a mission (`/fr/talents/missions/{slug}/manage`, signed in) never asked
//   before in the run (M missions, then their second pages), and the same ranking through the driver alone
//   (`rankTalents`, 10 callers at once), for the share of the page's time that is the ranking's;
// - search: the public cards with two filters and a name, a different query on every request, p95 ≤ 50 ms at 50
//   connections, and the /fr/talents/cards page.
// Prints p50/p95/p99, requests/s, errors, each p95's ratio to its target, the ratios of one caller's page or API
// p50 to the same work through the driver, and the machine's load (the benchmark shares it: say so with the
// figures). Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (a fresh database on that server, dropped after).
// Options: --talents N, --missions M, --duration S, --connections C (the search's), --ranking-connections C.
import '../../src/compose.ts';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { generateTalents } from '../../src/modules/talents/generate.ts';
import { listPublicCards } from '../../src/modules/talents/profile.service.ts';
import { rankTalents } from '../../src/modules/talents/missions/candidates.service.ts';
import { percentile } from './page-weight.ts';
import { measure, P95_NOTE, printLoadTable, oneCallerP50, signInCookie, startBenchServer, type LoadRow, type LoadTarget } from './load.ts';
import { BENCH_INSTITUTION, fillBenchMissions } from './talents-data.ts';

const { values } = parseArgs({
	options: {
		talents: { type: 'string', default: '100000' },
		missions: { type: 'string', default: '400' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		'ranking-connections': { type: 'string', default: '10' }
	}
});
const talents = Number(values.talents);
const missionCount = Number(values.missions);
const duration = Number(values.duration);
const connections = Number(values.connections);
const rankingConnections = Number(values['ranking-connections']);
if (![talents, missionCount, duration, connections, rankingConnections].every((n) => Number.isInteger(n) && n > 0) || duration > 120) {
	console.error('Usage: npm run bench:talents [-- --talents N --missions M --duration S (≤ 120) --connections C --ranking-connections C]');
	process.exit(2);
}
const RANKING_TARGET_MS = 200;
const SEARCH_TARGET_MS = 50;

const countries = ['FR', 'ES', 'IT', 'BE', 'NL', 'DE', 'CA', 'US', 'AE', 'GB', 'SE', 'CH'];
const skills = ['health', 'engineering', 'digital', 'research', 'teaching', 'finance', 'law', 'agriculture', 'management', 'entrepreneurship'];
const names = ['amina', 'youssef', 'salma', 'karim', 'نادية', 'عمر', 'benali', 'el idrissi', 'tazi', 'الادريسي'];
/** The n-th of 1,200 distinct searches: country, skill, a word of a name, a page. */
function searchAt(n: number): Record<string, string> {
	const k = n % 1200;
	return { country: countries[k % 12], skill: skills[Math.floor(k / 12) % 10], q: names[Math.floor(k / 120) % 10], page: String(1 + (n % 3)) };
}
const cardsUrl = (params: Record<string, string>) => `/api/v1/talents/cards?${new URLSearchParams(params)}`;

let directSearchP50 = NaN;
let generationSeconds = NaN;
let slugs: string[] = [];
/** the ranking through the driver: one caller's times, and `rankingConnections` callers at once */
const direct = { one: [] as number[], concurrent: [] as number[] };

/** The next ranking asked (by the direct timings, then over HTTP): each mission's first page, then each one's second page, and so on; never the same twice. */
let asked = 0;
const nextRanking = () => {
	const n = asked++;
	return { slug: slugs[n % slugs.length], page: 1 + Math.floor(n / slugs.length) };
};

async function timeRanking(db: Db, institution: { organisationId: string; clerkId: string }) {
	const ctx = createContext({ db, actor: { userId: institution.clerkId, role: 'partner', organisationIds: [institution.organisationId], grants: [] }, audit: systemContext('cli') });
	for (let n = 0; n < 43; n++) {
		const { slug, page } = nextRanking();
		const started = performance.now();
		await rankTalents(ctx, slug, page);
		if (n >= 3) direct.one.push(performance.now() - started);
	}
	const deadline = performance.now() + 10_000;
	await Promise.all(
		Array.from({ length: rankingConnections }, async () => {
			while (performance.now() < deadline) {
				const { slug, page } = nextRanking();
				const started = performance.now();
				await rankTalents(ctx, slug, page);
				direct.concurrent.push(performance.now() - started);
			}
		})
	);
}

const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' }, timeout: 1_800_000 }, async (db) => {
	const started = performance.now();
	await generateTalents(createContext({ db, actor: null, audit: systemContext('cli') }), talents, { prefix: 'bench' });
	generationSeconds = (performance.now() - started) / 1000;
	const institution = await fillBenchMissions(db, missionCount);
	slugs = institution.slugs;
	await db.execute(sql`vacuum analyze`);
	console.log(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s: ${talents} talents (generated in ${generationSeconds.toFixed(1)} s), ${missionCount} missions`);
	await timeRanking(db, institution);
	const samples: number[] = [];
	for (let n = 0; n < 220; n++) {
		const t0 = performance.now();
		await listPublicCards(db, searchAt(n));
		if (n >= 20) samples.push(performance.now() - t0);
	}
	directSearchP50 = percentile(samples, 0.5);
});

const rankingPath = () => {
	const { slug, page } = nextRanking();
	return `/fr/talents/missions/${slug}/manage?page=${page}`;
};
let searchNumber = 600;
const rows: LoadRow[] = [];
let rankingOneCaller = NaN;
let searchOneCaller = NaN;
let loadBefore = NaN;
try {
	const cookie = await signInCookie(server.baseUrl, BENCH_INSTITUTION);
	const probe = await fetch(server.baseUrl + rankingPath(), { headers: { cookie } });
	if (probe.status !== 200) throw new Error(`the mission's page answered ${probe.status} to its organisation`);
	await probe.arrayBuffer();
	rankingOneCaller = await oneCallerP50(server.baseUrl, 40, rankingPath, { cookie });
	let n = 0;
	searchOneCaller = await oneCallerP50(server.baseUrl, 220, () => cardsUrl(searchAt(n++)));
	const targets: LoadTarget[] = [
		{ name: 'ranking page, a new mission each', path: rankingPath, headers: { cookie }, p95Target: RANKING_TARGET_MS, connections: rankingConnections, timeout: 60 },
		{ name: 'cards API, new search each', path: () => cardsUrl(searchAt(searchNumber++)), headers: {}, p95Target: SEARCH_TARGET_MS },
		{ name: 'cards API, country and skill', path: () => cardsUrl({ country: countries[searchNumber % 12], skill: skills[searchNumber++ % 10] }), headers: {}, p95Target: SEARCH_TARGET_MS },
		{ name: '/fr/talents/cards page', path: () => `/fr/talents/cards?${new URLSearchParams(searchAt(searchNumber++))}`, headers: {}, p95Target: 100 }
	];
	loadBefore = os.loadavg()[0];
	for (const target of targets) rows.push(await measure(server.baseUrl, target, connections, duration));
} finally {
	await server.stop();
}
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`\nTalents benchmark on ${engine} — ${os.cpus().length} cores; load average (1 min) ${loadBefore.toFixed(2)} before the load runs, ${os.loadavg()[0].toFixed(2)} at the end`);
console.log(`${talents} sample talents generated in ${generationSeconds.toFixed(1)} s; ${missionCount} missions; ${duration} s per target; ranking at ${rankingConnections} connections, search at ${connections}\n`);
printLoadTable(rows, 34);
console.log('\nEach p95 / its target:');
for (const row of rows) console.log(`  ${row.name.padEnd(34)} ${(row.p95 / row.target).toFixed(2)}`);
const concurrentP95 = percentile(direct.concurrent, 0.95);
console.log(`\nRanking through the driver (rankTalents: the ranking, the names shown, the views recorded):`);
console.log(`  one caller p50 ${ms(percentile(direct.one, 0.5))}, p95 ${ms(percentile(direct.one, 0.95))}`);
console.log(`  ${rankingConnections} callers at once: ${direct.concurrent.length} rankings, p50 ${ms(percentile(direct.concurrent, 0.5))}, p95 ${ms(concurrentP95)} = ${(concurrentP95 / RANKING_TARGET_MS).toFixed(2)} × the ${RANKING_TARGET_MS} ms target`);
console.log(`  the page, one caller, p50 ${ms(rankingOneCaller)} / the ranking through the driver p50 ${ms(percentile(direct.one, 0.5))} = ratio ${(rankingOneCaller / percentile(direct.one, 0.5)).toFixed(2)}`);
console.log(`  ${asked} rankings asked in all, none twice: pages 1 to ${Math.ceil(asked / slugs.length)} of the ${slugs.length} missions (a deeper page costs more)`);
console.log(`\ncards API p50, one caller, searches never asked before: ${ms(searchOneCaller)} / the same searches through the driver: ${ms(directSearchP50)} = ratio ${(searchOneCaller / directSearchP50).toFixed(2)} (target ≤ 2)`);
console.log(P95_NOTE);
