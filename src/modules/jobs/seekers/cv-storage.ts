import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../../platform/http/app-error.ts';
import { checkCv } from './cv-check.ts';

export { CV_MAX_BYTES, checkCv } from './cv-check.ts';

const STORED_NAME = /^[0-9a-f]{32}\.pdf$/;

/** Where CVs live: outside the web root, under the data directory. */
export function cvDirectory(dataDir: string): string {
	return path.join(dataDir, 'uploads', 'cv');
}

/** Writes a checked CV under a random name (written to a temporary file, then renamed: never half a file). */
export async function writeCv(dataDir: string, bytes: Uint8Array): Promise<string> {
	await checkCv(bytes);
	const directory = cvDirectory(dataDir);
	await fs.mkdir(directory, { recursive: true, mode: 0o700 });
	const name = `${crypto.randomBytes(16).toString('hex')}.pdf`;
	const temporary = path.join(directory, `.${name}.part`);
	try {
		await fs.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
		await fs.rename(temporary, path.join(directory, name));
	} catch (error) {
		await fs.rm(temporary, { force: true });
		throw error;
	}
	return name;
}

function storedPath(dataDir: string, name: string): string {
	// the name comes from our database, but a path is only ever built from our own pattern
	if (!STORED_NAME.test(name)) throw new Error('not a stored CV name');
	return path.join(cvDirectory(dataDir), name);
}

export async function readCvFile(dataDir: string, name: string): Promise<Buffer> {
	try {
		return await fs.readFile(storedPath(dataDir, name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found');
		throw error;
	}
}

export async function removeCvFile(dataDir: string, name: string | null | undefined): Promise<void> {
	if (!name) return;
	await fs.rm(storedPath(dataDir, name), { force: true });
}

/** The HTTP response that hands a CV over: always a download, never rendered or sniffed, never cached. */
export function cvResponse(bytes: Buffer, fileName = 'cv.pdf'): Response {
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(bytes.byteLength),
			'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
