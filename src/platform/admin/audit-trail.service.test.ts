import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { user } from '../accounts/accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { AuditEventQuery } from './admin.schemas.ts';
import { searchAuditTrail, startOfDay, auditEventJson } from './audit-trail.service.ts';
import { AppError } from '../http/app-error.ts';

let app: TestApp;
const search = (query: Record<string, string>) => searchAuditTrail(app.database.db, AuditEventQuery.parse(query));
const actions = (result: Awaited<ReturnType<typeof search>>) => result.items.map((event) => event.action);

beforeAll(async () => {
	app = await createTestApp();
	await app.database.db.insert(user).values([
		{ id: 'u-admin', name: 'Amina', email: 'Amina@Example.ma', role: 'administrator' },
		{ id: 'u-mod', name: 'Youssef', email: 'youssef@example.ma', role: 'moderator' }
	]);
	const event = (action: string, occurredAt: string, extra: Partial<typeof auditEvent.$inferInsert> = {}) => ({
		action,
		occurredAt: new Date(occurredAt),
		channel: 'web',
		resourceType: 'organisation',
		resourceId: 'org-1',
		actorUserId: 'u-admin',
		actorLabel: 'amina@example.ma',
		...extra
	});
	await app.database.db.insert(auditEvent).values([
		// 2026-05-01 00:30 in Casablanca (UTC+1) is still 2026-04-30 in UTC
		event('organisation.create', '2026-04-30T23:30:00Z', { after: { name: 'GIZ' } }),
		event('organisation.update', '2026-05-01T12:00:00Z', { before: { website: null }, after: { website: 'https://www.giz.de' } }),
		event('user.set_role', '2026-05-02T22:59:00Z', { resourceType: 'user', resourceId: 'u-mod', actorUserId: 'u-mod', actorLabel: 'youssef@example.ma' }),
		event('user.set_role', '2026-05-03T08:00:00Z', { resourceType: 'user', resourceId: 'u-admin', actorUserId: null, actorLabel: 'cli', channel: 'cli' }),
		// an account deleted since: only its label is left
		event('organisation.add_member', '2026-05-04T09:00:00Z', { actorUserId: 'u-gone', actorLabel: 'gone@example.ma', channel: 'api' })
	]);
});

afterAll(async () => {
	await app?.close();
});

describe('the audit trail', () => {
	it('lists every event, newest first, with the total', async () => {
		const all = await search({});
		expect(all.total).toBe(5);
		expect(actions(all)).toEqual([
			'organisation.add_member',
			'user.set_role',
			'user.set_role',
			'organisation.update',
			'organisation.create'
		]);
	});

	it('filters by actor id, or by e-mail (any case), including accounts that no longer exist', async () => {
		expect((await search({ actor: 'u-mod' })).total).toBe(1);
		expect((await search({ actor: 'AMINA@example.MA' })).total).toBe(2);
		expect(actions(await search({ actor: 'gone@example.ma' }))).toEqual(['organisation.add_member']);
		expect((await search({ actor: 'nobody@example.ma' })).total).toBe(0);
	});

	it('filters by resource type, resource id and action', async () => {
		expect((await search({ resourceType: 'user' })).total).toBe(2);
		expect((await search({ resourceType: 'user', resourceId: 'u-admin' })).items[0].channel).toBe('cli');
		expect((await search({ action: 'organisation.update' })).items[0].after).toEqual({ website: 'https://www.giz.de' });
		expect((await search({ action: 'no.such' })).total).toBe(0);
	});

	it('takes days in Casablanca time, the "to" day included', async () => {
		expect(startOfDay('2026-05-01').toISOString()).toBe('2026-04-30T23:00:00.000Z');
		// Morocco goes back to UTC+0 during Ramadan
		expect(startOfDay('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
		expect(actions(await search({ from: '2026-05-01', to: '2026-05-01' }))).toEqual(['organisation.update', 'organisation.create']);
		expect(actions(await search({ to: '2026-05-02' }))).toEqual(['user.set_role', 'organisation.update', 'organisation.create']);
		expect(actions(await search({ from: '2026-05-03' }))).toEqual(['organisation.add_member', 'user.set_role']);
		expect((await search({ from: '2026-05-01T12:00:00Z', to: '2026-05-03T08:00:00Z' })).total).toBe(3);
	});

	it('refuses a period that ends before it starts', async () => {
		const error = await search({ from: '2026-05-05', to: '2026-05-01' }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).fields.map((field) => field.path)).toEqual(['to']);
	});

	it('pages through the results', async () => {
		const second = await search({ page: '2', pageSize: '2' });
		expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
		expect(actions(second)).toEqual(['user.set_role', 'organisation.update']);
	});

	it('gives events in the API shape, with ISO times', async () => {
		const [latest] = (await search({})).items;
		expect(auditEventJson(latest)).toMatchObject({ occurredAt: '2026-05-04T09:00:00.000Z', channel: 'api', before: null });
	});
});

describe('the audit query', () => {
	it('refuses page sizes above 200, bad dates and bad pages, with the field paths', () => {
		const result = AuditEventQuery.safeParse({ pageSize: '500', from: '2026-13-45', page: 'x' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['from', 'page', 'pageSize']);
	});

	it('treats empty form fields as absent', () => {
		expect(AuditEventQuery.parse({ actor: '', from: '', page: '' })).toEqual({ page: 1, pageSize: 50 });
	});
});
