import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp } from '../testing/test-app.ts';
import { withDatabase } from '../testing/database-url.ts';
import { migrationsFolder, openDatabase } from './database.ts';

describe.skipIf(!process.env.DATABASE_URL)('the PostgreSQL connection pool', () => {
	it('survives the server cutting its idle connections, and answers again', async () => {
		const app = await createTestApp();
		try {
			expect(await app.database.ping()).toBe(true);
			const [{ name }] = await app.database.db.select({ name: sql<string>`current_database()` }).from(sql`(select 1) as one`);
			const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
			await admin.connect();
			await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
			await admin.end();
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(await app.database.ping()).toBe(true);
		} finally {
			await app.close();
		}
	});
});

describe.skipIf(!process.env.DATABASE_URL)('upgrading with several instances', () => {
	it('migrates once when instances start together on a new database', async () => {
		const url = process.env.DATABASE_URL!;
		const name = `sharaka_migrate_${process.pid}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.query(`CREATE DATABASE ${name}`);
		const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgresql', url: withDatabase(url, name), poolMax: 2 })));
		try {
			const results = await Promise.allSettled(instances.map((instance) => instance.migrate()));
			expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
			const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
			const [{ applied }] = await instances[0].db.select({ applied: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
			expect(applied).toBe(journal.entries.length);
		} finally {
			await Promise.all(instances.map((instance) => instance.close()));
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	});
});
