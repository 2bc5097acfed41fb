// `npm run bench:return`: the joint reintegration platform at a national scale, and the guide's PDF.
// Fills a fresh database with the 40 sample network members and N followed returnees (30,000 by default:
// cases, plans, survey rounds; src/modules/return/reintegration.data.ts), gives a case worker the first
// operator's cases (N / 40), starts the built server on 127.0.0.1 and measures with autocannon
//  - the pooled statistics, API and page: counts by region, host country and operator, mean scores by
//    time since return, region and scheme, over every case and survey (the generated cases are samples:
//    `samples=include`), computed on every request (no cache);
//  - the operator's caseload page as its case worker (an audited read on every request);
// then the statistics API's p50 (one caller) against the same two queries timed through the driver,
// and the guide's PDF typeset from scratch in each language (the server keeps made PDFs; this is the
// cost of a first request). Prints p50/p95/p99, requests/s, errors and PASS/FAIL against our targets
// (the issue names none here): statistics p95 ≤ 300 ms, caseload p95 ≤ 300 ms, ratio ≤ 2.
// Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (a fresh database, dropped after).
// Options: --cases N, --duration S (≤ 120), --connections C.
import '../../src/compose.ts';
import { parseArgs } from 'node:util';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { grantRoleByEmail } from '../../src/platform/accounts/grant.service.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { organisation } from '../../src/platform/accounts/accounts.table.ts';
import { loadReturnNetworkDemoData } from '../../src/modules/return/return.data.ts';
import { insertSampleCases } from '../../src/modules/return/reintegration.data.ts';
import { reintegrationStatistics } from '../../src/modules/return/reintegration.ts';
import { surveyStatistics } from '../../src/modules/return/survey.ts';
import { guidePdf } from '../../src/modules/return/guide-pdf.ts';
import { networkMember } from '../../src/modules/return/return.table.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { percentile } from './page-weight.ts';
import { measure, oneCallerP50, P95_NOTE, printLoadTable, startBenchServer, type LoadRow, signInCookie } from './load.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '30000' }, duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '4' } } });
const cases = Number(values.cases);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![cases, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120) {
	console.error('Usage: npm run bench:return [-- --cases N --duration S (≤ 120) --connections C]');
	process.exit(2);
}

const CASEWORKER = { email: 'charge.suivi@bench.sharaka.invalid', password: 'bench-return-2026' };
let fillSeconds = NaN;
let directP50 = NaN;
const pdfSeconds: string[] = [];

const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' }, timeout: 900_000 }, async (db) => {
	const started = performance.now();
	await loadReturnNetworkDemoData(db);
	const made = await insertSampleCases(db, { count: cases, firstIndex: 0, seed: 7 });
	if (made !== cases) throw new Error(`${made} cases made of ${cases}: the sample network is missing`);
	// a database in service has been vacuumed since its rows came (autovacuum): the statistics' covering
	// indexes are then read without the table, as they would be, not as right after a bulk load
	await db.execute(sql`VACUUM ANALYZE return_module.reintegration_case, return_module.reintegration_survey`);
	fillSeconds = (performance.now() - started) / 1000;
	// the case worker of the first sample operator (the one every 40th returnee goes to)
	const [operator] = await db
		.select({ slug: organisation.slug, id: organisation.id })
		.from(organisation)
		.innerJoin(networkMember, eq(networkMember.organisationId, organisation.id))
		.where(and(eq(networkMember.isSample, true), eq(networkMember.status, 'member')))
		.orderBy(asc(organisation.slug))
		.limit(1);
	await createUserAccount(db, systemContext('cli'), { email: CASEWORKER.email, name: 'Chargée de suivi (bench)', role: 'member', password: CASEWORKER.password });
	await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext('cli') }), CASEWORKER.email, { role: 'return:caseworker', organisationId: operator.id });
	// the statistics' two queries through the driver, as the API runs them
	const samples: number[] = [];
	for (let n = 0; n < 40; n++) {
		const t0 = performance.now();
		await Promise.all([reintegrationStatistics({ db }, { samples: true }), surveyStatistics({ db }, { samples: true })]);
		if (n >= 5) samples.push(performance.now() - t0);
	}
	directP50 = percentile(samples, 0.5);
	// the guide's PDF, typeset from scratch (a new address each: the server's copy is by address too)
	for (const language of ['fr', 'ar', 'en'] as const) {
		const t0 = performance.now();
		const { pdf } = await guidePdf(db, language, null, { now: new Date(), publicUrl: `https://bench-${language}.invalid` });
		pdfSeconds.push(`${language} ${((performance.now() - t0) / 1000).toFixed(2)} s (${Math.round(pdf.byteLength / 1024)} KB)`);
	}
});

const caseworkerCookie = () => signInCookie(server.baseUrl, CASEWORKER);

const rows: LoadRow[] = [];
let sequentialP50 = NaN;
try {
	sequentialP50 = await oneCallerP50(server.baseUrl, 60, () => '/api/v1/return/statistics?samples=include');
	rows.push(await measure(server.baseUrl, { name: 'statistics API', path: '/api/v1/return/statistics?samples=include', p95Target: 300 }, connections, duration));
	rows.push(await measure(server.baseUrl, { name: '/fr/return/statistics page', path: '/fr/return/statistics?samples=include', p95Target: 300 }, connections, duration));
	const cookie = await caseworkerCookie();
	let k = 0;
	const shows = ['open', 'closed', 'all'];
	rows.push(
		await measure(server.baseUrl, { name: `caseload page, ${Math.round(cases / 40)} cases`, path: () => `/fr/return/cases?show=${shows[k++ % 3]}`, headers: { cookie }, p95Target: 300 }, connections, duration)
	);
} finally {
	await server.stop();
}
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nReturn benchmark on ${engine}: 40 operators, ${cases} followed returnees with plans and surveys, filled in ${fillSeconds.toFixed(1)} s; ${connections} connections, ${duration} s per target\n`);
printLoadTable(rows, 36);
const ratio = sequentialP50 / directP50;
console.log(`\nstatistics API p50, one caller: ${sequentialP50.toFixed(1)} ms / its two queries through the driver: ${directP50.toFixed(1)} ms = ratio ${ratio.toFixed(2)} (target ≤ 2: ${ratio <= 2 ? 'PASS' : 'FAIL'})`);
console.log(`the whole guide as a PDF, typeset from scratch: ${pdfSeconds.join(', ')}`);
console.log(P95_NOTE);
