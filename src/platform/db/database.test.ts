import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestApp } from '../testing/test-app.ts';

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
