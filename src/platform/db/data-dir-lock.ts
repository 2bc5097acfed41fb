import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';

/**
 * PGlite has no lock of its own: two processes on one data directory silently corrupt it.
 *
 * The lock is a Unix socket the holder listens on, named after the directory's real path. On Linux
 * it lives in the kernel's abstract namespace: binding is atomic (a second process gets EADDRINUSE,
 * whoever races), the kernel frees it the moment the holder dies (no stale lock, whatever its PID
 * — PID 1 in a restarted container included), and no file can be deleted from under it. Elsewhere
 * (macOS development) it is a socket file in the directory: a file left by a dead holder refuses
 * connections and is replaced. The holder answers a connection with its PID, for the message.
 */
export class DataDirLockedError extends Error {
	readonly lockPath: string;
	readonly holderPid: number | null;
	constructor(dir: string, holderPid: number | null) {
		super(
			`The embedded database in ${dir} is in use by another process${holderPid ? ` (PID ${holderPid})` : ''}. ` +
				`Stop that process (for example the running server) and try again, or set DATABASE_URL to use a PostgreSQL server.`
		);
		this.name = 'DataDirLockedError';
		this.lockPath = dir;
		this.holderPid = holderPid;
	}
}

export interface DataDirLock {
	release(): Promise<void>;
}

function socketAddress(dir: string): string {
	const real = fs.realpathSync(dir);
	if (process.platform === 'linux') return `\0sharaka-data-dir:${crypto.createHash('sha256').update(real).digest('hex')}`;
	return path.join(real, 'sharaka.lock.sock');
}

/** The PID the holder answers with, or null when nobody listens (a file left by a dead holder). */
function askHolder(address: string): Promise<number | null> {
	return new Promise((resolve) => {
		const socket = net.connect({ path: address });
		let answer = '';
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('data', (chunk) => (answer += chunk.toString()));
		socket.on('close', () => resolve(Number.parseInt(answer, 10) || 0));
		socket.on('error', (error: NodeJS.ErrnoException) => {
			resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? null : 0);
		});
	});
}

function listen(address: string): Promise<net.Server> {
	return new Promise((resolve, reject) => {
		const server = net.createServer((socket) => socket.end(String(process.pid)));
		server.once('error', reject);
		server.listen({ path: address, exclusive: true }, () => {
			server.off('error', reject);
			server.unref(); // holding the lock never keeps the process alive
			resolve(server);
		});
	});
}

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
	fs.mkdirSync(dir, { recursive: true });
	const address = socketAddress(dir);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const server = await listen(address);
			// Informative only (operators look for it); the socket is the lock.
			fs.writeFileSync(path.join(dir, 'sharaka.lock'), String(process.pid));
			let released: Promise<void> | null = null;
			return {
				release() {
					released ??= new Promise<void>((resolve) => server.close(() => resolve()));
					return released;
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
			const holder = await askHolder(address);
			// A socket file nobody listens on was left by a holder that died (not on Linux).
			if (holder === null && !address.startsWith('\0') && attempt === 0) {
				fs.rmSync(address, { force: true });
				continue;
			}
			throw new DataDirLockedError(dir, holder || null);
		}
	}
	throw new DataDirLockedError(dir, null);
}
