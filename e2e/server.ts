// Starts the BUILT app (scripts/serve.ts, or scripts/start.ts which builds first when the build
// is stale) on a free port of 127.0.0.1 with a fresh data directory, and stops it again.
// Used by the browser tests (e2e/harness.ts) and the page-weight benchmark (scripts/bench/run.ts).
// Plain Node (erasable TypeScript, no test-framework import), so scripts can run it directly.
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');

export interface RunningServer {
	baseUrl: string;
	/** the server's DATA_DIR: outbox/*.eml, the auth secret, the embedded database */
	dataDir: string;
	/** 'pglite', or 'postgresql' when DATABASE_URL was set (a database made for this run) */
	database: 'pglite' | 'postgresql';
	/** the server's output (JSON log lines) */
	logFile: string;
	stop(): Promise<void>;
	/** the server process (its exit code tells how it stopped) */
	process: ChildProcess;
}

export interface StartOptions {
	/** scripts/serve.ts (default: the build must exist) or scripts/start.ts (builds when stale) */
	entry?: 'serve' | 'start';
	/** extra environment for the server */
	env?: Record<string, string>;
	/** runs before the server starts, with the server's environment (e.g. to prepare accounts with the CLI) */
	beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void> | void;
	/** how long to wait for /api/v1/health (ms) */
	timeout?: number;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

/** A fresh database on DATABASE_URL's server; returns its URL and how to drop it. */
async function createRunDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `sharaka_e2e_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(`CREATE DATABASE ${name}`);
	} finally {
		await admin.end();
	}
	return {
		url: withDatabase(url, name),
		async drop() {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			try {
				await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			} finally {
				await client.end();
			}
		}
	};
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeout: number, logFile: string) {
	const deadline = Date.now() + timeout;
	let last = '';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail(logFile)}`);
		}
		try {
			const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
			last = `health answered ${response.status}`;
		} catch (error) {
			last = (error as Error).message;
		}
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	throw new Error(`The server did not answer ${baseUrl}/api/v1/health within ${timeout} ms (${last}):\n${tail(logFile)}`);
}

function tail(file: string, lines = 40): string {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no server output)';
	}
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	const entry = options.entry ?? 'serve';
	if (entry === 'serve' && !fs.existsSync(path.join(root, 'build', 'handler.js'))) {
		throw new Error('No build found: run "npx vite build" first.');
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-server-'));
	const logFile = path.join(dataDir, 'server.log');
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const sourceUrl = process.env.DATABASE_URL;
	const database = sourceUrl ? await createRunDatabase(sourceUrl) : undefined;
	const cleanUp = async () => {
		await database?.drop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};

	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'development',
		HOST: '127.0.0.1',
		PORT: String(port),
		PUBLIC_URL: baseUrl,
		DATA_DIR: dataDir,
		DATABASE_URL: database?.url ?? '',
		DEMO_DATA: 'true',
		SMTP_HOST: '',
		LOG_LEVEL: 'info',
		...options.env
	};
	try {
		await options.beforeStart?.(env);
	} catch (error) {
		await cleanUp();
		throw error;
	}
	const log = fs.openSync(logFile, 'a');
	let child: ChildProcess;
	try {
		child = spawn(process.execPath, [path.join(root, 'scripts', `${entry}.ts`)], {
			cwd: root,
			env,
			stdio: ['ignore', log, log]
		});
	} catch (error) {
		fs.closeSync(log);
		await cleanUp();
		throw error;
	}
	fs.closeSync(log);
	// If this process ends without stopping the server (an interrupted run), the server goes too.
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);

	let stopped: Promise<void> | undefined;
	const stop = () =>
		(stopped ??= (async () => {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
				await exited(child);
				clearTimeout(killer);
			}
			process.removeListener('exit', orphanGuard);
			await cleanUp();
		})());

	try {
		await waitForHealth(baseUrl, child, options.timeout ?? 60_000, logFile);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseUrl, dataDir, database: database ? 'postgresql' : 'pglite', logFile, stop, process: child };
}

/** The e-mails the server wrote so far (no SMTP: $DATA_DIR/outbox/*.eml), oldest first, as raw text. */
export function readOutbox(dataDir: string): string[] {
	const dir = path.join(dataDir, 'outbox');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.eml'))
		.sort()
		.map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}
