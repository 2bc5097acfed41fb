// `npm run bench:atlas-import`: the IATI import at scale. Generates an IATI 2.03 file of N activities
// (10,000 by default: French and English titles and descriptions, dates, three participating organisations
// out of 60 — a third of them unknown to the Atlas, so created on the way — budgets, a commitment, sectors,
// Morocco and a region or a point; one activity in twenty outside Morocco), then on a fresh database
// (PGlite in a temporary directory, or a new database on DATABASE_URL's PostgreSQL server, dropped after)
// times, as a moderator: the upload (streamed parsing, checks, preview stored) and applying every activity
// (published at once, in the background machinery the pages use). Target: both ≤ 30 s together.
// Options: --activities N.
import '../../src/compose.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../../src/platform/db/database.ts';
import { ensureReferenceData } from '../../src/platform/reference-data.ts';
import { user } from '../../src/platform/accounts/accounts.table.ts';
import { applyImport, createIatiImport, getImport } from '../../src/modules/atlas/import/import.service.ts';
import { applyQueuedImport, type ApplyImportJob } from '../../src/modules/atlas/import/apply.ts';
import { writeIatiFile } from './iati-file.ts';
import type { Actor } from '../../src/platform/policy/policy.ts';
import { createContext } from '../../src/platform/kernel/context.ts';

const TARGET_SECONDS = 30;
const { values } = parseArgs({ options: { activities: { type: 'string', default: '10000' } } });
const count = Number(values.activities);
if (!Number.isInteger(count) || count < 1 || count > 20_000) {
	console.error('Usage: npm run bench:atlas-import [-- --activities N (1–20000)]');
	process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-bench-import-'));
const file = path.join(workDir, 'activities.xml');

// ── The file ────────────────────────────────────────────────────────────────

const megabytes = (await writeIatiFile(file, count)) / 1024 / 1024;

// ── The database ────────────────────────────────────────────────────────────

let options: DatabaseOptions = { kind: 'pglite', dataDir: path.join(workDir, 'data') };
let dropDatabase: (() => Promise<void>) | undefined;
if (process.env.DATABASE_URL) {
	const name = `sharaka_bench_import_${process.pid}`;
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	options = { kind: 'postgresql', url: url.toString(), poolMax: 4 };
	dropDatabase = async () => {
		const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await client.connect();
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.end();
	};
}

const database = await openDatabase(options);
let previewSeconds = NaN;
let applySeconds = NaN;
let outcome: Record<string, number> = {};
try {
	await database.migrate();
	await ensureReferenceData(database.db);
	const userId = crypto.randomUUID();
	await database.db.insert(user).values({ id: userId, email: 'bench-moderator@sharaka.test', name: 'Bench moderator', role: 'moderator', emailVerified: true });
	const moderator: Actor = { userId, role: 'moderator', organisationIds: [] };
	const ctx = createContext({ db: database.db, actor: moderator, audit: { actorUserId: userId, actorLabel: 'bench', channel: 'cli' } });

	let started = performance.now();
	const id = await createIatiImport(ctx, {
		fileName: 'activities.xml',
		body: fs.createReadStream(file) as unknown as AsyncIterable<Uint8Array>
	});
	await getImport(ctx, id, { page: 1, pageSize: 50 }); // the first page of the preview
	previewSeconds = (performance.now() - started) / 1000;

	started = performance.now();
	// the job the server's queue would run, run here at once (the queue's polling is not the import's cost)
	let job: ApplyImportJob | undefined;
	const queue = { send: async (_name: string, data: object) => ((job = data as ApplyImportJob), 'bench') };
	await applyImport(ctx, { db: database.db, queue }, id, { all: 'all' });
	if (job) await applyQueuedImport({ db: database.db }, job);
	applySeconds = (performance.now() - started) / 1000;
	const result = await getImport(ctx, id, { pageSize: 1 });
	outcome = { ...result.import.counts, status: result.import.status as never };
} finally {
	await database.close();
	await dropDatabase?.();
	fs.rmSync(workDir, { recursive: true, force: true });
}

const total = previewSeconds + applySeconds;
const engine = options.kind === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nAtlas IATI import benchmark on ${engine}: ${count} activities, ${megabytes.toFixed(1)} MB\n`);
console.log('step                          seconds   activities/s');
console.log(`upload: parse + preview      ${previewSeconds.toFixed(2).padStart(8)} ${(count / previewSeconds).toFixed(0).padStart(13)}`);
console.log(`apply (moderator: publish)   ${applySeconds.toFixed(2).padStart(8)} ${(count / applySeconds).toFixed(0).padStart(13)}`);
console.log(`total                        ${total.toFixed(2).padStart(8)} ${(count / total).toFixed(0).padStart(13)}   target ≤ ${TARGET_SECONDS} s: ${total <= TARGET_SECONDS ? 'PASS' : 'FAIL'}`);
console.log(`\noutcomes: ${JSON.stringify(outcome)}`);
process.exitCode = total <= TARGET_SECONDS && outcome.failed === 0 ? 0 : 1;
