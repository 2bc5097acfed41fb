// `npm run bench:jobs`: the jobs module under load. Fills a fresh database with N generated job offers
// and N consenting job-seeker profiles (100,000 each by default; scripts/bench/jobs-data.ts), starts the
// built server on 127.0.0.1, and measures with autocannon (50 connections, 20 s each): the offer search
// API with text and two filters (the same search again and again, as a popular search gets — served
// from the search cache — and a search never asked before on every request), the ranked candidates of
// one offer as its employer with a personal API token (at 50 and at 10 connections; the same page again
// and again, as an employer paging and coming back gets — served from the matching cache), /api/v1/me with
// the same token (the per-request cost of token authentication alone, for comparison), and the /fr/jobs
// page; prints p50/p95/p99 latency, requests/s and errors, and the ratio of the search API's p50 to the
// same searches timed directly through the database driver (uncached, one caller each). Runs on PGlite,
// or on PostgreSQL when DATABASE_URL is set (a fresh database on that server, dropped after).
// Options: --offers N, --profiles N, --duration S, --connections C, --explain (prints the plan of the
// ranking's first tier). Only 127.0.0.1 is targeted; every run is bounded in time and count.
// Targets (PostgreSQL): search p95 ≤ 50 ms, ranking p95 ≤ 200 ms, page p95 ≤ 100 ms, no errors, ratio ≤ 2.
import '../../src/compose.ts';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createApiToken } from '../../src/platform/accounts/api-token.service.ts';
import { OfferSearchQuery } from '../../src/modules/jobs/jobs.schemas.ts';
import { searchOffers } from '../../src/modules/jobs/jobs.service.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { candidateTierQuery, candidateTiers, offerWithSkillKeys, rankCandidates } from '../../src/modules/jobs/matching/matching.service.ts';
import { seekerProfile } from '../../src/modules/jobs/seekers/seekers.table.ts';
import { generateJobsBenchData } from './jobs-data.ts';
import { percentile } from './page-weight.ts';
import { measure, P95_NOTE, printLoadTable, oneCallerP50, startBenchServer, type LoadRow, type LoadTarget } from './load.ts';

const { values } = parseArgs({
	options: {
		offers: { type: 'string', default: '100000' },
		profiles: { type: 'string', default: '100000' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		explain: { type: 'boolean', default: false }
	}
});
const offers = Number(values.offers);
const profiles = Number(values.profiles);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![offers, profiles, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120) {
	console.error('Usage: npm run bench:jobs [-- --offers N --profiles N --duration S (≤ 120) --connections C --explain]');
	process.exit(2);
}

// Text and two filters, as a person types them on /fr/jobs.
const searchParams = { q: 'cuisinier', region: 'MA-07', contract: 'cdi' };
// Searches never asked before (text, region, contract, page): what the queries themselves cost.
const words = ['cuisinier', 'maçon', 'soudeur', 'plombier', 'serveur', 'téléconseiller', 'magasinier', 'couture', 'électricien', 'réceptionniste', 'chauffeur', 'pâtissier', 'vendeur', 'carreleur', 'récolte', 'nettoyage', 'sécurité', 'tracteur', 'manœuvre', 'auxiliaire'];
const regionCodes = ['MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'];
const contractCodes = ['cdi', 'cdd', 'seasonal', 'internship', 'temporary', 'integration'];
/** The n-th of 7,200 distinct searches. */
function searchAt(n: number): Record<string, string> {
	const k = n % 7200;
	return { q: words[k % 20], region: regionCodes[Math.floor(k / 20) % 12], contract: contractCodes[Math.floor(k / 240) % 6], page: String(1 + Math.floor(k / 1440)) };
}
const searchUrl = (params: Record<string, string>) => `/api/v1/job-offers?${new URLSearchParams(params)}`;
const searchPath = `/api/v1/job-offers?${new URLSearchParams(searchParams)}`;

let directSearchP50 = NaN;
let directRankingP50 = NaN;
let generationSeconds = NaN;
let token = '';
let rankedOfferId = '';
const plans: string[] = [];

async function timed(run: () => Promise<unknown>, times: number): Promise<number> {
	for (let i = 0; i < Math.min(20, times); i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const t0 = performance.now();
		await run();
		samples.push(performance.now() - t0);
	}
	return percentile(samples, 0.5);
}

async function explain(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }, title: string) {
	const { sql: text, params } = query.toSQL();
	// EXPLAIN takes no parameters: inline them as literals (generated values only, no outside input)
	const literal = (value: unknown) => (value === null ? 'null' : typeof value === 'number' ? String(value) : `'${String(typeof value === 'object' ? JSON.stringify(value) : value).replace(/'/g, "''")}'`);
	const inlined = text.replace(/\$(\d+)/g, (_, index: string) => literal(params[Number(index) - 1]));
	const result = (await db.execute(sql.raw(`explain (analyze, buffers) ${inlined}`))) as unknown as { rows: Record<string, string>[] };
	plans.push(`-- ${title}\n${result.rows.map((row) => Object.values(row)[0]).join('\n')}`);
}

