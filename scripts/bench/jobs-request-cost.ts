// What one candidates API request costs, piece by piece, one caller on PostgreSQL: the hooks' bearer-token
// work (token look-up and its last-use update, the actor, the `api_token.use` audit insert) beside the
// ranking served from the matching cache and the ranking computed afresh. Prints p50/p95 and the Node CPU
// per operation. For deciding where the time of `npm run bench:jobs`'s candidates target goes.
// Usage: DATABASE_URL=postgres://… node scripts/bench/jobs-request-cost.ts (a fresh database on that
// server with 2,000 offers and PROFILES=30000 profiles, dropped after).
import '../../src/compose.ts';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db/database.ts';
import { ensureReferenceData } from '../../src/platform/reference-data.ts';
import { recordAudit, systemContext } from '../../src/platform/audit/audit.service.ts';
import { createApiToken, findUserByApiToken } from '../../src/platform/accounts/api-token.service.ts';
import { loadActor } from '../../src/platform/accounts/actor.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { rankCandidates } from '../../src/modules/jobs/matching/matching.service.ts';
import { matchingCache } from '../../src/modules/jobs/matching/matching-cache.ts';
import { employerOrganisationsOf } from '../../src/modules/jobs/jobs.service.ts';
import { generateJobsBenchData } from './jobs-data.ts';
import { percentile } from './page-weight.ts';

const base = process.env.DATABASE_URL;
if (!base) {
	console.error('Usage: DATABASE_URL=postgres://… node scripts/bench/jobs-request-cost.ts');
	process.exit(2);
}
const name = `sharaka_cost_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgresql', url: url.toString() });
try {
	await database.migrate();
	await ensureReferenceData(database.db);
	const db = database.db;
	const data = await generateJobsBenchData(db, { offers: 2000, profiles: Number(process.env.PROFILES ?? 30000) });
	const token = (await createApiToken(db, systemContext('cli'), data.employerUserId, 'bench')).token;
	const actor = await loadActor(db, data.employerUserId, 'partner');
	const context = { ...systemContext('cli'), actorUserId: data.employerUserId, channel: 'api' as const };
	async function time(label: string, run: () => Promise<unknown>, n = 300) {
		for (let i = 0; i < 30; i++) await run();
		const samples: number[] = [];
		for (let i = 0; i < n; i++) {
			const t0 = performance.now();
			await run();
			samples.push(performance.now() - t0);
		}
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		for (let i = 0; i < 100; i++) await run();
		const cpu = process.cpuUsage(cpu0);
		console.log(`${label.padEnd(44)} p50 ${percentile(samples, 0.5).toFixed(2)} ms  p95 ${percentile(samples, 0.95).toFixed(2)} ms  node cpu ${((cpu.user + cpu.system) / 100 / 1000).toFixed(2)} ms/op  wall ${((performance.now() - t0) / 100).toFixed(2)}`);
	}
	const paging = { page: 1, pageSize: 20 };
	await time('findUserByApiToken (one statement: holder, grants, last use)', () => findUserByApiToken(db, token));
	await time('loadActor', () => loadActor(db, data.employerUserId, 'partner'));
	await time('recordAudit api_token.use', () => recordAudit(db, context, { action: 'api_token.use', resourceType: 'api_token', resourceId: null, after: { name: 'bench', method: 'GET', path: '/x' } }));
	await time('revision counter read', () => matchingCache(db).snapshot());
	await time('employerOrganisationsOf', () => employerOrganisationsOf(db, actor));
	await time('rankCandidates, cached (incl. audit insert)', () => rankCandidates(createContext({ db, actor, audit: context }), data.rankedOfferId, paging));
	const result = await rankCandidates(createContext({ db, actor, audit: context }), data.rankedOfferId, paging);
	await time('JSON.stringify of the result', async () => JSON.stringify(result));
	console.log('bytes', JSON.stringify(result).length, 'total', result.total);
	await time('rankCandidates, uncached (bump each time)', async () => {
		await db.execute(sql`update cache.matching_revision set revision = revision + 1`);
		await rankCandidates(createContext({ db, actor, audit: context }), data.rankedOfferId, paging);
	}, 30);
} finally {
	await database.close();
	await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await admin.end();
}
