import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor } from '../testing/people.ts';
import { user, organisation, organisationMember } from './accounts.table.ts';
import type { Role } from './accounts.model.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { listUsers, getUser, setUserRole, setUserRoleByEmail } from './user.service.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import type { Actor } from '../policy/policy.ts';
import { AppError } from '../http/app-error.ts';

let app: TestApp;

const webContext = (actorUserId: string, actorLabel: string): AuditContext => ({
	actorUserId,
	actorLabel,
	channel: 'web',
	requestId: 'req-test',
	ip: '127.0.0.1'
});
const actorFor = (userId: string, role: Role): Actor => ({ userId, role, organisationIds: [] });

async function expectAppError(promise: Promise<unknown>, code: string, reason?: string) {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).code).toBe(code);
	if (reason) expect((error as AppError).extra?.reason).toBe(reason);
}

let admin: { id: string; email: string; name: string };
let fatima: { id: string; email: string; name: string };
let pierre: { id: string; email: string; name: string };

beforeAll(async () => {
	app = await createTestApp();
	admin = (await aPerson(app.database.db, { name: 'Amina Admin', email: 'amina@example.ma', role: 'administrator' })).user;
	fatima = (await aPerson(app.database.db, { name: 'Fatima Zahra Benali', email: 'fatima@example.ma', role: 'member', locale: 'ar' })).user;
	pierre = (await aPerson(app.database.db, { name: 'Pierre Dupré', email: 'pierre.partner@expertise.example', role: 'partner', locale: 'en' })).user;
	await aPerson(app.database.db, { name: 'Youssef Mod', email: 'youssef@example.ma', role: 'moderator' });
	await aPerson(app.database.db, { name: 'Percent 100% Person', email: 'odd_name@example.ma' });
	const [org] = await app.database.db
		.insert(organisation)
		.values({ slug: 'expertise-france', name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR' })
		.returning();
	await app.database.db.insert(organisationMember).values({ organisationId: org.id, userId: pierre.id });
});

afterAll(async () => {
	await app?.close();
});

describe('listing people', () => {
	it('finds people by part of the name or e-mail, ignoring case and accents', async () => {
		const byName = await listUsers(app.database.db, { q: 'dupre', page: 1, pageSize: 20 });
		expect(byName.items.map((p) => p.email)).toEqual(['pierre.partner@expertise.example']);
		expect(byName.items[0].organisations.map((o) => o.acronym)).toEqual(['EF']);

		const byEmail = await listUsers(app.database.db, { q: 'FATIMA@', page: 1, pageSize: 20 });
		expect(byEmail.total).toBe(1);
		expect(byEmail.items[0].name).toBe('Fatima Zahra Benali');
	});

	it('treats % and _ typed in the search as plain characters', async () => {
		const percent = await listUsers(app.database.db, { q: '100%', page: 1, pageSize: 20 });
		expect(percent.items.map((p) => p.name)).toEqual(['Percent 100% Person']);
		// as a wildcard, o_d would match "odd_name"
		const underscore = await listUsers(app.database.db, { q: 'o_d', page: 1, pageSize: 20 });
		expect(underscore.total).toBe(0);
	});

	it('filters by role and pages through the results in name order', async () => {
		const moderators = await listUsers(app.database.db, { role: 'moderator', page: 1, pageSize: 20 });
		expect(moderators.items.map((p) => p.name)).toEqual(['Youssef Mod']);

		const first = await listUsers(app.database.db, { page: 1, pageSize: 2 });
		const second = await listUsers(app.database.db, { page: 2, pageSize: 2 });
		const third = await listUsers(app.database.db, { page: 3, pageSize: 2 });
		expect(first.total).toBe(5);
		expect(first.items.map((p) => p.name)).toEqual(['Amina Admin', 'Fatima Zahra Benali']);
		expect(second.items.map((p) => p.name)).toEqual(['Percent 100% Person', 'Pierre Dupré']);
		expect(third.items.map((p) => p.name)).toEqual(['Youssef Mod']);
	});

	it('gets one person, or not_found', async () => {
		expect((await getUser(app.database.db, fatima.id)).email).toBe('fatima@example.ma');
		await expectAppError(getUser(app.database.db, 'no-such-id'), 'not_found');
	});
});

describe('changing a role', () => {
	it('changes the role, records who did it with before/after, and e-mails the person in their language', async () => {
		const before = (await app.outbox()).length;
		const result = await setUserRole(
			contextFor(app.database.db, actorFor(admin.id, 'administrator'), { audit: webContext(admin.id, admin.email), mailer: app.mailer }),
			fatima.id,
			'counsellor'
		);
		expect(result).toMatchObject({ changed: true, previousRole: 'member', notified: true, user: { role: 'counsellor' } });

		const [stored] = await app.database.db.select().from(user).where(eq(user.id, fatima.id));
		expect(stored.role).toBe('counsellor');

		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, fatima.id));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			action: 'user.set_role',
			resourceType: 'user',
			actorUserId: admin.id,
			actorLabel: admin.email,
			channel: 'web',
			requestId: 'req-test',
			before: { role: 'member' },
			after: { role: 'counsellor' }
		});

		const mails = (await app.outbox()).slice(before);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('To: fatima@example.ma');
		expect(mails[0]).toContain('Content-Language: ar');
	});

	it('does nothing (no event, no e-mail) when the person already has the role', async () => {
		const mails = (await app.outbox()).length;
		const eventsBefore = await app.database.db.$count(auditEvent);
		const result = await setUserRole(
			contextFor(app.database.db, actorFor(admin.id, 'administrator'), { audit: webContext(admin.id, admin.email), mailer: app.mailer }),
			pierre.id,
			'partner'
		);
		expect(result.changed).toBe(false);
		expect(await app.database.db.$count(auditEvent)).toBe(eventsBefore);
		expect((await app.outbox()).length).toBe(mails);
	});

	it('refuses anyone who may not manage people, and changes nothing', async () => {
		await expectAppError(
			setUserRole(contextFor(app.database.db, actorFor(pierre.id, 'moderator'), { audit: webContext(pierre.id, pierre.email) }), pierre.id, 'administrator'),
			'forbidden'
		);
		await expectAppError(setUserRole(contextFor(app.database.db, null, { audit: webContext(pierre.id, pierre.email) }), pierre.id, 'administrator'), 'unauthenticated');
		const [stored] = await app.database.db.select().from(user).where(eq(user.id, pierre.id));
		expect(stored.role).toBe('partner');
	});

	it('answers not_found for an unknown person and invalid_input for an unknown role', async () => {
		const actor = actorFor(admin.id, 'administrator');
		await expectAppError(setUserRole(contextFor(app.database.db, actor, { audit: webContext(admin.id, admin.email) }), 'nobody', 'member'), 'not_found');
		await expectAppError(
			setUserRole(contextFor(app.database.db, actor, { audit: webContext(admin.id, admin.email) }), pierre.id, 'superuser' as Role),
			'invalid_input'
		);
	});

	it('keeps the last administrator: they cannot give up their own role', async () => {
		const actor = actorFor(admin.id, 'administrator');
		await expectAppError(
			setUserRole(contextFor(app.database.db, actor, { audit: webContext(admin.id, admin.email) }), admin.id, 'member'),
			'conflict',
			'last_administrator'
		);
		const [stored] = await app.database.db.select().from(user).where(eq(user.id, admin.id));
		expect(stored.role).toBe('administrator');
	});

	it('lets an administrator step down once there is another administrator', async () => {
		const actor = actorFor(admin.id, 'administrator');
		const context = webContext(admin.id, admin.email);
		await setUserRole(contextFor(app.database.db, actor, { audit: context }), pierre.id, 'administrator');
		const result = await setUserRole(contextFor(app.database.db, actor, { audit: context }), admin.id, 'moderator');
		expect(result).toMatchObject({ changed: true, previousRole: 'administrator' });
		// now Pierre is the only administrator left
		await expectAppError(
			setUserRole(contextFor(app.database.db, actorFor(pierre.id, 'administrator'), { audit: webContext(pierre.id, pierre.email) }), pierre.id, 'member'),
			'conflict',
			'last_administrator'
		);
	});
});

describe('changing a role from the command line', () => {
	it('finds the person by e-mail (any case), records the CLI as the channel', async () => {
		const result = await setUserRoleByEmail(
			app.database.db,
			{ actorUserId: null, actorLabel: 'cli', channel: 'cli' },
			'  YOUSSEF@example.ma ',
			'administrator',
			{ mailer: app.mailer }
		);
		expect(result).toMatchObject({ changed: true, previousRole: 'moderator', user: { email: 'youssef@example.ma', role: 'administrator' } });
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, result.user.id));
		expect(events.at(-1)).toMatchObject({ channel: 'cli', actorUserId: null, action: 'user.set_role' });
		expect((await app.outbox()).at(-1)).toContain('To: youssef@example.ma');
	});

	it('answers not_found for an unknown address', async () => {
		await expectAppError(
			setUserRoleByEmail(app.database.db, { actorUserId: null, actorLabel: 'cli', channel: 'cli' }, 'ghost@example.ma', 'member'),
			'not_found'
		);
	});
});
