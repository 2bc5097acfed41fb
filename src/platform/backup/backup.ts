import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGzip, createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DatabaseKind, DbOrTx } from '../db/database.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import type { FileStore } from '../storage/file-store.ts';

/**
 * Backup and restore of the whole database, the same for embedded PGlite and PostgreSQL
 * (a backup made on one restores into the other).
 *
 * The file is a gzip'd JSON document, written and read as a stream, one row per line:
 *
 *   {"header":{…, "tables":[{"name","columns","rowCount"}…]},"tables":[
 *   {"name":"user","rows":[
 *   ["id-1","Amina",…],
 *   ["id-2","Youssef",…]
 *   ]},
 *   …
 *   ],"files":[
 *   {"key":"cv/1f…e2.pdf","data":"<base64>"},
 *   …
 *   ]}
 *
 * Values are PostgreSQL's own text form of each column (`col::text`), so every type —
 * timestamps to the microsecond, jsonb, arrays, numerics — comes back exactly as it was.
 * Tables come in foreign-key dependency order (parents first).
 */

export const BACKUP_FORMAT = 'sharaka-backup';
/** 2: the stored files follow the tables (version 1 backups, without files, are still read) */
export const BACKUP_FORMAT_VERSION = 2;

export interface BackupColumn {
	name: string;
	/** `format_type()` of the column, e.g. `timestamp with time zone` */
	type: string;
}

export interface BackupTable {
	name: string;
	columns: BackupColumn[];
	rowCount: number;
}

export interface BackupMigration {
	hash: string;
	createdAt: string;
}

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	appVersion: string;
	createdAt: string;
	databaseKind: DatabaseKind;
	/** drizzle's applied migrations (`drizzle.__drizzle_migrations`), oldest first */
	migrations: BackupMigration[];
	/** every table of the public and the modules' schemas (`schema.table`), parents before children */
	tables: BackupTable[];
	/** how many stored files (CVs…) follow the tables (format 2) */
	files?: number;
}

/** A file the data refers to (a module's `storedFiles`): its row's column holds the name under `prefix`. */
export interface FileReference {
	table: string;
	column: string;
	prefix: string;
}

export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

type Queryable = Pick<DbOrTx, 'execute'>;
type Row = Record<string, unknown>;

