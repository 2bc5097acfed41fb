// One server for the whole browser-test run: the built app on a free port of 127.0.0.1, with a
// fresh DATA_DIR (embedded PGlite with demo data) or, when DATABASE_URL is set, a fresh
// PostgreSQL database created for the run and dropped after.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

export default async function setup(project: TestProject) {
	const running = await startServer({
		// Browser tests sign in and up many times from 127.0.0.1; they do not test the limiter.
		env: { RATE_LIMIT_MAX_PER_IP: '10000', RATE_LIMIT_MAX_PER_ACCOUNT: '1000' },
		// a busy machine may need longer than the default minute to migrate and load the demo data
		timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS) || undefined
	});
	project.provide('baseUrl', running.baseUrl);
	project.provide('dataDir', running.dataDir);
	project.provide('database', running.database);
	return async () => {
		// The server's own errors explain many a failed test: show them before the log goes.
		const errors = fs
			.readFileSync(running.logFile, 'utf8')
			.split('\n')
			.filter((line) => /"level":\s*(50|60)/.test(line));
		if (errors.length > 0) console.error(`\nServer errors during the browser tests:\n${errors.join('\n')}\n`);
		await running.stop();
	};
}
