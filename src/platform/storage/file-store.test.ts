// The file store's contract, run against the local directory and against an S3-compatible server
// started by the test (s3rver), through the same AWS SDK client a deployment uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { localFileStore, s3FileStore, type FileStore } from './file-store.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-files-'));
let s3server: S3rver | null = null;
let s3port = 0;

beforeAll(async () => {
	const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(root, 's3'), configureBuckets: [{ name: 'sharaka-test' }] });
	s3port = (await server.run()).port;
	s3server = server;
});
afterAll(async () => {
	await s3server?.close();
	fs.rmSync(root, { recursive: true, force: true });
});

const stores: [string, () => Promise<FileStore>][] = [
	['a local directory', async () => localFileStore(path.join(root, 'local'))],
	[
		'an S3-compatible bucket',
		() =>
			s3FileStore({
				bucket: 'sharaka-test',
				region: 'us-east-1',
				endpoint: `http://127.0.0.1:${s3port}`,
				accessKeyId: 'S3RVER',
				secretAccessKey: 'S3RVER',
				forcePathStyle: true,
				prefix: 'instance-a'
			})
	]
];

describe.each(stores)('files in %s', (_name, open) => {
	it('keeps, reads, lists and deletes files by key', async () => {
		const store = await open();
		const pdf = new TextEncoder().encode('%PDF-1.7 a CV');
		await store.put('cv/0a1b.pdf', pdf);
		await store.put('cv/0a1c.pdf', new Uint8Array([1, 2, 3]));
		await store.put('documents/report.pdf', new Uint8Array([4]));
		expect(await store.get('cv/0a1b.pdf')).toEqual(pdf);
		expect(await store.exists('cv/0a1c.pdf')).toBe(true);
		expect(await store.get('cv/missing.pdf')).toBeNull();
		expect(await store.exists('cv/missing.pdf')).toBe(false);
		const listed: string[] = [];
		for await (const key of store.list('cv/')) listed.push(key);
		expect(listed).toEqual(['cv/0a1b.pdf', 'cv/0a1c.pdf']);
		const all: string[] = [];
		for await (const key of store.list()) all.push(key);
		expect(all).toEqual(['cv/0a1b.pdf', 'cv/0a1c.pdf', 'documents/report.pdf']);
		await store.put('cv/0a1b.pdf', new Uint8Array([9])); // replaced whole
		expect(await store.get('cv/0a1b.pdf')).toEqual(new Uint8Array([9]));
		await store.delete('cv/0a1b.pdf');
		await store.delete('cv/0a1b.pdf'); // deleting what is gone is not an error
		expect(await store.exists('cv/0a1b.pdf')).toBe(false);
	});

	it('refuses keys that could leave the store', async () => {
		const store = await open();
		for (const key of ['../outside', 'cv/../../etc/passwd', '/absolute', 'cv//double', '', 'cv/.hidden']) {
			await expect(store.put(key, new Uint8Array([1])), key).rejects.toThrow(/Not a file key/);
		}
	});
});
