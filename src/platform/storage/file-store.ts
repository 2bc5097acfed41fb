import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * Where uploaded files (CVs, and later documents) live, behind one interface: a local directory by
 * default (under DATA_DIR, outside the web root), or an S3-compatible bucket (FILE_STORE=s3) when the
 * app runs on several machines. Keys are paths like `cv/1f…e2.pdf`; backups carry every stored file.
 */
export interface FileStore {
	readonly kind: 'local' | 's3';
	put(key: string, bytes: Uint8Array): Promise<void>;
	/** the file, or null when there is none */
	get(key: string): Promise<Uint8Array | null>;
	exists(key: string): Promise<boolean>;
	delete(key: string): Promise<void>;
	/** every key under `prefix` (all of them without), in key order */
	list(prefix?: string): AsyncIterable<string>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;

/** Keys are ours (never a person's text), but a path is only ever built from a safe one. */
export function checkKey(key: string): string {
	if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.') || key.length > 500) throw new Error(`Not a file key: ${key}`);
	return key;
}

/** Files in a directory; writes go through a temporary file renamed into place (never half a file). */
export function localFileStore(root: string): FileStore {
	const file = (key: string) => path.join(root, ...checkKey(key).split('/'));
	async function* walk(directory: string, prefix: string): AsyncGenerator<string> {
		let entries: import('node:fs').Dirent[];
		try {
			entries = await fs.readdir(directory, { withFileTypes: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw error;
		}
		for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			if (entry.name.startsWith('.')) continue; // temporary files of a write in progress
			const key = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) yield* walk(path.join(directory, entry.name), key);
			else if (entry.isFile()) yield key;
		}
	}
	return {
		kind: 'local',
		async put(key, bytes) {
			const target = file(key);
			await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
			const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.part`);
			try {
				await fs.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
				await fs.rename(temporary, target);
			} catch (error) {
				await fs.rm(temporary, { force: true });
				throw error;
			}
		},
		async get(key) {
			try {
				return new Uint8Array(await fs.readFile(file(key)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async exists(key) {
			try {
				return (await fs.stat(file(key))).isFile();
			} catch {
				return false;
			}
		},
		async delete(key) {
			await fs.rm(file(key), { force: true });
		},
		async *list(prefix = '') {
			// walk only the folder the prefix names, then keep the keys that start with it
			const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
			for await (const key of walk(folder ? file(folder) : root, folder)) {
				if (key.startsWith(prefix)) yield key;
			}
		}
	};
}

export interface S3Settings {
	bucket: string;
	region: string;
	/** another S3-compatible service than AWS (MinIO, Garage, Scaleway, OVH…) */
	endpoint?: string;
	accessKeyId?: string;
	secretAccessKey?: string;
	/** bucket in the path (most S3-compatible services), not in the host name */
	forcePathStyle: boolean;
	/** all keys under this prefix in the bucket */
	prefix: string;
}

/** Files in an S3-compatible bucket (the AWS SDK's client). */
export async function s3FileStore(settings: S3Settings): Promise<FileStore> {
	const { S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
	const client = new S3Client({
		region: settings.region,
		endpoint: settings.endpoint,
		forcePathStyle: settings.forcePathStyle,
		credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined
	});
	const Bucket = settings.bucket;
	const prefix = settings.prefix ? settings.prefix.replace(/\/+$/, '') + '/' : '';
	const notFound = (error: unknown) => {
		const name = (error as { name?: string }).name;
		const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
		return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
	};
	return {
		kind: 's3',
		async put(key, bytes) {
			await client.send(new PutObjectCommand({ Bucket, Key: prefix + checkKey(key), Body: bytes, ServerSideEncryption: settings.endpoint ? undefined : 'AES256' }));
		},
		async get(key) {
			try {
				const answer = await client.send(new GetObjectCommand({ Bucket, Key: prefix + checkKey(key) }));
				return answer.Body ? new Uint8Array(await answer.Body.transformToByteArray()) : new Uint8Array();
			} catch (error) {
				if (notFound(error)) return null;
				throw error;
			}
		},
		async exists(key) {
			try {
				await client.send(new HeadObjectCommand({ Bucket, Key: prefix + checkKey(key) }));
				return true;
			} catch (error) {
				if (notFound(error)) return false;
				throw error;
			}
		},
		async delete(key) {
			await client.send(new DeleteObjectCommand({ Bucket, Key: prefix + checkKey(key) }));
		},
		async *list(under = '') {
			let ContinuationToken: string | undefined;
			do {
				const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix + under, ContinuationToken }));
				for (const object of page.Contents ?? []) if (object.Key) yield object.Key.slice(prefix.length);
				ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
			} while (ContinuationToken);
		}
	};
}

/** The store the settings name: S3 with FILE_STORE=s3, else `$DATA_DIR/uploads`. */
export async function openFileStore(settings: { dataDir: string; fileStore: 'local' | 's3'; s3?: S3Settings }): Promise<FileStore> {
	if (settings.fileStore === 's3') {
		if (!settings.s3) throw new Error('FILE_STORE=s3 needs S3_BUCKET (and S3_REGION, S3_ENDPOINT for another service than AWS).');
		return s3FileStore(settings.s3);
	}
	return localFileStore(path.join(settings.dataDir, 'uploads'));
}
