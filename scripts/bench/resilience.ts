// `npm run bench:resilience`: faults and load against the built server on 127.0.0.1, bounded in
// requests and time, printing one table. Needs `npx vite build` first.
//   1. kill -9 under write load, on PGlite and (with DATABASE_URL) PostgreSQL: every write the server
//      acknowledged is there after a restart (lost: 0).
//   2. PostgreSQL refused and its connections cut for 10 s: health answers 503 then 200 again, without
//      restarting the server; errors only during the outage.
//   3. Mixed users (anonymous pages and API with filters never asked before, signed-in pages) for
//      --duration seconds at --connections: 0 errors, 0 timeouts, p99 reported.
//   4. Two instances on one PostgreSQL behind a round-robin proxy: a session opened on one works on the
//      other, the sign-in limit is shared, a write on one shows in the other's cached reads, an e-mail
//      queued by one instance is delivered while it is stopped (the other works the queue), an import
//      applied by an instance killed with -9 in the middle is finished by another (nothing made twice).
//   5. A fuzz pass over every OpenAPI operation with bad paths, queries and bodies: 0 × 5xx, 0 dropped
//      connections.
// Options: --duration S (default 20, ≤ 60), --connections C (default 100, ≤ 200), --only <part of a
// scenario's name> (e.g. --only "two instances").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, root } from '../../e2e/server.ts';
import { writeIatiFile } from './iati-file.ts';

const DEMO_PASSWORD = 'sharaka-demo-2026';
const { values } = parseArgs({
	options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '100' }, only: { type: 'string' } }
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0 && duration <= 60 && connections > 0 && connections <= 200)) {
	console.error('Usage: npm run bench:resilience [-- --duration S (≤ 60) --connections C (≤ 200)]');
	process.exit(2);
}
if (!fs.existsSync(path.join(root, 'build', 'handler.js'))) {
	console.error('No build found: run "npx vite build" first.');
	process.exit(2);
}
const postgresUrl = process.env.DATABASE_URL;

