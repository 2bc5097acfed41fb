// Several server processes on one port (`WEB_CONCURRENCY`, scripts/workers.ts). On PostgreSQL: two workers
// answer, `/metrics` counts the requests of both whichever answers the scrape, a worker killed with -9 is
// replaced while the other keeps answering, and SIGTERM stops them all. On the embedded database the setting
// is refused at start, with the reason. This spec starts its own servers (no demo data).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root, startServer } from './server.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
	return fs
		.readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((entry) => {
			try {
				return Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
			} catch {
				return false; // ended meanwhile
			}
		})
		.map(Number);
}

/** One request on its own connection, so that the port's round robin hands it to the next worker. */
function getOnNewConnection(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent: false, headers: { connection: 'close' }, timeout: 15_000 }, (response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			})
			.on('timeout', () => reject(new Error(`${url}: no answer within 15 s`)))
			.on('error', reject);
	});
}

const requestsCounted = (metrics: string, route: string) =>
	metrics
		.split('\n')
		.filter((line) => line.startsWith('sharaka_http_request_duration_seconds_count{') && line.includes(`route="${route}"`))
		.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeout = 60_000) {
	const until = Date.now() + timeout;
	while (!(await condition())) {
		if (Date.now() > until) throw new Error(`${what}: not within ${timeout} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

describe('several workers on one port', () => {
	test.runIf(!onPostgres)('refused on the embedded database, saying why', () => {
		const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'serve.ts')], {
			cwd: root,
			env: { ...process.env, WEB_CONCURRENCY: '2', DATABASE_URL: '', PORT: '3997' },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('WEB_CONCURRENCY above 1 needs DATABASE_URL');
	});

	test.runIf(onPostgres)('two workers answer, are counted together, replaced when killed and stopped together', { timeout: 300_000 }, async () => {
		const running = await startServer({ env: { DEMO_DATA: 'false', WEB_CONCURRENCY: '2', LOG_LEVEL: 'warn' }, timeout: 240_000 });
		const supervisor = running.process.pid!;
		try {
			const logged = (text: string) => fs.readFileSync(running.logFile, 'utf8').includes(text);
			await waitFor(() => logged('2 workers answer on one port'), 'two workers listening');
			const workers = childrenOf(supervisor);
			expect(workers).toHaveLength(2);

			// twenty requests on their own connections, then the scrape: every one of them is counted
			const metricsNow = async () => (await fetch(`${running.baseUrl}/metrics`)).text();
			const before = requestsCounted(await metricsNow(), '/[lang=lang]');
			for (let n = 0; n < 20; n++) expect(await getOnNewConnection(`${running.baseUrl}/fr`)).toBe(200);
			for (let scrape = 0; scrape < 4; scrape++) expect(requestsCounted(await metricsNow(), '/[lang=lang]') - before).toBe(20);

			// a worker killed with -9: once the supervisor has seen it go, the other answers while a new one starts
			process.kill(workers[0], 'SIGKILL');
			await waitFor(() => !childrenOf(supervisor).includes(workers[0]), 'the killed worker reaped');
			for (let n = 0; n < 4; n++) expect(await getOnNewConnection(`${running.baseUrl}/fr`)).toBe(200);
			await waitFor(() => logged(`answers in place of ${workers[0]}`), 'a worker in place of the killed one');
			expect(childrenOf(supervisor)).toHaveLength(2);
			const replaced = childrenOf(supervisor);

			// SIGTERM to the supervisor: every worker finishes and the supervisor exits
			await running.stop();
			expect(running.process.exitCode ?? running.process.signalCode).toBe(0);
			for (const pid of replaced) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
		} finally {
			await running.stop();
		}
	});
});
