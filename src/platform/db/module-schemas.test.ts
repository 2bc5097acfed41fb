import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/pglite';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { loadDemoDataIfEmpty } from '../demo/demo.ts';
import { describeTables } from '../backup/backup.ts';
import { migrationsFolder, openDatabase, type DbOrTx } from './database.ts';

// Migration 0024 moves each module's tables into its own PostgreSQL schema. A database built on the
// previous main (every table in public, 0023 the last migration) must come through with every row,
// every index, constraint and trigger, and its audit trail untouched.

type Queryable = Pick<DbOrTx, 'execute'>;
const moduleSchemas = ['atlas', 'jobs'];
const rows = async <T,>(db: Queryable, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * The tables' shape, schema names aside: columns, defaults, generated expressions, indexes, constraints, triggers
 * (PostgreSQL 18 also lists NOT NULL as constraints, PGlite's 17 does not: the columns say it for both).
 */
async function layout(db: Queryable): Promise<Record<string, string[]>> {
	const unqualified = (text: string) => text.replace(/\b(public|atlas|jobs)\./g, '');
	const where = sql.raw(`n.nspname IN ('public', ${moduleSchemas.map((schema) => `'${schema}'`).join(', ')})`);
	const facts = await rows<{ table: string; fact: string }>(
		db,
		sql`SELECT c.relname::text AS "table", 'column ' || a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
				|| ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attgenerated::text AS fact
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE ${where} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
		UNION ALL
		SELECT c.relname::text, 'index ' || pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${where}
		UNION ALL
		SELECT c.relname::text, 'constraint ' || k.conname::text || ' ' || pg_get_constraintdef(k.oid)
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${where} AND k.contype <> 'n'
		UNION ALL
		SELECT c.relname::text, 'trigger ' || pg_get_triggerdef(t.oid)
			FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${where} AND NOT t.tgisinternal`
	);
	const byTable: Record<string, string[]> = {};
	for (const { table, fact } of facts) (byTable[table] ??= []).push(unqualified(fact));
	for (const table of Object.keys(byTable)) byTable[table].sort();
	return byTable;
}

/** Every data table's row count and a digest of its rows, by table name without its schema. */
async function contents(db: Queryable): Promise<Record<string, { rows: number; digest: string }>> {
	const result: Record<string, { rows: number; digest: string }> = {};
	for (const { name } of await describeTables(db)) {
		const ident = sql.raw(name.split('.').map((part) => `"${part}"`).join('.'));
		const [found] = await rows<{ rows: number; digest: string }>(
			db,
			sql`SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') AS digest FROM ${ident} t`
		);
		result[name.split('.').at(-1)!] = found;
	}
	return result;
}

/** Where each table lives now. */
async function schemaOf(db: Queryable): Promise<Record<string, string>> {
	const found = await rows<{ table: string; schema: string }>(
		db,
		sql`SELECT c.relname AS "table", n.nspname AS "schema" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'r' AND n.nspname IN ('public', 'atlas', 'jobs')`
	);
	return Object.fromEntries(found.map((row) => [row.table, row.schema]));
}

/** Puts a database back into the previous main's layout: every table in public, 0024 not applied. */
async function rewindToPreviousLayout(db: Queryable): Promise<void> {
	for (const schema of moduleSchemas) {
		const tables = await rows<{ name: string }>(db, sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${schema} AND c.relkind = 'r'`);
		for (const { name } of tables) await db.execute(sql.raw(`ALTER TABLE "${schema}"."${name}" SET SCHEMA public`));
		await db.execute(sql.raw(`DROP SCHEMA "${schema}"`));
	}
	await db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`);
}

/** A database migrated with the previous main's migrations only (0000–0023), in memory. */
async function previousMainLayout(): Promise<Record<string, string[]>> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-migrations-'));
	try {
		const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
		const index = journal.entries.findIndex((entry) => entry.tag === '0024_module_schemas');
		expect(index).toBeGreaterThan(0);
		journal.entries = journal.entries.slice(0, index);
		fs.mkdirSync(path.join(folder, 'meta'));
		fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
		for (const { tag } of journal.entries) fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
		const database = await openDatabase({ kind: 'pglite-memory' });
		try {
			if (!('pglite' in database.connection)) throw new Error('an in-memory PGlite was asked for');
			await migrate(drizzle(database.connection.pglite), { migrationsFolder: folder });
			return await layout(database.db);
		} finally {
			await database.close();
		}
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

describe('migration 0024: each module in its own PostgreSQL schema', () => {
	let app: TestApp;
	beforeAll(async () => {
		app = await createTestApp({}, { referenceData: true });
		await loadDemoDataIfEmpty(app.database.db);
	});
	afterAll(async () => {
		await app?.close();
	});

	it('puts the Atlas and Jobs tables in their schemas, the platform’s in public', async () => {
		const schemas = await schemaOf(app.database.db);
		expect(schemas).toMatchObject({ initiative: 'atlas', initiative_proposal: 'atlas', atlas_import: 'atlas' });
		expect(schemas).toMatchObject({ job_offer: 'jobs', seeker_profile: 'jobs', referral: 'jobs', rights_page: 'jobs' });
		expect(schemas).toMatchObject({ user: 'public', organisation: 'public', audit_event: 'public', access_grant: 'public' });
	});

	it('brings a database of the previous main through with every row, index, constraint and trigger', async () => {
		const db = app.database.db;
		const before = await contents(db);
		const shapeBefore = await layout(db);
		expect(before.initiative.rows).toBeGreaterThan(100);
		expect(before.job_application.rows).toBeGreaterThan(0);
		expect(before.audit_event.rows).toBeGreaterThan(0);

		await rewindToPreviousLayout(db);
		expect(new Set(Object.values(await schemaOf(db)))).toEqual(new Set(['public']));
		// the rewound database is the previous main's, table for table
		expect(await layout(db)).toEqual(await previousMainLayout());

		await app.database.migrate();
		expect((await schemaOf(db)).initiative).toBe('atlas');
		expect(await layout(db)).toEqual(shapeBefore);
		expect(await contents(db)).toEqual(before);

		// The triggers still fire where they now live: a write to an Atlas table bumps its revision.
		const revision = async () => (await rows<{ revision: string }>(db, sql`SELECT revision::text FROM cache.atlas_revision`))[0].revision;
		const revisionBefore = await revision();
		await db.execute(sql`UPDATE initiative SET updated_at = updated_at WHERE id = (SELECT id FROM initiative LIMIT 1)`);
		expect(await revision()).not.toBe(revisionBefore);
		// and the audit trail is still append-only
		await expect(db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
	});
});
