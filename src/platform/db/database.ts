import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { installedModules, isInstalled } from '../kernel/modules.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction or the database itself: services accept either so callers can compose writes. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
	kind: DatabaseKind;
	db: Db;
	ping(): Promise<boolean>;
	migrate(): Promise<void>;
	close(): Promise<void>;
	/** PGlite only: the whole database as a tarball, to start other instances from (tests) */
	snapshot?(): Promise<Uint8Array>;
	/** PostgreSQL: the connection pool's state, for metrics */
	poolStats?(): { total: number; idle: number; waiting: number };
	/** how a component with its own driver (the job queue) reaches the same database */
	connection: { pglite: PGliteClient } | { url: string };
}

type PGliteClient = Awaited<ReturnType<typeof openPglite>>;

export type DatabaseOptions =
	| { kind: 'postgresql'; url: string; poolMax?: number }
	| { kind: 'pglite'; dataDir: string }
	/** in memory, empty or started from a `snapshot()` */
	| { kind: 'pglite-memory'; snapshot?: Uint8Array };

/** The advisory lock migrations hold on PostgreSQL (any number, the same for every instance). */
const MIGRATION_LOCK = 735_100_024;

export const migrationsFolder = path.resolve(
	process.env.SHARAKA_MIGRATIONS_DIR ?? path.join(process.cwd(), 'drizzle')
);

async function openPglite(dataDir: string | undefined, snapshot?: Uint8Array) {
	const { PGlite } = await import('@electric-sql/pglite');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	// Extensions must be passed at every open (see STACK-NOTES).
	return PGlite.create(dataDir, {
		extensions: { unaccent, pg_trgm },
		loadDataDir: snapshot ? new Blob([snapshot as Uint8Array<ArrayBuffer>]) : undefined
	});
}

/**
 * Each module's tables live in a schema named after it (drizzle qualifies them); raw SQL and older
 * migrations name tables alone, so every connection searches the modules' schemas after public.
 * Schemas that do not exist (yet) are skipped by PostgreSQL.
 */
function searchPath(): string {
	const slugs = isInstalled() ? installedModules().map((manifest) => manifest.slug) : [];
	return ['public', ...slugs].map((schema) => `"${schema.replace(/"/g, '""')}"`).join(', ');
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	const schemas = searchPath();
	if (options.kind === 'postgresql') {
		const pg = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		const pool = new pg.default.Pool({ connectionString: options.url, max: options.poolMax ?? 10, options: `-c search_path=${schemas.replace(/ /g, '')}` });
		// An idle connection cut by the server (a restart, an administrator, a dropped test database)
		// must not bring the process down: the pool discards it and opens another on the next query;
		// a query that was running gets its own error.
		pool.on('error', () => {});
		const db = drizzle(pool) as unknown as Db;
		return {
			kind: 'postgresql',
			db,
			ping: () => ping(db),
			// Instances starting together on one database (an upgrade, a scaled deployment) migrate one
			// after the other: the first applies, the others find nothing left to do.
			async migrate() {
				const client = await pool.connect();
				try {
					await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
					try {
						await migrate(drizzle(client), { migrationsFolder });
					} finally {
						await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
					}
				} finally {
					client.release();
				}
			},
			connection: { url: options.url },
			poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
			close: () => pool.end()
		};
	}

	let lock: DataDirLock | undefined;
	let pgliteDir: string | undefined;
	if (options.kind === 'pglite') {
		lock = await acquireDataDirLock(options.dataDir);
		pgliteDir = path.join(options.dataDir, 'pglite');
		fs.mkdirSync(options.dataDir, { recursive: true });
	}
	try {
		const client = await openPglite(pgliteDir, options.kind === 'pglite-memory' ? options.snapshot : undefined);
		await client.exec(`SET search_path TO ${schemas}`);
		const { drizzle } = await import('drizzle-orm/pglite');
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		const pgliteDb = drizzle(client);
		return {
			kind: 'pglite',
			db: pgliteDb as unknown as Db,
			ping: () => ping(pgliteDb as unknown as Db),
			migrate: () => migrate(pgliteDb, { migrationsFolder }),
			snapshot: async () => new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer()),
			connection: { pglite: client },
			async close() {
				try {
					await client.close();
				} finally {
					await lock?.release();
				}
			}
		};
	} catch (error) {
		await lock?.release();
		throw error;
	}
}

async function ping(db: Db): Promise<boolean> {
	try {
		await Promise.race([
			db.execute(sql`select 1`),
			new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))
		]);
		return true;
	} catch {
		return false;
	}
}

/** Opens the database the settings name: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function databaseOptionsFrom(settings: {
	databaseUrl?: string;
	dataDir: string;
	databasePoolMax?: number;
}): DatabaseOptions {
	return settings.databaseUrl
		? { kind: 'postgresql', url: settings.databaseUrl, poolMax: settings.databasePoolMax }
		: { kind: 'pglite', dataDir: settings.dataDir };
}
