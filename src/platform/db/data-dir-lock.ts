import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently corrupt it.
 * We hold an exclusive lock file (created with O_EXCL) naming our PID; a lock whose
 * process is gone is stale (a crash) and is taken over.
 */
export class DataDirLockedError extends Error {
	readonly lockPath: string;
	readonly holderPid: number;
	constructor(lockPath: string, holderPid: number) {
		super(
			`The embedded database in ${path.dirname(lockPath)} is in use by another process (PID ${holderPid}). ` +
				`Stop that process (for example the running server) and try again, or set DATABASE_URL to use a PostgreSQL server.`
		);
		this.name = 'DataDirLockedError';
		this.lockPath = lockPath;
		this.holderPid = holderPid;
	}
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface DataDirLock {
	release(): void;
}

export function acquireDataDirLock(dir: string): DataDirLock {
	fs.mkdirSync(dir, { recursive: true });
	const lockPath = path.join(dir, 'sharaka.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(lockPath, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
			process.once('exit', release);
			return { release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holderPid = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
			if (Number.isInteger(holderPid) && holderPid !== process.pid && processIsAlive(holderPid)) {
				throw new DataDirLockedError(lockPath, holderPid);
			}
			if (holderPid === process.pid) throw new DataDirLockedError(lockPath, holderPid);
			fs.unlinkSync(lockPath); // stale: its process died without releasing it
		}
	}
	throw new Error(`Could not lock ${lockPath}`);
}
