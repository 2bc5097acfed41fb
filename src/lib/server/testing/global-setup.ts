import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';

/**
 * With DATABASE_URL set, integration tests run on that PostgreSQL server: one migrated
 * template database per run, and each test file gets its own copy (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (!url) return;
	const template = `sharaka_tpl_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${template}`);
	const templateUrl = withDatabase(url, template);
	const database = await openDatabase({ kind: 'postgresql', url: templateUrl, poolMax: 1 });
	await database.migrate();
	await database.close();
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

export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgTemplate?: string;
	}
}