interface Row {
	scenario: string;
	result: string;
	ok: boolean;
}
const rows: Row[] = [];
const report = (scenario: string, ok: boolean, result: string) => {
	rows.push({ scenario, ok, result });
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${scenario}: ${result}`);
};

// ── servers ──────────────────────────────────────────────────────────────────────────────────────

interface Instance {
	baseUrl: string;
	process: ChildProcess;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

/** every instance of one deployment signs sessions with the same secret */
const authSecret = crypto.randomBytes(32).toString('base64url');

async function startInstance(env: { dataDir: string; databaseUrl?: string; demo?: boolean; publicUrl?: string }): Promise<Instance> {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const log = fs.openSync(path.join(env.dataDir, `server-${port}.log`), 'a');
	const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.ts')], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'development',
			HOST: '127.0.0.1',
			PORT: String(port),
			PUBLIC_URL: env.publicUrl ?? baseUrl,
			DATA_DIR: env.dataDir,
			DATABASE_URL: env.databaseUrl ?? '',
			DEMO_DATA: env.demo === false ? 'false' : 'true',
			SMTP_HOST: '',
			LOG_LEVEL: 'warn',
			RATE_LIMIT_MAX_PER_IP: '100000',
			AUTH_SECRET: authSecret
		},
		stdio: ['ignore', log, log]
	});
	fs.closeSync(log);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
		await exited;
	};
	process.once('exit', () => child.kill('SIGKILL'));
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		const ok = await fetch(`${baseUrl}/api/v1/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
		if (ok) break;
		if (Date.now() > deadline) {
			await kill('SIGKILL');
			throw new Error(`server on ${baseUrl} not ready in 90 s`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { baseUrl, process: child, kill };
}

async function withRunDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
	const name = `sharaka_resilience_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: postgresUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(postgresUrl!);
	url.pathname = `/${name}`;
	try {
		return await work(url.toString());
	} finally {
		const client = new pg.Client({ connectionString: postgresUrl });
		await client.connect();
		await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.end();
	}
}

function tempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-resilience-'));
}

async function sessionCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<{ status: number; cookie: string }> {
	const response = await fetch(`${baseUrl}/fr/account/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, accept: 'text/html' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	return { status: response.status, cookie: response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') };
}

async function json(baseUrl: string, method: string, pathname: string, cookie: string, body?: unknown) {
	const response = await fetch(baseUrl + pathname, {
		method,
		headers: { cookie, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
		signal: AbortSignal.timeout(10_000)
	});
	return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

// ── 1. kill -9 under write load ──────────────────────────────────────────────────────────────────

async function killUnderWrites(engine: 'pglite' | 'postgresql', databaseUrl?: string) {
	const dataDir = tempDir();
	let server = await startInstance({ dataDir, databaseUrl });
	const { cookie } = await sessionCookie(server.baseUrl, 'moderator@demo.sharaka.ma');
	const acknowledged: string[] = [];
	let writing = true;
	let sent = 0;
	const writer = async (worker: number) => {
		for (let n = 0; writing; n++) {
			sent++;
			const answer = await json(server.baseUrl, 'POST', '/api/v1/organisations', cookie, {
				name: `Resilience ${worker}-${n}-${Date.now()}`,
				type: 'ngo',
				country: 'MA'
			}).catch(() => null);
			if (answer?.status === 201 && typeof answer.body?.id === 'string') acknowledged.push(answer.body.id);
		}
	};
	const writers = Array.from({ length: 8 }, (_, worker) => writer(worker));
	await new Promise((resolve) => setTimeout(resolve, 3000));
	await server.kill('SIGKILL');
	writing = false;
	await Promise.all(writers);
	server = await startInstance({ dataDir, databaseUrl });
	let lost = 0;
	for (const id of acknowledged) {
		const found = await json(server.baseUrl, 'GET', `/api/v1/organisations/${id}`, '');
		if (found.status !== 200) lost++;
	}
	await server.kill();
	fs.rmSync(dataDir, { recursive: true, force: true });
	report(`kill -9 under write load (${engine})`, lost === 0 && acknowledged.length > 0, `${acknowledged.length} writes acknowledged of ${sent} sent, ${lost} lost after restart`);
}

// ── 2. PostgreSQL outage ─────────────────────────────────────────────────────────────────────────

async function postgresOutage(databaseUrl: string) {
	const dataDir = tempDir();
	const server = await startInstance({ dataDir, databaseUrl });
	const name = new URL(databaseUrl).pathname.slice(1);
	const admin = new pg.Client({ connectionString: postgresUrl });
	await admin.connect();
	const statuses: number[] = [];
	const probe = async () => statuses.push(await fetch(`${server.baseUrl}/api/v1/health/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0));
	await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
	await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
	const outageEnd = Date.now() + 10_000;
	let apiDuring = 0;
	while (Date.now() < outageEnd) {
		await probe();
		const api = await fetch(`${server.baseUrl}/api/v1/job-offers?q=outage${Date.now()}`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
		if (api === 503) apiDuring++;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
	await admin.end();
	const downSeen = statuses.filter((status) => status === 503).length;
	const recoveredAt = Date.now();
	let recovered = false;
	while (Date.now() - recoveredAt < 15_000) {
		const status = await fetch(`${server.baseUrl}/api/v1/health/ready`).then((r) => r.status, () => 0);
		const api = await fetch(`${server.baseUrl}/api/v1/job-offers?q=after${Date.now()}`).then((r) => r.status, () => 0);
		if (status === 200 && api === 200) {
			recovered = true;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const seconds = ((Date.now() - recoveredAt) / 1000).toFixed(1);
	await server.kill();
	fs.rmSync(dataDir, { recursive: true, force: true });
	report(
		'PostgreSQL refused for 10 s',
		recovered && downSeen > 0,
		`health 503 ${downSeen}/${statuses.length} probes, API 503 + Retry-After ${apiDuring}×; recovered without restart in ${recovered ? seconds : '> 15'} s`
	);
}

// ── 3. mixed users ──────────────────────────────────────────────────────────────────────────────

async function mixedUsers(engine: string, databaseUrl?: string) {
	const dataDir = tempDir();
	const server = await startInstance({ dataDir, databaseUrl });
	const { cookie } = await sessionCookie(server.baseUrl, 'member@demo.sharaka.ma');
	let n = 0;
	const anonymous = [
		() => `/fr/atlas?minBudget=${++n}`,
		() => `/api/v1/initiatives?q=migration&minBudget=${++n}`,
		() => `/fr/jobs?q=ma%C3%A7on${++n}`,
		() => `/api/v1/job-offers?q=${++n}`,
		() => '/ar/atlas/dashboard',
		() => '/fr/legal'
	];
	const result = await autocannon({
		url: server.baseUrl,
		connections,
		duration,
		timeout: 10,
		headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'fr' },
		requests: [
			{
				setupRequest: (request: autocannon.Request) => {
					const pick = n % 5;
					// one request in five is a signed-in person's own page
					if (pick === 0) return { ...request, path: '/fr/jobs/profile', headers: { ...request.headers, cookie } };
					return { ...request, path: anonymous[n % anonymous.length]() };
				}
			}
		]
	});
	await server.kill();
	fs.rmSync(dataDir, { recursive: true, force: true });
	const errors = result.errors + result.timeouts;
	report(
		`${connections} mixed users for ${duration} s (${engine})`,
		errors === 0 && result.non2xx === 0,
		`${result.requests.total} requests, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors/timeouts, ${result.non2xx} non-2xx`
	);
}

// ── 4. two instances behind a round-robin proxy ───────────────────────────────────────────────

function roundRobinProxy(targets: () => string[]): Promise<{ url: string; close(): Promise<void> }> {
	let next = 0;
	const server = http.createServer((request, response) => {
		const live = targets();
		const target = new URL(live[next++ % live.length]);
		const upstream = http.request(
			// the Host header is kept: both instances answer for the proxy's address (their PUBLIC_URL)
			{ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			}
		);
		upstream.on('error', () => {
			response.writeHead(502);
			response.end();
		});
		request.pipe(upstream);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
		})
	);
}

async function twoInstances(databaseUrl: string) {
	const dataDirA = tempDir();
	const dataDirB = tempDir();
	let live: string[] = [];
	const proxy = await roundRobinProxy(() => live);
	const a = await startInstance({ dataDir: dataDirA, databaseUrl, publicUrl: proxy.url });
	const b = await startInstance({ dataDir: dataDirB, databaseUrl, demo: false, publicUrl: proxy.url });
	let c: Instance | undefined;
	live = [a.baseUrl, b.baseUrl];
	const checks: string[] = [];
	let ok = true;
	const check = (passed: boolean, what: string) => {
		ok &&= passed;
		checks.push(`${passed ? '✓' : '✗'} ${what}`);
	};
	try {
		// a session opened through one instance holds on the other
		const { cookie } = await sessionCookie(proxy.url, 'moderator@demo.sharaka.ma');
		const answers = [await json(proxy.url, 'GET', '/api/v1/me', cookie), await json(proxy.url, 'GET', '/api/v1/me', cookie)];
		check(answers.every((answer) => answer.status === 200), `session on both (${answers.map((answer) => answer.status).join(', ')})`);

		// failed sign-ins counted once for both instances: the 11th of one account is refused
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 11; attempt++) statuses.push((await sessionCookie(proxy.url, 'counsellor@demo.sharaka.ma', 'not the password')).status);
		check(statuses.at(-1) === 429, `shared sign-in limit (11th: ${statuses.at(-1)})`);

		// a write on one shows at once in the other's cached reads (the Atlas's list, cached per revision)
		const word = `deuxinstances${Date.now()}`;
		const search = `/api/v1/initiatives?q=${word}`;
		live = [b.baseUrl];
		const before = await json(proxy.url, 'GET', search, '');
		live = [a.baseUrl];
		const created = await json(proxy.url, 'POST', '/api/v1/initiatives', cookie, {
			initiative: { title: { fr: `Étude ${word}` }, status: 'ongoing', regions: ['MA-04'], themes: ['research_data'], sources: [{ citation: 'bench:resilience' }] }
		});
		live = [b.baseUrl];
		const after = await json(proxy.url, 'GET', search, '');
		live = [a.baseUrl, b.baseUrl];
		check(before.body?.total === 0 && created.status === 201 && after.body?.total === 1, 'write on one, cached read on the other');

		// an e-mail queued by an instance killed right after answering is not lost: the other delivers it
		const outboxes = [path.join(dataDirA, 'outbox'), path.join(dataDirB, 'outbox')];
		const count = () => outboxes.map((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0));
		const [sentByA] = count();
		live = [a.baseUrl];
		await fetch(`${proxy.url}/fr/account/forgot-password`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: proxy.url, accept: 'text/html' },
			body: new URLSearchParams({ email: 'member@demo.sharaka.ma' }),
			redirect: 'manual'
		});
		await new Promise((resolve) => setTimeout(resolve, 100)); // the answer goes out before the e-mail is queued
		await a.kill('SIGKILL');
		live = [b.baseUrl];
		let deliveredBy = '';
		for (let waited = 0; waited < 20_000 && !deliveredBy; waited += 500) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			const [byA, byB] = count();
			deliveredBy = byB > 0 ? 'the other instance' : byA > sentByA ? 'the killed one, before it died' : '';
		}
		check(deliveredBy !== '', `e-mail of a killed instance delivered${deliveredBy ? ` (by ${deliveredBy})` : ''}`);

		// an import applied by an instance killed in the middle is finished by another, nothing made twice
		check(...(await importFinishedByAnother(databaseUrl, proxy.url, b, dataDirB, (urls) => (live = urls), (instance) => (c = instance))));
	} finally {
		await proxy.close();
		await a.kill('SIGKILL');
		await b.kill('SIGKILL');
		await c?.kill();
		fs.rmSync(dataDirA, { recursive: true, force: true });
		fs.rmSync(dataDirB, { recursive: true, force: true });
	}
	report('two instances behind a round-robin proxy', ok, checks.join(', '));
}

/**
 * A moderator's import of IMPORT_ACTIVITIES activities applied by `runner` (the only instance left, so
 * the one whose queue takes the job), killed with -9 once a first round is published; a new instance
 * takes the job up when the runner's heartbeat stops and finishes it. Answers the check.
 */
async function importFinishedByAnother(
	databaseUrl: string,
	proxyUrl: string,
	runner: Instance,
	dataDir: string,
	route: (urls: string[]) => void,
	started: (instance: Instance) => void
): Promise<[boolean, string]> {
	const IMPORT_ACTIVITIES = 6000;
	route([runner.baseUrl]);
	const file = path.join(dataDir, 'import.xml');
	await writeIatiFile(file, IMPORT_ACTIVITIES);
	const { cookie } = await sessionCookie(proxyUrl, 'moderator@demo.sharaka.ma');
	const upload = await fetch(`${proxyUrl}/api/v1/imports/iati?name=import.xml`, {
		method: 'POST',
		headers: { cookie, accept: 'application/json', 'content-type': 'application/xml', origin: proxyUrl },
		body: fs.readFileSync(file),
		signal: AbortSignal.timeout(120_000)
	});
	const created = (await upload.json().catch(() => null)) as { id?: string; counts?: { chosen?: number } } | null;
	if (upload.status !== 201 || !created?.id) return [false, `import of a killed instance: upload answered ${upload.status}`];
	const importId = created.id;
	const applied = await json(proxyUrl, 'POST', `/api/v1/imports/${importId}/apply`, cookie, {});
	if (applied.status !== 202) return [false, `import of a killed instance: apply answered ${applied.status} ${JSON.stringify(applied.body)}`];
	const progress = async () => (await json(proxyUrl, 'GET', `/api/v1/imports/${importId}?pageSize=1`, cookie)).body as { status?: string; progress?: { processed: number; toProcess: number } } | null;
	let before: Awaited<ReturnType<typeof progress>> = null;
	for (let waited = 0; waited < 60_000; waited += 100) {
		before = await progress();
		if (before?.status !== 'applying' || (before.progress?.processed ?? 0) > 0) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	if (before?.status !== 'applying') return [false, `import of a killed instance: ${before?.status ?? 'no answer'} before the kill (make it longer)`];
	await runner.kill('SIGKILL');
	const survivor = await startInstance({ dataDir: tempDir(), databaseUrl, demo: false, publicUrl: proxyUrl });
	started(survivor);
	route([survivor.baseUrl]);
	const killedAt = Date.now();
	let after: Awaited<ReturnType<typeof progress>> = before;
	while (after?.status === 'applying' && Date.now() - killedAt < 240_000) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		after = await progress();
	}
	const seconds = ((Date.now() - killedAt) / 1000).toFixed(0);
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	const twice = await client.query(`select iati_identifier from atlas.initiative where iati_identifier like 'XM-BENCH-%' group by 1 having count(*) > 1`);
	const made = await client.query(`select count(*)::int as n from atlas.initiative where iati_identifier like 'XM-BENCH-%'`);
	await client.end();
	const finished = after?.status === 'done' && after.progress?.processed === after.progress?.toProcess;
	return [
		finished && twice.rowCount === 0 && made.rows[0].n === after?.progress?.toProcess,
		`import killed at ${before.progress?.processed}/${before.progress?.toProcess} finished by another instance in ${seconds} s (${after?.status}, ${made.rows[0].n} initiatives, ${twice.rowCount} made twice)`
	];
}

// ── 5. fuzz every OpenAPI operation ────────────────────────────────────────────────────────────

async function fuzz(engine: string, databaseUrl?: string) {
	const dataDir = tempDir();
	const server = await startInstance({ dataDir, databaseUrl });
	const { cookie } = await sessionCookie(server.baseUrl, 'admin@demo.sharaka.ma');
	const document = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
	const oddValues = ['%00', '..%2F..%2Fetc%2Fpasswd', '-1', '99999999999999999999', "'%20OR%201=1--", '%F0%9F%98%80', 'x'.repeat(600)];
	const oddBodies = ['{', '[]', 'null', '{"name":{"$gt":""}}', JSON.stringify({ a: 'x'.repeat(200_000) }), '\u0000'];
	let requests = 0;
	let serverErrors = 0;
	let dropped = 0;
	const failures: string[] = [];
	for (const [template, operations] of Object.entries(document.paths)) {
		for (const method of Object.keys(operations)) {
			for (const [index, value] of oddValues.entries()) {
				const pathname = template.replace(/\{[^}]+\}/g, value) + (index % 2 ? `?page=${value}&q=${value}&from=${value}` : '');
				const body = method === 'get' || method === 'delete' ? undefined : oddBodies[index % oddBodies.length];
				for (const who of [cookie, '']) {
					requests++;
					const status = await fetch(server.baseUrl + pathname, {
						method: method.toUpperCase(),
						headers: { cookie: who, 'content-type': 'application/json', origin: server.baseUrl },
						body,
						signal: AbortSignal.timeout(15_000)
					}).then(
						(response) => response.arrayBuffer().then(() => response.status),
						() => 0
					);
					if (status === 0) dropped++;
					if (status >= 500) serverErrors++;
					if ((status === 0 || status >= 500) && failures.length < 5) failures.push(`${method.toUpperCase()} ${pathname.slice(0, 80)} → ${status || 'dropped'}`);
				}
			}
		}
	}
	await server.kill();
	fs.rmSync(dataDir, { recursive: true, force: true });
	report(`fuzz of every API operation (${engine})`, serverErrors === 0 && dropped === 0, `${requests} requests, ${serverErrors} × 5xx, ${dropped} dropped${failures.length ? ` (${failures.join('; ')})` : ''}`);
}

// ── run ─────────────────────────────────────────────────────────────────────────────────────────

const started = Date.now();
const scenarios: [string, () => Promise<void>][] = [
	['kill -9 (PGlite)', () => killUnderWrites('pglite')],
	['mixed users (PGlite)', () => mixedUsers('PGlite')],
	['fuzz (PGlite)', () => fuzz('PGlite')]
];
if (postgresUrl) {
	scenarios.push(
		['kill -9 (PostgreSQL)', () => withRunDatabase((url) => killUnderWrites('postgresql', url))],
		['outage', () => withRunDatabase((url) => postgresOutage(url))],
		['mixed users (PostgreSQL)', () => withRunDatabase((url) => mixedUsers('PostgreSQL', url))],
		['two instances', () => withRunDatabase((url) => twoInstances(url))]
	);
} else {
	console.log('DATABASE_URL is not set: the PostgreSQL scenarios (kill -9, outage, mixed users, two instances) are skipped.');
}
for (const [name, run] of scenarios) {
	if (values.only && !name.includes(values.only)) continue;
	try {
		await run();
	} catch (error) {
		report(name, false, `could not run: ${(error as Error).message}`);
	}
}

console.log(`\nResilience (127.0.0.1, ${os.cpus().length} cores, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
console.log('| scenario | result | |\n| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.scenario} | ${row.result} | ${row.ok ? 'ok' : '**FAIL**'} |`);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
