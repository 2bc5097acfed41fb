import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type App } from '../app.ts';
import { readSettings } from '../config/config.ts';
import { withDatabase } from './database-url.ts';
import type { DatabaseOptions } from '../db/database.ts';

export interface TestApp extends App {
	/** where the outbox (.eml files) and other files of this test app live */
	dataDir: string;
	/** the e-mails written so far (after the background sending settles), oldest first, as raw text */
	outbox(): Promise<string[]>;
	/**
	 * Another instance of the app on the same database, as a second server would be (its own
	 * connections, its own memory); null on PGlite, whose in-memory database has one connection.
	 */
	anotherInstance(): Promise<App | null>;
}

let counter = 0;

/**
 * A fully wired app on a fresh, migrated database: in-memory PGlite by default,
 * or a new PostgreSQL database copied from the run's template when DATABASE_URL is set.
 */
export async function createTestApp(
	env: Record<string, string> = {},
	options: {
		/** start with every module's reference data (regions, occupations, the Atlas's real initiatives…) */
		referenceData?: boolean;
	} = {}
): Promise<TestApp> {
	const referenceData = options.referenceData ?? false;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-test-'));
	const settings = readSettings({
		NODE_ENV: 'test',
		LOG_LEVEL: 'silent',
		DATA_DIR: dataDir,
		AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
		...env
	});
	const snapshots = inject('pgliteSnapshots');
	const snapshot = snapshots ? (referenceData ? snapshots.reference : snapshots.bare) : undefined;
	let databaseOptions: DatabaseOptions = snapshot
		? { kind: 'pglite-memory', snapshot: fs.readFileSync(snapshot) }
		: { kind: 'pglite-memory' };
	let dropDatabase: (() => Promise<void>) | undefined;
	const url = process.env.DATABASE_URL;
	const template = inject('pgTemplate');
	if (url && template) {
		const name = `${template}_${process.pid}_${++counter}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${referenceData ? `${template}_ref` : template}`);
		await admin.end();
		databaseOptions = { kind: 'postgresql', url: withDatabase(url, name), poolMax: 4 };
		dropDatabase = async () => {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await client.end();
		};
	}
	// Snapshots and templates are migrated already.
	const prepared = Boolean(dropDatabase || snapshot);
	const app = await createApp({ settings, databaseOptions, migrate: !prepared, referenceData: referenceData && !prepared });
	const outboxDir = path.join(dataDir, 'outbox');
	return {
		...app,
		dataDir,
		outbox: async () => {
			await app.settle();
			return fs.existsSync(outboxDir)
				? fs
						.readdirSync(outboxDir)
						.sort()
						.map((file) => fs.readFileSync(path.join(outboxDir, file), 'utf8'))
				: [];
		},
		anotherInstance: async () =>
			databaseOptions.kind === 'postgresql'
				? createApp({ settings, databaseOptions, migrate: false, referenceData: false })
				: null,
		async close() {
			await app.close();
			await dropDatabase?.();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
