import { contextFor } from '#platform/testing/people.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { loadActor } from '../../platform/accounts/actor.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { deleteMyAccount, exportMyData } from '../../platform/accounts/personal-data.service.ts';
import { addNote, countNotes, listMyNotes } from './example.service.ts';
import { exampleNote } from './example.table.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(() => app.close());

async function someone(role: 'member' | 'partner', email: string) {
	const [row] = await app.database.db.insert(user).values({ id: crypto.randomUUID(), name: email, email, role }).returning();
	return createContext({ db: app.database.db, actor: await loadActor(app.database.db, row.id, role), audit: { ...systemContext(), actorUserId: row.id, channel: 'web' } });
}

it('a member keeps notes, audited, in their export, gone with their account', async () => {
	const ctx = await someone('member', 'awa@example.test');
	await expect(addNote(ctx, { body: ' ' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'body' }] });
	const note = await addNote(ctx, { body: 'Appeler l’ANAPEC lundi' });
	expect((await listMyNotes(ctx)).map((entry) => entry.body)).toEqual(['Appeler l’ANAPEC lundi']);
	expect(await countNotes(ctx)).toBe(1);
	const [event] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, note.id));
	expect(event.action).toBe('example_note.create');

	const exported = (await exportMyData(contextFor(app.database.db, ctx.actor, { audit: ctx.audit }))) as Record<string, unknown>;
	expect(exported.exampleNotes).toMatchObject([{ body: 'Appeler l’ANAPEC lundi' }]);
	await deleteMyAccount(contextFor(app.database.db, ctx.actor, { audit: ctx.audit }), app);
	expect(await app.database.db.select().from(exampleNote)).toEqual([]);
});

it('a partner keeps notes only once given the module’s role', async () => {
	const ctx = await someone('partner', 'pierre@example.test');
	await expect(addNote(ctx, { body: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
	await app.database.db.insert(accessGrant).values({ userId: ctx.actor!.userId, module: 'example', role: 'keeper' });
	const granted = await someoneAgain(ctx.actor!.userId);
	await expect(addNote(granted, { body: 'Rapport trimestriel' })).resolves.toMatchObject({ body: 'Rapport trimestriel' });
});

async function someoneAgain(userId: string) {
	return createContext({ db: app.database.db, actor: await loadActor(app.database.db, userId, 'partner'), audit: { ...systemContext(), actorUserId: userId, channel: 'web' } });
}
