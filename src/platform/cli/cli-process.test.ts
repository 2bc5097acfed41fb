import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-cli-process-'));

/** Runs `node scripts/cli.ts …` on the embedded database in `dataDir`, as `npm run admin` does. */
function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(node, ['scripts/cli.ts', ...args], {
			cwd: root,
			// DATABASE_URL empty: the embedded PGlite in DATA_DIR, even when the tests run on PostgreSQL.
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// One run is enough: the command always opens the embedded database, whatever the outer run uses.
describe.skipIf(Boolean(process.env.DATABASE_URL))('scripts/cli.ts as a process', () => {
	it('refuses, with a clear message and exit 1, an embedded database another process holds', async () => {
		const first = await cli(['create-user', '--email', 'first@example.ma', '--role', 'administrator'], 'first-password-ok\n');
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('first@example.ma');

		// The server (here: this test process) holds the data directory.
		const lock = await acquireDataDirLock(dataDir);
		try {
			const second = await cli(['create-user', '--email', 'second@example.ma', '--role', 'member'], 'second-password-ok\n');
			expect(second.code).toBe(1);
			expect(second.stderr).toContain(`is in use by another process (PID ${process.pid})`);
			expect(second.stderr).toContain('Stop that process');
			expect(second.stdout).toBe('');
		} finally {
			await lock.release();
		}

		// Once free, the data is as the first command left it: the second account was never created.
		const after = await cli(['set-role', '--email', 'second@example.ma', '--role', 'member']);
		expect(after.code).toBe(1);
		expect(after.stderr).toContain('No account has the e-mail second@example.ma');
		const token = await cli(['create-token', '--email', 'first@example.ma', '--name', 'check']);
		expect(token.code).toBe(0);
		expect(token.stdout.trim()).toMatch(/^shk_\S+$/);
	}, 180_000);

	it('exits 2 on wrong usage without opening the database', async () => {
		const lock = await acquireDataDirLock(dataDir);
		try {
			const result = await cli(['create-user', '--role', 'member']);
			expect(result.code).toBe(2);
			expect(result.stderr).toContain('needs --email');
		} finally {
			await lock.release();
		}
	}, 30_000);
});
