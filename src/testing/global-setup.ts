import type { TestProject } from 'vitest/node';
import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../compose.ts';
import { openDatabase } from '#platform/db/database.ts';
import { ensureReferenceData } from '#platform/reference-data.ts';
import { withDatabase } from '#platform/testing/database-url.ts';

/**
 * On PGlite, each test file starts from one snapshot of a migrated database with its reference
 * data (loading a snapshot is several times faster than migrating).
 */
async function snapshotPglite(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-snapshot-'));
	const database = await openDatabase({ kind: 'pglite-memory' });
	await database.migrate();
	fs.writeFileSync(path.join(dir, 'bare.tar'), await database.snapshot!());
	await ensureReferenceData(database.db);
	fs.writeFileSync(path.join(dir, 'reference.tar'), await database.snapshot!());
	await database.close();
	project.provide('pgliteSnapshots', { bare: path.join(dir, 'bare.tar'), reference: path.join(dir, 'reference.tar') });
	return () => fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * With DATABASE_URL set, integration tests run on that PostgreSQL server: one migrated
 * template database per run, and each test file gets its own copy (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (!url) return snapshotPglite(project);
	const template = `sharaka_tpl_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${template}`);
	const database = await openDatabase({ kind: 'postgresql', url: withDatabase(url, template), poolMax: 1 });
	await database.migrate();
	await database.close();
	// a second template with every module's reference data
	await admin.query(`CREATE DATABASE ${template}_ref TEMPLATE ${template}`);
	const reference = await openDatabase({ kind: 'postgresql', url: withDatabase(url, `${template}_ref`), poolMax: 1 });
	await ensureReferenceData(reference.db);
	await reference.close();
	project.provide('pgTemplate', template);
	return async () => {
		const { rows } = await admin.query<{ datname: string }>(
			`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
			[`${template}_%`, template]
		);
		for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
		await admin.end();
	};
}


declare module 'vitest' {
	export interface ProvidedContext {
		pgTemplate?: string;
		pgliteSnapshots?: { bare: string; reference: string };
	}
}
