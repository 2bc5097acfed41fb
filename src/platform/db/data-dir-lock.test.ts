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

describe('data directory lock', () => {
	it('refuses a second holder while the first is alive, and frees the directory on release', () => {
		const dir = tempDir();
		const lock = acquireDataDirLock(dir);
		expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
		lock.release();
		acquireDataDirLock(dir).release();
	});

	it('takes over a lock left by a process that died', async () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['-e', 'process.exit(0)']);
		const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
		fs.writeFileSync(path.join(dir, 'sharaka.lock'), String(deadPid));
		const lock = acquireDataDirLock(dir);
		expect(fs.readFileSync(path.join(dir, 'sharaka.lock'), 'utf8')).toBe(String(process.pid));
		lock.release();
	});

	it('refuses another process opening the same embedded database, with a clear message', async () => {
		const dir = tempDir();
		// Pretend the server (another live process: our parent) holds the directory.
		fs.writeFileSync(path.join(dir, 'sharaka.lock'), String(process.ppid));
		await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/in use by another process/);
		expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false);
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
	});
});
