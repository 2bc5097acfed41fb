import { contextFor } from '#platform/testing/people.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { loadDemoDataIfEmpty } from '../demo/demo.ts';
import { systemContext } from '../audit/audit.service.ts';
import { session, user } from './accounts.table.ts';
import { createApiToken } from './api-token.service.ts';
import { accessGrant } from './access-grant.table.ts';
import { caseDocument } from '../casework/casework.table.ts';
import { asRole, loadActor } from './actor.ts';
import { deleteMyAccount, exportMyData, isStaffRole, personalTables } from './personal-data.service.ts';
import type { Actor } from '../policy/policy.ts';

/**
 * Every table that holds rows about a person is declared (by the platform or a module's manifest), and
 * the declaration is honest: the person's export shows those rows, and closing the account leaves none.
 */
let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
	// demo data has no session, token or module role: the demo member signs in once, makes a token, is given a role
	const [member] = await app.database.db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	await app.database.db.insert(session).values({ id: 'test-session', token: 'test-session-token', userId: member.id, expiresAt: new Date(Date.now() + 86_400_000) });
	await createApiToken(app.database.db, systemContext(), member.id, 'Export test');
	await app.database.db.insert(accessGrant).values({ userId: member.id, module: 'atlas', role: 'moderator' });
	// nor a document in a file (its file is stored by the team that adds it; the row is enough here)
	await app.database.db.insert(caseDocument).values({
		caseload: 'test.caseload',
		teamId: crypto.randomUUID(),
		personUserId: member.id,
		kind: 'identity',
		fileName: 'passeport.pdf',
		mediaType: 'application/pdf',
		bytes: 1000,
		storageKey: 'case-documents/test.pdf',
		addedByLabel: 'Test'
	});
}, 180_000); // the whole demo data, which grows with every module
afterAll(() => app.close());

const declared = () =>
	personalTables().flatMap(({ owner, tables }) =>
		tables.map((entry) => {
			const config = getTableConfig(entry.table);
			return { owner, ...entry, schema: config.schema ?? 'public', name: config.name, column: entry.userColumn.name };
		})
	);

/** The columns whose rows go with a person's account (a foreign key to the account, ON DELETE CASCADE). */
async function cascadingUserColumns(): Promise<string[]> {
	const result = (await app.database.db.execute(sql`
		select kcu.table_schema, kcu.table_name, kcu.column_name
		from information_schema.referential_constraints rc
		join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
		join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.constraint_name and ccu.constraint_schema = rc.constraint_schema
		where ccu.table_name = 'user' and ccu.column_name = 'id' and rc.delete_rule = 'CASCADE'`)) as unknown as {
		rows: { table_schema: string; table_name: string; column_name: string }[];
	};
	return result.rows.map((row) => `${row.table_schema}.${row.table_name}.${row.column_name}`).sort();
}

describe('personal data across modules', () => {
	it('declares every table whose rows go with a person’s account', async () => {
		const known = new Set(declared().map((entry) => `${entry.schema}.${entry.name}.${entry.column}`));
		const missing = (await cascadingUserColumns()).filter((column) => !known.has(column));
		expect(missing, 'tables holding a person’s rows that no manifest declares (personalData.tables)').toEqual([]);
	});

	it('exports, then erases, the rows of every declared table for a person who has some', async () => {
		const db = app.database.db;
		const unchecked: string[] = [];
		const toErase = new Map<string, Actor>();
		for (const entry of declared()) {
			const owners =
				entry.table === user
					? await db.select({ id: user.id, role: user.role }).from(user).limit(50)
					: await db.select({ id: user.id, role: user.role }).from(entry.table).innerJoin(user, eq(user.id, entry.userColumn)).limit(50);
			// staff accounts are closed by an administrator, not by their owner: their rows are checked in the export only
			const person = owners.find((row) => !isStaffRole(row.role)) ?? owners[0];
			if (!person) {
				unchecked.push(`${entry.owner}: ${entry.name}`);
				continue;
			}
			const actor = await loadActor(db, person.id, asRole(person.role));
			const exported = (await exportMyData(contextFor(db, actor, { audit: systemContext() }))) as Record<string, unknown>;
			const part = exported[entry.exportKey];
			expect(JSON.stringify(part ?? null), `${entry.name} → export.${entry.exportKey}`).not.toMatch(/^(\[\]|\{\}|null)$/);
			if (!isStaffRole(person.role)) toErase.set(person.id, actor);
		}
		// the demo data (and this test's own rows) must give each declared table a person, or the check proves nothing for it
		expect(unchecked, 'declared tables with no row to check').toEqual([]);

		for (const [userId, actor] of toErase) {
			await deleteMyAccount(contextFor(db, actor, { audit: systemContext() }), app);
			for (const other of declared()) {
				const [{ left }] = await db.select({ left: sql<number>`count(*)::int` }).from(other.table).where(eq(other.userColumn, userId));
				expect(left, `${other.name} keeps rows of a closed account`).toBe(0);
			}
		}
	}, 120_000);
});
