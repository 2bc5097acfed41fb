import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { openDatabase, type Database, type Db } from '../db/database.ts';
import { account, apiToken, organisation, organisationMember, session, user, verification } from '../accounts/accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createApiToken } from '../accounts/api-token.service.ts';
import { backupDatabase, describeTables, readBackupHeader, restoreDatabase, BackupError } from './backup.ts';
import { localFileStore } from '../storage/file-store.ts';
import { eq } from 'drizzle-orm';

const context = { actorUserId: null, actorLabel: 'test', channel: 'cli' as const };
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-backup-'));

/** Users, organisations, members, tokens, sessions and audit events with awkward text. */
async function fill(db: Db) {
	await db.insert(user).values([
		{ id: 'u-amina', name: 'أمينة العلوي', email: 'amina@example.ma', emailVerified: true, role: 'administrator', locale: 'ar' },
		{ id: 'u-pierre', name: 'Pierre "Pe\\ter" O’Neil\nsecond line\u2028sep', email: 'pierre@example.fr', role: 'partner', locale: 'fr' }
	]);
	await db.insert(account).values({ id: 'a-1', accountId: 'u-amina', providerId: 'credential', userId: 'u-amina', password: 'salt:hash' });
	const [org] = await db
		.insert(organisation)
		.values({ slug: 'anapec', name: 'الوكالة الوطنية لإنعاش التشغيل والكفاءات', acronym: 'ANAPEC', type: 'public_agency' })
		.returning();
	await db.insert(organisation).values({ slug: 'giz', name: 'GIZ', type: 'cooperation_agency', country: 'DE', website: null });
	await db.insert(organisationMember).values({ organisationId: org.id, userId: 'u-pierre' });
	await db.insert(session).values({ id: 's-1', token: 'tok', userId: 'u-amina', expiresAt: new Date('2030-01-02T03:04:05.678Z'), ipAddress: '::1' });
	await db.insert(verification).values({ id: 'v-1', identifier: 'pierre@example.fr', value: 'x', expiresAt: new Date('2031-05-06T07:08:09Z') });
	const { record } = await createApiToken(db, context, 'u-amina', 'رمز التقارير');
	await db.update(apiToken).set({ revokedAt: sql`now()` }).where(sql`${apiToken.id} = ${record.id}`);
	await recordAudit(db, { ...context, actorUserId: 'u-amina', actorLabel: 'amina@example.ma', channel: 'web', requestId: 'req-1', ip: '10.0.0.1' }, {
		action: 'organisation.update',
		resourceType: 'organisation',
		resourceId: org.id,
		before: { name: 'ANAPEC', tags: ['emploi', 'شغل'], budget: 12.5, active: true, nothing: null },
		after: {
			name: 'الوكالة الوطنية لإنعاش التشغيل والكفاءات',
			at: new Date('2026-03-01T12:34:56.789Z'),
			nested: { quote: 'il a dit "oui"', newline: 'a\nb', emoji: '🇲🇦', big: 12345678901234567890n.toString() }
		}
	});
	for (let index = 0; index < 1200; index++) {
		// more rows than one fetch and one insert batch
		await db.insert(auditEvent).values({ channel: 'system', action: 'test.bulk', resourceType: 'test', resourceId: String(index), after: { index } });
	}
}