const server = await startBenchServer(
	{ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000', RATE_LIMIT_MAX_PER_ACCOUNT: '10000000' }, timeout: 180_000 },
	async (db) => {
		const started = performance.now();
		const data = await generateJobsBenchData(db, { offers, profiles });
		generationSeconds = (performance.now() - started) / 1000;
		rankedOfferId = data.rankedOfferId;
		token = (await createApiToken(db, systemContext('cli'), data.employerUserId, 'bench')).token;
		const employer = { userId: data.employerUserId, role: 'partner' as const, organisationIds: await organisationsOf(db, data.employerUserId) };
		// The same work as the APIs, through the driver: the search for the overhead ratio, the ranking for information.
		// distinct searches, so the search cache never answers: the queries themselves
		let n = 0;
		directSearchP50 = await timed(() => searchOffers(db, OfferSearchQuery.parse(searchAt(n++)), 'fr'), 200);
		// a different offer of the employer each time: nothing kept from one ranking to the next
		const own = (await db.execute(sql`select id from job_offer where organisation_id = ${employer.organisationIds[0]} and status = 'published' order by id limit 60`)) as unknown as { rows: { id: string }[] };
		let next = 0;
		directRankingP50 = await timed(() => rankCandidates(createContext({ db, actor: employer, audit: systemContext('cli') }), own.rows[next++ % own.rows.length].id, { page: 1, pageSize: 20 }), 40);
		if (values.explain) {
			const { offer, skillKeys } = await offerWithSkillKeys(db, rankedOfferId);
			const facts = { ...offer, skillKeys, languages: offer.languages };
			const [first] = candidateTiers(facts).tiers;
			await explain(db, candidateTierQuery(db, facts, [sql`${seekerProfile.consentScope} = 'employers'`], first.condition, 20), 'ranking the candidates of one offer: the first tier (same unit group), as the employer');
		}
	}
);

async function organisationsOf(db: Db, userId: string): Promise<string[]> {
	const result = (await db.execute(sql`select organisation_id from organisation_member where user_id = ${userId}`)) as unknown as { rows: { organisation_id: string }[] };
	return result.rows.map((row) => row.organisation_id);
}

const candidatesPath = `/api/v1/job-offers/${rankedOfferId}/candidates`;
// the 50-connection run starts far from the searches timed one at a time (none cached yet)
let searchNumber = 3600;
const newSearch = () => searchUrl(searchAt(searchNumber++));
const targets: LoadTarget[] = [
	{ name: 'search API, same search', path: searchPath, headers: {}, p95Target: 50 },
	{ name: 'search API, new search each', path: newSearch, headers: {}, p95Target: 50 },
	{ name: 'candidates API (one offer)', path: candidatesPath, headers: { authorization: `Bearer ${token}` }, p95Target: 200 },
	{ name: 'candidates API, 10 connections', path: candidatesPath, headers: { authorization: `Bearer ${token}` }, p95Target: 200, connections: 10 },
	// the same bearer-token work in hooks.server.ts (look-up, last-use update, audit) around a trivial read: what the ranking adds
	{ name: '/api/v1/me, same token', path: '/api/v1/me', headers: { authorization: `Bearer ${token}` }, p95Target: 200 },
	{ name: '/fr/jobs page', path: '/fr/jobs', headers: {}, p95Target: 100 }
];

let sequentialP50 = NaN;
let pool = NaN;
let searchTotal = NaN;
const rows: LoadRow[] = [];
try {
	const candidates = await fetch(server.baseUrl + candidatesPath, { headers: { authorization: `Bearer ${token}` } });
	if (!candidates.ok) throw new Error(`candidates API answered ${candidates.status}: ${await candidates.text()}`);
	pool = ((await candidates.json()) as { total: number }).total;
	searchTotal = ((await (await fetch(server.baseUrl + searchPath)).json()) as { total: number }).total;
	// One caller, one request at a time: comparable with the direct, sequential driver timing.
	// the same distinct searches as through the driver (this server has not seen them: not cached)
	let n = 0;
	sequentialP50 = await oneCallerP50(server.baseUrl, 220, () => searchUrl(searchAt(n++)));
	for (const target of targets) rows.push(await measure(server.baseUrl, target, connections, duration));
} finally {
	await server.stop();
}

const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(
	`\nJobs benchmark on ${engine}: ${offers} offers and ${profiles} consenting profiles generated in ${generationSeconds.toFixed(1)} s; ` +
		`${connections} connections, ${duration} s per target`
);
console.log(`search "${searchPath}": ${searchTotal} offers; the ranked offer has ${pool} candidates an employer may see\n`);
printLoadTable(rows, 30);
console.log(
	`\nsearch API p50, one caller, searches never asked before: ${sequentialP50.toFixed(1)} ms / the same searches through the driver: ${directSearchP50.toFixed(1)} ms` +
		` = ratio ${(sequentialP50 / directSearchP50).toFixed(2)} (target ≤ 2)`
);
console.log(`ranking an offer's candidates through the driver, one caller, a different offer each time (not cached): p50 ${directRankingP50.toFixed(1)} ms`);
console.log(P95_NOTE);
for (const plan of plans) console.log(`\n${plan}`);
