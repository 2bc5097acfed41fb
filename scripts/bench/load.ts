// The HTTP side of the benchmarks (bench:jobs, bench:atlas): the built server on a database the bench
// fills, one autocannon run per target against it, a one-caller run for the ratio to direct driver
// timings, and the printed result table.
import autocannon from 'autocannon';
import { startServer, type StartOptions } from '../../e2e/server.ts';
import { openDatabase, databaseOptionsFrom, type Db } from '../../src/platform/db/database.ts';
import { readSettings } from '../../src/platform/config/config.ts';
import { ensureReferenceData } from '../../src/platform/reference-data.ts';

/**
 * Starts the built server on a fresh database that `fill` gets migrated, with the reference data
 * (and closed again before the server opens it).
 */
export function startBenchServer(options: Omit<StartOptions, 'beforeStart'>, fill: (db: Db) => Promise<void>) {
	return startServer({
		...options,
		beforeStart: async (env) => {
			const database = await openDatabase(databaseOptionsFrom(readSettings(env)));
			try {
				await database.migrate();
				await ensureReferenceData(database.db);
				await fill(database.db);
			} finally {
				await database.close();
			}
		}
	});
}

/** The session cookie of an account, signed in through the sign-in form as a browser without JavaScript does. */
export async function signInCookie(baseUrl: string, account: { email: string; password: string }): Promise<string> {
	const response = await fetch(`${baseUrl}/fr/account/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, accept: 'text/html' },
		body: new URLSearchParams(account),
		redirect: 'manual'
	});
	return response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

export interface LoadTarget {
	name: string;
	/** the address asked; a function gives every request its own (e.g. a filter never asked before) */
	path: string | (() => string);
	p95Target: number;
	/** instead of the run's number of connections */
	connections?: number;
	headers?: Record<string, string>;
	/** seconds a request may take before it counts as an error (autocannon's default: 10) */
	timeout?: number;
}

export interface LoadRow {
	name: string;
	p50: number;
	p95: number;
	p99: number;
	rps: number;
	errors: number;
	non2xx: number;
	target: number;
	/** responses received in the run (none: no figure, never a PASS) */
	completed?: number;
}

const compressed = { 'accept-encoding': 'br, gzip' };

/** Requests with a path of their own each time, when `path` is a function. */
const varying = (path: string | (() => string)) =>
	typeof path === 'string' ? {} : { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: path() }) }] };

/** p50 of `amount` requests by one caller, one at a time (comparable with a sequential driver timing). */
export async function oneCallerP50(baseUrl: string, amount: number, nextPath: () => string, headers: Record<string, string> = {}): Promise<number> {
	const result = await autocannon({ url: baseUrl, connections: 1, amount, headers: { ...compressed, ...headers }, ...varying(nextPath) });
	return result.latency.p50;
}

/** One target under `connections` callers for `duration` seconds, in French. */
export async function measure(baseUrl: string, target: LoadTarget, connections: number, duration: number): Promise<LoadRow> {
	const { path } = target;
	const result = await autocannon({
		url: typeof path === 'string' ? baseUrl + path : baseUrl,
		connections: target.connections ?? connections,
		duration,
		headers: { ...compressed, 'accept-language': 'fr', ...target.headers },
		...(target.timeout ? { timeout: target.timeout } : {}),
		...varying(path)
	});
	return {
		name: target.name,
		p50: result.latency.p50,
		// autocannon reports p90, p97.5 and p99: p97.5 stands for p95 (stricter), see P95_NOTE
		p95: result.latency.p97_5 ?? result.latency.p90,
		p99: result.latency.p99,
		rps: result.requests.average,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		target: target.p95Target,
		completed: result.requests.total
	};
}

export const P95_NOTE = "(p95 shown is autocannon's p97.5 — it reports p90, p97.5 and p99 — a stricter figure than p95.)";

/** The result table: a row per target, PASS when its p95 meets the target without errors. */
export function printLoadTable(rows: LoadRow[], nameWidth: number) {
	console.log(`${'target'.padEnd(nameWidth + 2)}p50 ms   p95 ms   p99 ms    req/s  errors  non-2xx  p95 target`);
	for (const row of rows) {
		const verdict = row.p95 <= row.target && row.errors === 0 && row.non2xx === 0 && row.completed !== 0 ? 'PASS' : row.completed === 0 ? 'FAIL (no response in the run)' : 'FAIL';
		console.log(
			`${row.name.padEnd(nameWidth)} ${row.p50.toFixed(1).padStart(7)} ${row.p95.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${row.rps.toFixed(0).padStart(8)} ${String(row.errors).padStart(7)} ${String(row.non2xx).padStart(8)}  ≤ ${row.target} ms ${verdict}`
		);
	}
}
