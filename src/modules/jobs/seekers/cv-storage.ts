import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../../platform/http/app-error.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { downloadResponse } from '../../../platform/storage/file-check.ts';
import { checkCv } from './cv-check.ts';

export { CV_MAX_BYTES, checkCv } from './cv-check.ts';

const STORED_NAME = /^[0-9a-f]{32}\.pdf$/;

/** Where a local file store keeps CVs (`$DATA_DIR/uploads/cv`), outside the web root; tests look there. */
export function cvDirectory(dataDir: string): string {
	return path.join(dataDir, 'uploads', 'cv');
}

/** The store's key of a stored CV: only ever built from our own pattern, never from a person's text. */
function cvKey(name: string): string {
	if (!STORED_NAME.test(name)) throw new Error('not a stored CV name');
	return `cv/${name}`;
}

/**
 * Stores a checked CV under a random name in the platform's file store (a local directory or an
 * S3-compatible bucket; either writes whole files only). The name goes into the profile.
 */
export async function writeCv(files: FileStore, bytes: Uint8Array): Promise<string> {
	await checkCv(bytes);
	const name = `${crypto.randomBytes(16).toString('hex')}.pdf`;
	await files.put(cvKey(name), bytes);
	return name;
}

export async function readCvFile(files: FileStore, name: string): Promise<Buffer> {
	const bytes = await files.get(cvKey(name));
	if (!bytes) throw new AppError('not_found');
	return Buffer.from(bytes);
}

export async function removeCvFile(files: FileStore, name: string | null | undefined): Promise<void> {
	if (!name) return;
	await files.delete(cvKey(name));
}

/** The HTTP response that hands a CV over: always a download, never rendered or sniffed, never cached. */
export function cvResponse(bytes: Buffer, fileName = 'cv.pdf'): Response {
	return downloadResponse(bytes, 'application/pdf', fileName);
}
