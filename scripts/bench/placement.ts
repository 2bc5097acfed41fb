// `npm run bench:placement`: a placement campaign at issue #10's scale (Performance: "a campaign with 20,000
// candidates across 10 agencies: the staff board and list (filters, counts per stage and agency) p95 ≤ 100 ms at
// 20 connections with uncached filters; bulk move of 500 candidates ≤ 2 s, audited").
//
// The fill (a fresh database; PGlite, or PostgreSQL when DATABASE_URL is set, dropped after), in bulk — chunked
// multi-row inserts of the rows the services write (campaigns.service.ts, pipeline.service.ts): 10 agencies (the
// reference ones and more), one seasonal campaign of N positions (20,000) split into equal quotas, N candidate
// accounts (a reserved domain, no password) each in the campaign's pipeline at a stage spread over the seasonal
// track (one in twelve out, with a reason), each with its first move in the history; then VACUUM ANALYZE (as
// autovacuum would).
//
// Then, from scratch, bulk moves of B candidates (500) through `moveCandidates` as the division — the rules
// checked, the history written and the move audited in one transaction: registered → preselected within an
// agency's quota, then preselected → shortlisted across agencies. Target: each ≤ 2 s.
//
// Then the built server on 127.0.0.1 and autocannon at C connections (20) for D seconds (≤ 120) on, as the
// division (its session cookie):
//  - the candidates' list, `/{lang}/jobs/placement/campaigns/{id}/candidates` — a keyset page of 50 with the
//    counts per stage and agency (one group by);
//  - the board, the same with `view=board` — the first people of every stage (one lateral join) and the counts;
//  - the API's list, `/api/v1/placement/campaigns/{id}/candidates`.
// Every request has filters never asked before: a stage, an agency (or none), a status, a keyset position
// (`after`) and the language drawn at random, with a parameter the pages ignore (`v`) so that no address repeats.
// None of these pages is cached (staff pages; the module declares no public cache for them); each request reads
// the database, writes its audit event (a staff read of names and e-mails), and renders.
// Prints p50/p95/p99, requests/s, errors and PASS/FAIL against 100 ms, then each page's one-caller p50 against the
// same services called through the driver (the ratio: the app's overhead over its queries).
// Options: --candidates N (20000), --agencies A (10), --bulk B (500), --duration S (≤ 120, 20), --connections C
// (20), --skip-load (the fill and the bulk moves only), --cpu-prof DIR (the server's V8 CPU profile of the run).
import '../../src/compose.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { grantRoleByEmail } from '../../src/platform/accounts/grant.service.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Language } from '../../src/platform/i18n/languages.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import type { Actor } from '../../src/platform/policy/policy.ts';
import { stagesOf } from '../../src/modules/jobs/placement/campaigns.model.ts';
import { placementCandidate } from '../../src/modules/jobs/placement/campaigns.table.ts';
import { fillPlacementCampaign } from './placement-data.ts';
import { campaignAccess } from '../../src/modules/jobs/placement/campaigns.service.ts';
import { listCandidates, moveCandidates, pipelineBoard, pipelineCounts } from '../../src/modules/jobs/placement/pipeline.service.ts';
import { percentile } from './page-weight.ts';
import { measure, P95_NOTE, printLoadTable, signInCookie, startBenchServer, type LoadRow } from './load.ts';

const { values } = parseArgs({
	options: {
		candidates: { type: 'string', default: '20000' },
		agencies: { type: 'string', default: '10' },
		bulk: { type: 'string', default: '500' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '20' },
		'skip-load': { type: 'boolean', default: false },
		'cpu-prof': { type: 'string' }
	}
});
const candidateCount = Number(values.candidates);
const agencyCount = Number(values.agencies);
const bulk = Number(values.bulk);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![candidateCount, agencyCount, bulk, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120 || candidateCount > 200_000 || agencyCount > 50 || bulk > 1000) {
	console.error('Usage: npm run bench:placement [-- --candidates N (≤ 200000) --agencies A (≤ 50) --bulk B (≤ 1000) --duration S (≤ 120) --connections C --skip-load --cpu-prof DIR]');
	process.exit(2);
}

const TARGET_MS = 100;
const BULK_TARGET_MS = 2000;
const DIVISION = { email: 'division@bench.sharaka.invalid', password: 'bench-placement-2026' };
const languages: Language[] = ['fr', 'ar', 'en'];
const track = stagesOf('seasonal');

