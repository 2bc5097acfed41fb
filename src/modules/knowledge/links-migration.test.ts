// The migration of documents' links (0069, then 0070 drops the old column) on a database made before it: each document's Atlas initiatives, named by bare slug in
// `initiatives`, become links (`atlas.initiative:<slug>`, in their order, each once), the old column goes,
// and the published versions keep their snapshots as they were (the code reads both). On PGlite, and on
// PostgreSQL when DATABASE_URL is set (a database made for this test, dropped after).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrationsFolder, openDatabase, type Database } from '../../platform/db/database.ts';
import { withDatabase } from '../../platform/testing/database-url.ts';

/** The migration that gave documents their links (0068 when written; found by what it does, whatever its number). */
const MIGRATION = (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries
	.map((entry) => entry.tag)
	.find((tag) => /ALTER TABLE "knowledge"\."document" ADD COLUMN "links"/.test(fs.readFileSync(path.join(migrationsFolder, `${tag}.sql`), 'utf8')))!;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The migrations folder as it was before 0068: its SQL files and a journal that ends before it. */
function migrationsBefore(tag: string): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-migrations-'));
	cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; idx: number }[] };
	const index = journal.entries.findIndex((entry) => entry.tag === tag);
	expect(index).toBeGreaterThan(0);
	const entries = journal.entries.slice(0, index);
	fs.mkdirSync(path.join(folder, 'meta'));
	fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
	for (const entry of entries) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
	return folder;
}

async function freshDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (!url) return openDatabase({ kind: 'pglite-memory' });
	const name = `sharaka_links_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	cleanups.push(async () => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.end();
	});
	return openDatabase({ kind: 'postgresql', url: withDatabase(url, name), poolMax: 2 });
}

async function migrateWith(database: Database, folder: string) {
	const options = { migrationsFolder: folder };
	if (database.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as unknown as Parameters<typeof migrate>[0], options);
	} else {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(database.db as unknown as Parameters<typeof migrate>[0], options);
	}
}

const rows = async <T,>(database: Database, query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

describe(`migration ${MIGRATION}`, () => {
	it('moves each document’s initiatives into its links, drops the old column, and leaves the versions as they were', { timeout: 120_000 }, async () => {
		const database = await freshDatabase();
		cleanups.push(() => database.close());
		await migrateWith(database, migrationsBefore(MIGRATION));

		// documents as the library stored them before: initiatives by slug (one twice, one blank), or none
		const snapshot = { slug: 'rapport-ancien', title: { fr: 'Rapport ancien' }, initiatives: ['sharaka-composante-1-migration-developpement'] };
		await database.db.execute(sql`insert into knowledge.document (slug, title, type, status, initiatives) values
			('rapport-ancien', '{"fr":"Rapport ancien"}', 'report', 'published', '["sharaka-composante-1-migration-developpement", "primo-oriental", "sharaka-composante-1-migration-developpement", " "]'),
			('guide-sans-initiative', '{"fr":"Guide"}', 'guide', 'published', '[]')`);
		await database.db.execute(sql`insert into knowledge.document_version (document_id, number, snapshot)
			select id, 1, ${JSON.stringify(snapshot)}::jsonb from knowledge.document where slug = 'rapport-ancien'`);

		await migrateWith(database, migrationsFolder);

		const after = await rows<{ slug: string; links: string[] | string }>(database, sql`select slug, links from knowledge.document order by slug`);
		expect(after.map((row) => [row.slug, typeof row.links === 'string' ? JSON.parse(row.links) : row.links])).toEqual([
			['guide-sans-initiative', []],
			['rapport-ancien', ['atlas.initiative:sharaka-composante-1-migration-developpement', 'atlas.initiative:primo-oriental']]
		]);
		const columns = await rows<{ column_name: string }>(database, sql`select column_name from information_schema.columns where table_schema = 'knowledge' and table_name = 'document'`);
		expect(columns.map((row) => row.column_name)).toContain('links');
		expect(columns.map((row) => row.column_name)).not.toContain('initiatives');
		// the backlinks' query is answered by the index
		const indexes = await rows<{ indexdef: string }>(database, sql`select indexdef from pg_indexes where schemaname = 'knowledge' and indexname = 'document_links_idx'`);
		expect(indexes.map((row) => row.indexdef)).toEqual([expect.stringContaining('USING gin (links)')]);
		const versions = await rows<{ snapshot: unknown }>(database, sql`select snapshot from knowledge.document_version`);
		expect(versions.map((row) => (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot))).toEqual([snapshot]);
	});
});