/** Each table's rows in PostgreSQL's own text form, ordered: equal only if every value is. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
	const result: Record<string, string[]> = {};
	for (const table of await describeTables(db)) {
		const name = table.name.split('.').map((part) => `"${part}"`).join('.');
		const found = (await db.execute(sql.raw(`SELECT t::text AS row FROM ${name} t ORDER BY t::text`))) as unknown as { rows: { row: string }[] };
		result[table.name] = found.rows.map((entry) => entry.row);
	}
	return result;
}

async function memoryPglite(): Promise<Database> {
	const database = await openDatabase({ kind: 'pglite-memory' });
	await database.migrate();
	return database;
}

describe('backup and restore', () => {
	let source: TestApp;
	let target: TestApp;
	let file: string;
	let before: Record<string, string[]>;

	beforeAll(async () => {
		[source, target] = await Promise.all([createTestApp(), createTestApp()]);
		await fill(source.database.db);
		before = await snapshot(source.database.db);
		file = path.join(workDir, 'source.json.gz');
		await backupDatabase(source.database, file);
	});

	afterAll(async () => {
		await Promise.all([source?.close(), target?.close()]);
		fs.rmSync(workDir, { recursive: true, force: true });
	});

	it('writes a gzip’d JSON document: header, then each table in foreign-key order', async () => {
		const document = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
		expect(document.header).toMatchObject({ format: 'sharaka-backup', formatVersion: 2, databaseKind: source.database.kind, files: 0 });
		expect(document.header.migrations.length).toBeGreaterThanOrEqual(3);
		const names: string[] = document.tables.map((table: { name: string }) => table.name);
		expect(names.indexOf('user')).toBeLessThan(names.indexOf('account'));
		expect(names.indexOf('user')).toBeLessThan(names.indexOf('organisation_member'));
		expect(names.indexOf('organisation')).toBeLessThan(names.indexOf('organisation_member'));
		const users = document.tables.find((table: { name: string }) => table.name === 'user');
		expect(users.rows).toHaveLength(2);
		expect(JSON.stringify(users.rows)).toContain('أمينة العلوي');
		expect(await readBackupHeader(file)).toEqual(document.header);
	});

	it('restores every table exactly into another database', async () => {
		await target.database.db.insert(user).values({ id: 'u-old', name: 'Replaced', email: 'old@example.ma' });
		const summary = await restoreDatabase(target.database, file);
		expect(summary.tables.find((table) => table.name === 'audit_event')?.rows).toBe(before.audit_event.length);
		const after = await snapshot(target.database.db);
		expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
		for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
		expect(after.user.join()).not.toContain('u-old');
		const [audit] = await target.database.db.select().from(auditEvent).where(sql`${auditEvent.action} = 'organisation.update'`);
		expect(audit.after).toMatchObject({ at: '2026-03-01T12:34:56.789Z', nested: { emoji: '🇲🇦', newline: 'a\nb' } });
		expect(audit.before).toEqual({ name: 'ANAPEC', tags: ['emploi', 'شغل'], budget: 12.5, active: true, nothing: null });
	});

	it('gives new rows fresh ids after a restore (sequences reset)', async () => {
		const db = target.database.db;
		const result = (await db.execute(sql`SELECT max(id)::int AS max FROM audit_event`)) as unknown as { rows: { max: number }[] };
		const max = result.rows[0].max;
		expect(max).toBeGreaterThan(1200);
		await recordAudit(db, context, { action: 'after.restore', resourceType: 'test' });
		const [created] = await db.select().from(auditEvent).where(sql`${auditEvent.action} = 'after.restore'`);
		expect(created.id).toBe(max + 1);
	});

	it('refuses a backup made at other migrations, before changing anything', async () => {
		const other = await createTestApp();
		try {
			await other.database.db.insert(user).values({ id: 'u-keep', name: 'Keep', email: 'keep@example.ma' });
			await other.database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('a-newer-migration', 1)`);
			await expect(restoreDatabase(other.database, file)).rejects.toThrow(/another database version/);
			const people = await other.database.db.select().from(user);
			expect(people.map((person) => person.id)).toEqual(['u-keep']);
		} finally {
			await other.close();
		}
	});

	it('rolls everything back when the file is cut short', async () => {
		const whole = fs.readFileSync(file);
		const cut = path.join(workDir, 'cut.json.gz');
		fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
		const other = await createTestApp();
		try {
			await other.database.db.insert(user).values({ id: 'u-keep', name: 'Keep', email: 'keep@example.ma' });
			await expect(restoreDatabase(other.database, cut)).rejects.toBeInstanceOf(BackupError);
			const people = await other.database.db.select().from(user);
			expect(people.map((person) => person.id)).toEqual(['u-keep']);
		} finally {
			await other.close();
		}
	});

	it('refuses a file that is not a backup', async () => {
		const notBackup = path.join(workDir, 'not-a-backup.json.gz');
		fs.writeFileSync(notBackup, zlib.gzipSync('{"hello": "world"}\n'));
		await expect(restoreDatabase(target.database, notBackup)).rejects.toThrow(/not a Sharaka backup/);
		const plain = path.join(workDir, 'plain.txt');
		fs.writeFileSync(plain, 'hello');
		await expect(restoreDatabase(target.database, plain)).rejects.toThrow(/damaged or not gzip/);
	});

	it('leaves no file behind when a backup fails', async () => {
		const broken = { kind: 'pglite' as const, db: { transaction: async () => { throw new Error('database gone'); } } as unknown as Db };
		const failed = path.join(workDir, 'failed.json.gz');
		await expect(backupDatabase(broken, failed)).rejects.toThrow('database gone');
		expect(fs.existsSync(failed)).toBe(false);
		expect(fs.existsSync(`${failed}.partial`)).toBe(false);
	});

	// With DATABASE_URL the test apps run on PostgreSQL: check both directions against embedded PGlite.
	it.skipIf(!process.env.DATABASE_URL)('moves data between PostgreSQL and PGlite both ways', async () => {
		const pglite = await memoryPglite();
		try {
			await restoreDatabase(pglite, file); // PostgreSQL → PGlite
			expect(await snapshot(pglite.db)).toEqual(before);
			await recordAudit(pglite.db, context, { action: 'made.in.pglite', resourceType: 'test', after: { text: 'مرحبا' } });
			const fromPglite = path.join(workDir, 'pglite.json.gz');
			await backupDatabase(pglite, fromPglite);
			const expected = await snapshot(pglite.db);
			const postgres = await createTestApp();
			try {
				await restoreDatabase(postgres.database, fromPglite); // PGlite → PostgreSQL
				expect(postgres.database.kind).toBe('postgresql');
				expect(await snapshot(postgres.database.db)).toEqual(expected);
			} finally {
				await postgres.close();
			}
		} finally {
			await pglite.close();
		}
	}, 120_000);
});

describe('backup and restore of stored files', () => {
	let source: TestApp;
	let target: TestApp;
	const sourceFiles = localFileStore(path.join(workDir, 'files-source'));
	const targetFiles = localFileStore(path.join(workDir, 'files-target'));
	// this test's reference: the user's `image` column names a file under `avatars/`
	const references = [{ table: 'user', column: 'image', prefix: 'avatars/' }];

	beforeAll(async () => {
		[source, target] = await Promise.all([createTestApp(), createTestApp()]);
		await fill(source.database.db);
		await source.database.db.update(user).set({ image: 'amina.png' }).where(eq(user.id, 'u-amina'));
		await sourceFiles.put('avatars/amina.png', new Uint8Array([137, 80, 78, 71]));
		await sourceFiles.put('cv/0123456789abcdef0123456789abcdef.pdf', new TextEncoder().encode('%PDF-1.7 CV'));
	});
	afterAll(async () => {
		await Promise.all([source?.close(), target?.close()]);
	});

	it('carries every stored file, and a restore elsewhere gives them back', async () => {
		const file = path.join(workDir, 'with-files.json.gz');
		const { header } = await backupDatabase(source.database, file, sourceFiles);
		expect(header.files).toBe(2);
		const summary = await restoreDatabase(target.database, file, { files: targetFiles, references });
		expect(summary).toMatchObject({ files: 2, missingFiles: [] });
		expect(await targetFiles.get('avatars/amina.png')).toEqual(new Uint8Array([137, 80, 78, 71]));
		expect(new TextDecoder().decode((await targetFiles.get('cv/0123456789abcdef0123456789abcdef.pdf'))!)).toBe('%PDF-1.7 CV');
	});

	it('refuses, changing nothing, a backup whose data refers to a file it does not hold', async () => {
		const file = path.join(workDir, 'without-the-avatar.json.gz');
		const partial = localFileStore(path.join(workDir, 'files-partial'));
		await partial.put('cv/other.pdf', new Uint8Array([1]));
		await backupDatabase(source.database, file, partial);
		const emptyStore = localFileStore(path.join(workDir, 'files-empty'));
		await target.database.db.insert(user).values({ id: 'u-kept', name: 'Kept', email: 'kept@example.ma' });
		await expect(restoreDatabase(target.database, file, { files: emptyStore, references })).rejects.toThrow(/refers to files the backup does not hold: avatars\/amina.png/);
		expect(await target.database.db.select().from(user).where(eq(user.id, 'u-kept'))).toHaveLength(1);
	});

	it('still reads a version 1 backup (no files) and names the referenced files that are missing', async () => {
		const file = path.join(workDir, 'version-1.json.gz');
		await backupDatabase(source.database, file);
		const text = zlib
			.gunzipSync(fs.readFileSync(file))
			.toString('utf8')
			.replace('"formatVersion":2', '"formatVersion":1')
			.replace(/,"files":0\}/, '}')
			.replace('],"files":[\n]}', ']}');
		fs.writeFileSync(file, zlib.gzipSync(text));
		const summary = await restoreDatabase(target.database, file, { files: localFileStore(path.join(workDir, 'files-v1')), references });
		expect(summary).toMatchObject({ files: 0, missingFiles: ['avatars/amina.png'] });
	});
});