/** A small deterministic sequence (the same campaign on every run). */
function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}
const random = sequence(2026);
const pickOf = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

let campaignId = '';
let agencyIds: string[] = [];
let divisionActor: Actor;
let fillSeconds = NaN;
const bulkTimes: { name: string; ms: number; moved: number }[] = [];
const direct: Record<string, number[]> = { list: [], board: [], api: [] };

async function fill(db: Db) {
	const cli = systemContext('cli');
	const divisionId = (await createUserAccount(db, cli, { email: DIVISION.email, name: 'Division (mesure)', role: 'member', password: DIVISION.password })).id;
	await grantRoleByEmail(createContext({ db, actor: null, audit: cli }), DIVISION.email, { role: 'jobs:placement_division' });
	divisionActor = { userId: divisionId, role: 'member', organisationIds: [], grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	({ campaignId, agencyIds } = await fillPlacementCampaign(db, { candidates: candidateCount, agencies: agencyCount }));
}

/** Filters never asked before: a stage (or none), an agency (or none, or the division's own), a status, a keyset position. */
function ask() {
	const stage = random() < 0.6 ? pickOf(track) : '';
	const agencyFilter = random() < 0.6 ? pickOf(agencyIds) : random() < 0.1 ? 'none' : '';
	const status = pickOf(['active', 'active', 'exited', 'all']);
	// a keyset position: an id prefix from the uuid space (any page of the list)
	const after = random() < 0.3 ? `${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000` : '';
	// now and then words of a name or an e-mail (a candidate's number)
	const q = random() < 0.15 ? String(Math.floor(random() * candidateCount)) : '';
	return { stage, agency: agencyFilter, status, after, q, language: pickOf(languages) };
}
let counter = 0;
const query = (filters: ReturnType<typeof ask>, extra: Record<string, string> = {}) =>
	new URLSearchParams(Object.entries({ stage: filters.stage, agency: filters.agency, status: filters.status, q: filters.q, after: filters.after, ...extra, v: String(++counter) }).filter(([, value]) => value)).toString();
const listPath = () => {
	const filters = ask();
	return `/${filters.language}/jobs/placement/campaigns/${campaignId}/candidates?${query(filters)}`;
};
const boardPath = () => {
	const filters = ask();
	return `/${filters.language}/jobs/placement/campaigns/${campaignId}/candidates?${query({ ...filters, stage: '', after: '' }, { view: 'board' })}`;
};
const apiPath = () => `/api/v1/placement/campaigns/${campaignId}/candidates?${query(ask())}`;

async function timeServices(db: Db) {
	const ctx = createContext({ db, actor: divisionActor, audit: systemContext('cli') });
	for (let run = 0; run < 33; run++) {
		const filters = ask();
		let started = performance.now();
		const access = await campaignAccess(ctx, campaignId);
		await Promise.all([pipelineCounts(ctx, access, filters), listCandidates(ctx, access, filters, { withLastMoves: true })]);
		if (run >= 3) direct.list.push(performance.now() - started);
		started = performance.now();
		const boardAccess = await campaignAccess(ctx, campaignId);
		await Promise.all([pipelineCounts(ctx, boardAccess, { ...filters, stage: '', after: '' }), pipelineBoard(ctx, boardAccess, { ...filters, stage: '', after: '' })]);
		if (run >= 3) direct.board.push(performance.now() - started);
	}
}

async function timeBulkMoves(db: Db) {
	const ctx = createContext({ db, actor: divisionActor, audit: systemContext('cli'), language: 'fr' });
	// registered → preselected, within one agency's quota (its share minus its people already preselected or further)
	for (const [index, agencyId] of agencyIds.slice(0, 2).entries()) {
		const ids = (
			await db
				.select({ id: placementCandidate.id })
				.from(placementCandidate)
				.where(sql`${placementCandidate.campaignId} = ${campaignId} and ${placementCandidate.agencyId} = ${agencyId} and ${placementCandidate.stage} = 'registered' and ${placementCandidate.exitReason} is null`)
				.limit(bulk)
		).map((row) => row.id);
		const started = performance.now();
		const result = await moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'preselected' });
		bulkTimes.push({ name: `registered → preselected (agency ${index + 1})`, ms: performance.now() - started, moved: result.moved });
	}
	// preselected → shortlisted across agencies
	const ids = (
		await db
			.select({ id: placementCandidate.id })
			.from(placementCandidate)
			.where(sql`${placementCandidate.campaignId} = ${campaignId} and ${placementCandidate.stage} = 'preselected' and ${placementCandidate.exitReason} is null`)
			.limit(bulk)
	).map((row) => row.id);
	const started = performance.now();
	const result = await moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'shortlisted' });
	bulkTimes.push({ name: 'preselected → shortlisted (all agencies)', ms: performance.now() - started, moved: result.moved });
	const [audited] = await db.execute(sql`select count(*)::int as n from audit_event where action = 'placement_candidate.move'`).then((answer) => (answer as unknown as { rows: { n: number }[] }).rows);
	if (audited.n !== bulkTimes.length) throw new Error(`expected ${bulkTimes.length} audit events for the moves, found ${audited.n}`);
}