async function rows<T extends Row>(db: Queryable, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
/** A table as the backup names it: `name` in the public schema, `schema.name` in a module's schema. */
const tableIdent = (name: string) => sql.raw(name.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.'));
/**
 * The schemas holding data: public and the modules' own; not the system's, the migrations', the caches'
 * nor the job queue's (pg-boss builds its own schema at start; jobs waiting at backup time are not kept).
 */
const dataSchemas = sql.raw(`n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle', 'cache', 'queue') AND n.nspname NOT LIKE 'pg\\_%'`);
const qualifiedName = sql.raw(`CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END`);

/** Every ordinary table of the public and the modules' schemas with its insertable columns, parents before children. */
export async function describeTables(db: Queryable): Promise<{ name: string; columns: BackupColumn[]; primaryKey: string[] }[]> {
	const tables = await rows<{ name: string }>(
		db,
		sql`SELECT ${qualifiedName} AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${dataSchemas} AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`
	);
	const columns = await rows<{ table: string; name: string; type: string }>(
		db,
		sql`SELECT ${qualifiedName} AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${dataSchemas} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
			ORDER BY 1, a.attnum`
	);
	const keys = await rows<{ table: string; name: string }>(
		db,
		sql`SELECT ${qualifiedName} AS "table", a.attname AS name
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum
			WHERE ${dataSchemas} AND k.contype = 'p' ORDER BY 1, key.position`
	);
	const references = await rows<{ child: string; parent: string }>(
		db,
		sql`SELECT DISTINCT
				CASE WHEN cn.nspname = 'public' THEN child.relname ELSE cn.nspname || '.' || child.relname END AS child,
				CASE WHEN pn.nspname = 'public' THEN parent.relname ELSE pn.nspname || '.' || parent.relname END AS parent
			FROM pg_constraint k
			JOIN pg_class child ON child.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = child.relnamespace
			JOIN pg_class parent ON parent.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = parent.relnamespace
			WHERE k.contype = 'f'`
	);

	// Parents first (Kahn's algorithm, alphabetical among equals so the order is stable).
	const names = tables.map((table) => table.name);
	const parentsOf = new Map(names.map((name) => [name, new Set<string>()]));
	for (const { child, parent } of references) if (child !== parent) parentsOf.get(child)?.add(parent);
	const ordered: string[] = [];
	const remaining = new Set(names);
	while (remaining.size > 0) {
		const ready = [...remaining].filter((name) => [...parentsOf.get(name)!].every((parent) => !remaining.has(parent)));
		// A cycle of foreign keys: take the rest alphabetically (inserts then need deferrable constraints).
		const next = ready.length > 0 ? ready : [...remaining];
		for (const name of next.sort()) {
			ordered.push(name);
			remaining.delete(name);
		}
	}
	return ordered.map((name) => ({
		name,
		columns: columns.filter((column) => column.table === name).map(({ name: column, type }) => ({ name: column, type })),
		primaryKey: keys.filter((key) => key.table === name).map((key) => key.name)
	}));
}

/** drizzle's applied migrations, oldest first (none when the database was never migrated). */
export async function appliedMigrations(db: Queryable): Promise<BackupMigration[]> {
	const [{ present }] = await rows<{ present: boolean }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
	if (!present) return [];
	const found = await rows<{ hash: string; created_at: string }>(
		db,
		sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id`
	);
	return found.map((migration) => ({ hash: migration.hash, createdAt: migration.created_at }));
}

/** Text output that does not depend on the server's settings. */
async function normaliseSession(tx: Queryable): Promise<void> {
	await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
	await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
	await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
	await tx.execute(sql`SET LOCAL extra_float_digits = 3`);
}

export interface BackupSummary {
	file: string;
	header: BackupHeader;
}

const FETCH_SIZE = 1000;

/**
 * JSON on one line: JSON.stringify escapes \n and \r but not U+2028 and U+2029, which
 * readline also treats as line ends; escape them too (still valid JSON).
 */
function jsonLine(value: unknown): string {
	return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Writes a backup of the whole database to `file` (through `file.partial`, renamed at the
 * end, so a failed backup never leaves a truncated file under the final name). One
 * read-only, repeatable-read transaction: the backup is a consistent snapshot even while
 * the server keeps writing (PostgreSQL).
 */
export async function backupDatabase(database: Pick<Database, 'kind' | 'db'>, file: string, files?: FileStore): Promise<BackupSummary> {
	const target = path.resolve(file);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	try {
		const header = await database.db.transaction(
			async (tx) => {
				await normaliseSession(tx);
				const tables = await describeTables(tx);
				const described: (BackupTable & { primaryKey: string[] })[] = [];
				for (const table of tables) {
					const [{ count }] = await rows<{ count: number }>(tx, sql`SELECT count(*)::int AS count FROM ${tableIdent(table.name)}`);
					described.push({ ...table, rowCount: count });
				}
				const fileKeys: string[] = [];
				if (files) for await (const key of files.list()) fileKeys.push(key);
				const header: BackupHeader = {
					format: BACKUP_FORMAT,
					formatVersion: BACKUP_FORMAT_VERSION,
					appVersion: packageJson.version,
					createdAt: new Date().toISOString(),
					databaseKind: database.kind,
					migrations: await appliedMigrations(tx),
					tables: described.map(({ name, columns, rowCount }) => ({ name, columns, rowCount })),
					files: fileKeys.length
				};

				async function* lines(): AsyncGenerator<string> {
					yield `{"header":${jsonLine(header)},"tables":[\n`;
					for (const [tableIndex, table] of described.entries()) {
						yield `{"name":${jsonLine(table.name)},"rows":[\n`;
						if (table.columns.length > 0 && table.rowCount > 0) {
							const select = sql.join(
								table.columns.map((column, index) => sql`${ident(column.name)}::text AS ${ident(`c${index}`)}`),
								sql`, `
							);
							const order = table.primaryKey.length
								? sql` ORDER BY ${sql.join(table.primaryKey.map((key) => ident(key)), sql`, `)}`
								: sql``;
							await tx.execute(sql`DECLARE sharaka_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${tableIdent(table.name)}${order}`);
							let written = 0;
							for (;;) {
								const batch = await rows<Row>(tx, sql.raw(`FETCH ${FETCH_SIZE} FROM sharaka_backup`));
								if (batch.length === 0) break;
								let chunk = '';
								for (const row of batch) {
									const values = table.columns.map((_, index) => row[`c${index}`] ?? null);
									written++;
									chunk += jsonLine(values) + (written < table.rowCount ? ',\n' : '\n');
								}
								yield chunk;
							}
							await tx.execute(sql`CLOSE sharaka_backup`);
							if (written !== table.rowCount) {
								throw new BackupError(`Table ${table.name} changed while it was read (${written} rows, expected ${table.rowCount}).`);
							}
						}
						yield tableIndex < described.length - 1 ? ']},\n' : ']}\n';
					}
					yield '],"files":[\n';
					for (const [index, key] of fileKeys.entries()) {
						const bytes = await files!.get(key);
						if (!bytes) throw new BackupError(`The file ${key} disappeared while the backup was written.`);
						yield jsonLine({ key, data: Buffer.from(bytes).toString('base64') }) + (index < fileKeys.length - 1 ? ',\n' : '\n');
					}
					yield ']}\n';
				}

				await pipeline(lines, createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
				return header;
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		fs.renameSync(partial, target);
		return { file: target, header };
	} catch (error) {
		fs.rmSync(partial, { force: true });
		throw error;
	}
}

/** Lines of a gzip'd file, read lazily; a damaged file rejects instead of ending early. */
async function* fileLines(file: string): AsyncGenerator<string> {
	const input = fs.createReadStream(file);
	const gunzip = createGunzip();
	// readline passes its input's errors to the loop below; a read error goes through gunzip.
	input.on('error', (error) => gunzip.destroy(error));
	const reader = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
	try {
		for await (const line of reader) yield line;
	} catch (error) {
		throw new BackupError(`The backup file is damaged or not gzip'd (${(error as Error).message}).`);
	} finally {
		reader.close();
		input.destroy();
		gunzip.destroy();
	}
}

function damaged(detail: string): BackupError {
	return new BackupError(`The backup file is damaged or not a Sharaka backup: ${detail}.`);
}

/** Reads and checks the header (first line) of a backup file without reading the rest. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
	const lines = fileLines(file);
	try {
		const first = await lines.next();
		return parseHeader(first.done ? '' : first.value);
	} finally {
		await lines.return(undefined);
	}
}

function parseHeader(line: string): BackupHeader {
	const suffix = ',"tables":[';
	if (!line.startsWith('{"header":') || !line.endsWith(suffix)) throw damaged('no header');
	let parsed: { header?: BackupHeader };
	try {
		parsed = JSON.parse(line.slice(0, -suffix.length) + '}');
	} catch {
		throw damaged('unreadable header');
	}
	const header = parsed.header;
	if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) {
		throw damaged('unknown format');
	}
	if (header.formatVersion !== 1 && header.formatVersion !== BACKUP_FORMAT_VERSION) {
		throw new BackupError(
			`This backup uses format version ${header.formatVersion}; this version of Sharaka reads version ${BACKUP_FORMAT_VERSION}.`
		);
	}
	return header;
}

export interface RestoreSummary {
	header: BackupHeader;
	tables: { name: string; rows: number }[];
	/** files written back to the store */
	files: number;
	/** files the restored data refers to that the store does not have (only a version 1 backup can leave some) */
	missingFiles: string[];
}

/** How many rows to insert per statement: PostgreSQL takes at most 65535 parameters. */
function batchSize(columnCount: number): number {
	return Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columnCount))));
}

/**
 * Replaces the whole content of the database with the backup in `file`, in one
 * transaction (all or nothing). Refused before anything changes when the backup was made
 * at other migrations than the database's, or its tables and columns differ.
 */
export async function restoreDatabase(
	database: Pick<Database, 'db'>,
	file: string,
	options: { files?: FileStore; references?: readonly FileReference[] } = {}
): Promise<RestoreSummary> {
	if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
	const lines = fileLines(file);
	try {
		const first = await lines.next();
		const header = parseHeader(first.done ? '' : first.value);

		const current = await appliedMigrations(database.db);
		const fileHashes = header.migrations.map((migration) => migration.hash);
		const databaseHashes = current.map((migration) => migration.hash);
		if (fileHashes.join() !== databaseHashes.join()) {
			throw new BackupError(
				`The backup was made at another database version (${fileHashes.length} migrations, Sharaka ${header.appVersion}) ` +
					`than this database (${databaseHashes.length} migrations). Restore it with the Sharaka version that made it, then upgrade.`
			);
		}

		const tables = await describeTables(database.db);
		const byName = new Map(tables.map((table) => [table.name, table]));
		const fileTables = new Map(header.tables.map((table) => [table.name, table]));
		for (const table of header.tables) {
			const existing = byName.get(table.name);
			if (!existing) throw new BackupError(`The backup has a table this database does not have: ${table.name}.`);
			const missing = table.columns.filter((column) => !existing.columns.some((other) => other.name === column.name));
			if (missing.length) {
				throw new BackupError(`Table ${table.name} of this database has no column ${missing.map((column) => column.name).join(', ')}.`);
			}
		}
		const notInFile = tables.filter((table) => !fileTables.has(table.name)).map((table) => table.name);
		if (notInFile.length) throw new BackupError(`The backup has no table ${notInFile.join(', ')}.`);

		const counts = await database.db.transaction(async (tx) => {
			await normaliseSession(tx);
			if (tables.length) {
				// audit_event refuses UPDATE and DELETE, but TRUNCATE is allowed (and is what restore needs).
				await tx.execute(sql`TRUNCATE ${sql.join(tables.map((table) => tableIdent(table.name)), sql`, `)} RESTART IDENTITY CASCADE`);
			}
			const counts: { name: string; rows: number }[] = [];
			let table: BackupTable | undefined;
			let types: string[] = [];
			let pending: (string | null)[][] = [];
			let rowCount = 0;
			let finished = false;
			let inFiles = false;
			let restoredFiles = 0;

			const flush = async () => {
				if (!table || pending.length === 0) return;
				const columns = sql.join(table.columns.map((column) => ident(column.name)), sql`, `);
				const values = sql.join(
					pending.map((row) => sql`(${sql.join(row.map((value, index) => sql`${value}::${sql.raw(types[index])}`), sql`, `)})`),
					sql`, `
				);
				await tx.execute(sql`INSERT INTO ${tableIdent(table.name)} (${columns}) OVERRIDING SYSTEM VALUE VALUES ${values}`);
				pending = [];
			};
			const closeTable = async () => {
				if (!table) return;
				await flush();
				if (rowCount !== table.rowCount) throw damaged(`table ${table.name} has ${rowCount} rows instead of ${table.rowCount}`);
				counts.push({ name: table.name, rows: rowCount });
				table = undefined;
			};

			for (let next = await lines.next(); !next.done; next = await lines.next()) {
				const line = next.value;
				if (finished) {
					if (line.trim() !== '') throw damaged('content after the end');
					continue;
				}
				if (inFiles) {
					if (line === ']}') {
						inFiles = false;
						finished = true;
						continue;
					}
					let stored: { key?: unknown; data?: unknown };
					try {
						stored = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
					} catch {
						throw damaged('unreadable file entry');
					}
					if (typeof stored.key !== 'string' || typeof stored.data !== 'string') throw damaged('a file entry has no key or data');
					// written back before the data commits: a failed restore leaves at worst unreferenced files
					if (options.files) await options.files.put(stored.key, Buffer.from(stored.data, 'base64'));
					restoredFiles++;
					continue;
				}
				if (table === undefined) {
					if (line === ']}') {
						finished = true;
						continue;
					}
					if (line === '],"files":[' && header.formatVersion >= 2) {
						inFiles = true;
						continue;
					}
					const opener = /^\{"name":("(?:[^"\\]|\\.)*"),"rows":\[$/.exec(line);
					if (!opener) throw damaged('a table was expected');
					const name = JSON.parse(opener[1]) as string;
					table = fileTables.get(name);
					if (!table || counts.some((done) => done.name === name)) throw damaged(`unexpected table ${name}`);
					const existing = byName.get(name)!;
					types = table.columns.map((column) => existing.columns.find((other) => other.name === column.name)!.type);
					rowCount = 0;
					continue;
				}
				if (line === ']}' || line === ']},') {
					await closeTable();
					continue;
				}
				const text = line.endsWith(',') ? line.slice(0, -1) : line;
				let row: unknown;
				try {
					row = JSON.parse(text);
				} catch {
					throw damaged(`unreadable row in table ${table.name}`);
				}
				if (!Array.isArray(row) || row.length !== table.columns.length || !row.every((value) => value === null || typeof value === 'string')) {
					throw damaged(`a row of table ${table.name} does not match its columns`);
				}
				pending.push(row as (string | null)[]);
				rowCount++;
				if (pending.length >= batchSize(table.columns.length)) await flush();
			}
			if (!finished || table) throw damaged('it ends too early');
			if (counts.length !== header.tables.length) throw damaged('tables are missing');
			if (header.formatVersion >= 2 && restoredFiles !== (header.files ?? 0)) throw damaged(`${restoredFiles} files instead of ${header.files}`);

			await resetSequences(tx);
			// every file the restored rows refer to must be in the store: a version 2 backup that lacks
			// one is refused (nothing restored); a version 1 backup (without files) reports them
			const missingFiles = options.files ? await missingReferencedFiles(tx, options.files, options.references ?? []) : [];
			if (missingFiles.length && header.formatVersion >= 2) {
				throw new BackupError(`The restored data refers to files the backup does not hold: ${missingFiles.slice(0, 5).join(', ')}${missingFiles.length > 5 ? '…' : ''}.`);
			}
			return { counts, restoredFiles, missingFiles };
		});
		return { header, tables: counts.counts, files: counts.restoredFiles, missingFiles: counts.missingFiles };
	} finally {
		await lines.return(undefined);
	}
}

/** Every sequence owned by a column of a data table (serial, bigserial, identity) restarts after the highest value. */
async function resetSequences(tx: Queryable): Promise<void> {
	const owned = await rows<{ sequence: string; table: string; column: string }>(
		tx,
		sql`SELECT quote_ident(n.nspname) || '.' || quote_ident(s.relname) AS sequence,
				CASE WHEN n.nspname = 'public' THEN t.relname ELSE n.nspname || '.' || t.relname END AS "table", a.attname AS "column"
			FROM pg_class s
			JOIN pg_namespace n ON n.oid = s.relnamespace
			JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
			JOIN pg_class t ON t.oid = d.refobjid
			JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
			WHERE s.relkind = 'S' AND ${dataSchemas}`
	);
	for (const { sequence, table, column } of owned) {
		await tx.execute(
			sql`SELECT setval(${sequence}::regclass, COALESCE(m.max, 1), m.max IS NOT NULL)
				FROM (SELECT max(${ident(column)})::bigint AS max FROM ${tableIdent(table)}) AS m`
		);
	}
}

/** The keys the data refers to (modules' `storedFiles`) that the store does not have. */
async function missingReferencedFiles(tx: Queryable, files: FileStore, references: readonly FileReference[]): Promise<string[]> {
	const missing: string[] = [];
	for (const reference of references) {
		const names = await rows<{ name: string }>(tx, sql`SELECT DISTINCT ${ident(reference.column)} AS name FROM ${tableIdent(reference.table)} WHERE ${ident(reference.column)} IS NOT NULL`);
		for (const { name } of names) {
			const key = reference.prefix + name;
			if (!(await files.exists(key))) missing.push(key);
		}
	}
	return missing;
}
