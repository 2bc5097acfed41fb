import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';
import { eq } from 'drizzle-orm';
import { openDatabase } from './database.ts';
import { organisation } from '../accounts/accounts.table.ts';

const dirs: string[] = [];
function tempDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A child process that takes the lock on `dir`, says "held" (or "refused"), and stays until killed. */
function holderProcess(dir: string) {
	const script =
		`import(${JSON.stringify(path.resolve('src/platform/db/data-dir-lock.ts'))})` +
		`.then((m) => m.acquireDataDirLock(${JSON.stringify(dir)}))` +
		`.then(() => { console.log('held'); setInterval(() => {}, 1000); }, () => { console.log('refused'); process.exit(0); });`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const answer = new Promise<string>((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
	return { child, answer };
}

// The lock guards the embedded database's directory: the same whatever database the outer run uses, so tested once.
describe.skipIf(Boolean(process.env.DATABASE_URL))('data directory lock', () => {
	it('refuses a second holder while the first holds it, and frees the directory on release', async () => {
		const dir = tempDir();
		const lock = await acquireDataDirLock(dir);
		await expect(acquireDataDirLock(dir)).rejects.toThrow(DataDirLockedError);
		await expect(acquireDataDirLock(dir)).rejects.toThrow(`(PID ${process.pid})`);
		await lock.release();
		await (await acquireDataDirLock(dir)).release();
	});

	it('is freed by the kernel when its holder is killed, whatever PID it had', async () => {
		const dir = tempDir();
		const holder = holderProcess(dir);
		expect(await holder.answer).toBe('held');
		await expect(acquireDataDirLock(dir)).rejects.toThrow(`(PID ${holder.child.pid})`);
		holder.child.kill('SIGKILL');
		await new Promise((resolve) => holder.child.once('exit', resolve));
		// the PID file still names the dead process: it is not the lock
		expect(fs.readFileSync(path.join(dir, 'sharaka.lock'), 'utf8')).toBe(String(holder.child.pid));
		await (await acquireDataDirLock(dir)).release();
	});

	it('is not taken over when its file names a live process, ours included (PID 1 restarted in a container)', async () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'sharaka.lock'), String(process.pid));
		await (await acquireDataDirLock(dir)).release();
		fs.writeFileSync(path.join(dir, 'sharaka.lock'), String(process.ppid));
		await (await acquireDataDirLock(dir)).release();
	});

	it('still holds when its file is deleted under it', async () => {
		const dir = tempDir();
		const lock = await acquireDataDirLock(dir);
		fs.rmSync(path.join(dir, 'sharaka.lock'));
		await expect(acquireDataDirLock(dir)).rejects.toThrow(DataDirLockedError);
		await lock.release();
	});

	it('goes to exactly one of several processes asking at the same moment', async () => {
		for (let round = 0; round < 3; round++) {
			const dir = tempDir();
			const holders = [holderProcess(dir), holderProcess(dir), holderProcess(dir)];
			const answers = await Promise.all(holders.map((holder) => holder.answer));
			for (const holder of holders) holder.child.kill('SIGKILL');
			expect(answers.filter((answer) => answer === 'held'), answers.join(' ')).toHaveLength(1);
		}
	}, 60_000);

	it('refuses another opening of the same embedded database, with a clear message', async () => {
		const dir = tempDir();
		// The server (here: this process) holds the directory.
		const lock = await acquireDataDirLock(dir);
		await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/in use by another process/);
		expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false);
		await lock.release();
	});

	it('keeps data between openings of the same directory', async () => {
		const dir = tempDir();
		const first = await openDatabase({ kind: 'pglite', dataDir: dir });
		await first.migrate();
		await first.db.insert(organisation).values({ slug: 'kept', name: 'Kept', type: 'other' });
		await first.close();
		const second = await openDatabase({ kind: 'pglite', dataDir: dir });
		const rows = await second.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.slug, 'kept'));
		await second.close();
		expect(rows).toEqual([{ name: 'Kept' }]);
		// every migration run from scratch on disk: minutes when the machine is busy, not a speed test
	}, 180_000);
});