const serverEnv: Record<string, string> = { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' };
if (values['cpu-prof']) {
	// the server writes a V8 CPU profile into DIR when it stops (open it in Chrome's DevTools)
	fs.mkdirSync(values['cpu-prof'], { recursive: true });
	serverEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(values['cpu-prof'])}`.trim();
}
const server = await startBenchServer({ env: serverEnv, timeout: 3_600_000 }, async (db) => {
	const started = performance.now();
	await fill(db);
	fillSeconds = (performance.now() - started) / 1000;
	console.log(`filled in ${fillSeconds.toFixed(1)} s: ${candidateCount} candidates across ${agencyCount} agencies`);
	await timeBulkMoves(db);
	await db.execute(sql`vacuum analyze`);
	await timeServices(db);
});

const rows: LoadRow[] = [];
const oneCaller: Record<string, number> = {};
let loadBefore = NaN;
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
try {
	if (!values['skip-load']) {
		const cookie = await signInCookie(server.baseUrl, DIVISION);
		const headers = { cookie };
		const probe = await fetch(server.baseUrl + listPath(), { headers });
		if (probe.status !== 200) throw new Error(`the list answered ${probe.status} to the division`);
		await probe.arrayBuffer();
		oneCaller.list = await oneCallerPath(server.baseUrl, cookie, listPath);
		oneCaller.board = await oneCallerPath(server.baseUrl, cookie, boardPath);
		const targets = [
			{ name: 'candidates list, new filters', path: listPath },
			{ name: 'board by stage, new filters', path: boardPath },
			{ name: 'API list, new filters', path: apiPath }
		];
		loadBefore = os.loadavg()[0];
		for (const target of targets) rows.push(await measure(server.baseUrl, { ...target, p95Target: TARGET_MS, headers, timeout: 120 }, connections, duration));
	}
} finally {
	await server.stop();
}

/** One caller's p50 with the division's cookie. */
async function oneCallerPath(baseUrl: string, cookie: string, next: () => string) {
	const times: number[] = [];
	for (let run = 0; run < 23; run++) {
		const started = performance.now();
		const response = await fetch(baseUrl + next(), { headers: { cookie, 'accept-encoding': 'br, gzip' } });
		await response.arrayBuffer();
		if (run >= 3) times.push(performance.now() - started);
	}
	return percentile(times, 0.5);
}

console.log(`\nPlacement benchmark on ${engine} — ${os.cpus().length} cores; load average (1 min) ${loadBefore.toFixed(2)} before the load runs, ${os.loadavg()[0].toFixed(2)} at the end`);
console.log(`one seasonal campaign, ${candidateCount} candidates across ${agencyCount} agencies, filled in ${fillSeconds.toFixed(1)} s`);
console.log(`\nBulk moves of ${bulk} candidates as the division (rules, history, one audit event each; target ≤ ${BULK_TARGET_MS} ms):`);
for (const move of bulkTimes) console.log(`  ${move.name.padEnd(44)} ${move.moved} moved in ${move.ms.toFixed(0).padStart(6)} ms ${move.ms <= BULK_TARGET_MS ? 'PASS' : 'FAIL'}`);
if (rows.length) {
	console.log(`\n${connections} connections, ${duration} s per target; every request filters never asked before, no cache\n`);
	printLoadTable(rows, 36);
	console.log('\nOne caller: page p50 (HTTP) / the same services through the driver p50 = ratio (app overhead: session, render, audit write of the read, compress)');
	for (const name of ['list', 'board'] as const) {
		const services = percentile(direct[name], 0.5);
		console.log(`  ${name.padEnd(6)} ${oneCaller[name].toFixed(1).padStart(7)} ms / ${services.toFixed(1).padStart(7)} ms = ${(oneCaller[name] / services).toFixed(2)}`);
	}
	console.log(P95_NOTE);
}
