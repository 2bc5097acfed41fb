import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { recordAudit, listAuditEvents, recordPersonalDataRead, type AuditContext } from './audit.service.ts';
import { auditEvent } from './audit-event.table.ts';
import { organisation } from '../accounts/accounts.table.ts';

let app: TestApp;
const admin: AuditContext = { actorUserId: 'u-admin', actorLabel: 'admin@x.ma', channel: 'web', requestId: 'r1', ip: '127.0.0.1' };
const partner: AuditContext = { actorUserId: 'u-partner', actorLabel: 'p@x.ma', channel: 'api', requestId: 'r2', ip: '127.0.0.2' };

beforeAll(async () => {
	app = await createTestApp();
	const db = app.database.db;
	await recordAudit(db, admin, { action: 'user.set_role', resourceType: 'user', resourceId: 'u1', before: { role: 'member' }, after: { role: 'moderator' } });
	await recordAudit(db, partner, { action: 'organisation.update', resourceType: 'organisation', resourceId: 'o1', after: { name: 'جمعية الهجرة' } });
	await recordAudit(db, admin, { action: 'organisation.create', resourceType: 'organisation', resourceId: 'o2' });
});
afterAll(() => app.close());

describe('audit trail', () => {
	it('keeps who, what, on which resource, before and after', async () => {
		const { total, items } = await listAuditEvents(app.database.db, { resourceId: 'u1', page: 1, pageSize: 10 });
		expect(total).toBe(1);
		expect(items[0]).toMatchObject({
			actorUserId: 'u-admin',
			channel: 'web',
			action: 'user.set_role',
			before: { role: 'member' },
			after: { role: 'moderator' },
			requestId: 'r1',
			ip: '127.0.0.1'
		});
	});

	it('filters by actor, action and resource type, newest first', async () => {
		const byActor = await listAuditEvents(app.database.db, { actorUserId: 'u-admin', page: 1, pageSize: 10 });
		expect(byActor.items.map((event) => event.action)).toEqual(['organisation.create', 'user.set_role']);
		const byType = await listAuditEvents(app.database.db, { resourceType: 'organisation', page: 1, pageSize: 10 });
		expect(byType.total).toBe(2);
		const future = await listAuditEvents(app.database.db, { from: new Date(Date.now() + 60_000), page: 1, pageSize: 10 });
		expect(future.total).toBe(0);
	});

	it('refuses any change or deletion of an event, even through the database', async () => {
		const db = app.database.db;
		await expect(db.update(auditEvent).set({ action: 'forged' })).rejects.toThrow();
		await expect(db.delete(auditEvent)).rejects.toThrow();
		const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvent);
		expect(count).toBe(3);
	});

	it('lands with the change in one transaction, or not at all', async () => {
		const db = app.database.db;
		await expect(
			db.transaction(async (tx) => {
				await tx.insert(organisation).values({ slug: 'rolled-back', name: 'Rolled back', type: 'ngo' });
				await recordAudit(tx, admin, { action: 'organisation.create', resourceType: 'organisation', resourceId: 'rolled-back' });
				throw new Error('failure after the audit event');
			})
		).rejects.toThrow('failure after the audit event');
		expect(await db.select().from(organisation).where(eq(organisation.slug, 'rolled-back'))).toEqual([]);
		expect((await listAuditEvents(db, { resourceId: 'rolled-back', page: 1, pageSize: 10 })).total).toBe(0);
	});

	it('records which people staff saw, and nothing when they saw nobody', async () => {
		const db = app.database.db;
		await recordPersonalDataRead(db, admin, { resourceType: 'user', ids: ['p1', 'p2'], view: 'admin.users' });
		await recordPersonalDataRead(db, admin, { resourceType: 'user', ids: [], view: 'admin.users' });
		const { items } = await listAuditEvents(db, { action: 'personal_data.read', page: 1, pageSize: 10 });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ actorUserId: 'u-admin', resourceType: 'user', after: { view: 'admin.users', ids: ['p1', 'p2'] } });
	});
});
