import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { organisation, user } from './accounts.table.ts';
import type { Role } from './accounts.model.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { systemContext } from '../audit/audit.service.ts';
import { loadActor } from './actor.ts';
import { grantableRoles, grantRole, listGrants, revokeGrant, scopeChoices } from './grant.service.ts';
import { createContext } from '../kernel/context.ts';
import { installModules, installedModules } from '../kernel/modules.ts';
import { defineModule } from '../kernel/manifest.ts';
import { can, mayReach, type Action, type Actor } from '../policy/policy.ts';

// A module of this test only, declaring roles limited to an organisation and to a scope.
const probeModule = defineModule({
	slug: 'probe',
	actions: { 'probe.edit': ['administrator'], 'probe.review': ['administrator'] },
	grantRoles: {
		editor: { titleKey: 'probe.editor', actions: ['probe.edit'], limit: 'organisation' },
		reviewer: { titleKey: 'probe.reviewer', actions: ['probe.review'], limit: 'scope' },
		// a role limited to a scope its module lists (agencies): picked by name, any other value refused
		agent: {
			titleKey: 'probe.agent',
			actions: ['probe.review'],
			limit: 'scope',
			scopes: async (_db, language) => [
				{ value: 'agency-7', label: language === 'ar' ? 'وكالة 7' : 'Agence 7' },
				{ value: 'agency-8', label: 'Agence 8' }
			]
		},
		chief: { titleKey: 'probe.chief', actions: ['probe.edit', 'probe.review'] }
	}
});

// this test's actions are not among the app's typed ones
const probeEdit = 'probe.edit' as Action;
const probeReview = 'probe.review' as Action;

let app: TestApp;
let adminId: string;
let personId: string;
let organisationId: string;
beforeAll(async () => {
	installModules([...installedModules(), probeModule]);
	app = await createTestApp();
	const people = await app.database.db
		.insert(user)
		.values([
			{ id: crypto.randomUUID(), name: 'Admin', email: 'admin@grants.test', role: 'administrator' as Role },
			{ id: crypto.randomUUID(), name: 'Nadia', email: 'nadia@grants.test', role: 'member' as Role }
		])
		.returning();
	[adminId, personId] = people.map((row) => row.id);
	[{ id: organisationId }] = await app.database.db.insert(organisation).values({ slug: 'probe-org', name: 'Probe', type: 'ngo', country: 'MA' }).returning();
});
afterAll(() => app.close());

const ctxOf = async (userId: string) =>
	createContext({ db: app.database.db, actor: await loadActor(app.database.db, userId, userId === adminId ? 'administrator' : 'member'), audit: { ...systemContext(), actorUserId: userId, channel: 'web' } });
const person = (grants: Actor['grants']): Actor => ({ userId: 'p', role: 'member', organisationIds: [], grants });

describe('grants', () => {
	it('an unlimited role in one module gives its actions everywhere in that module, nothing else', () => {
		const chief = person([{ module: 'probe', role: 'chief', organisationId: null, scope: null }]);
		expect(can(chief, probeEdit)).toBe(true);
		expect(can(chief, probeReview, { organisationId: 'any' })).toBe(true);
		expect(can(chief, 'user.manage')).toBe(false);
		expect(can(person([]), probeEdit)).toBe(false);
	});

	it('a role limited to an organisation or a scope answers only for resources of it; routes are reachable', () => {
		const editor = person([{ module: 'probe', role: 'editor', organisationId: 'org-a', scope: null }]);
		expect(can(editor, probeEdit, { organisationId: 'org-a' })).toBe(true);
		expect(can(editor, probeEdit, { organisationId: 'org-b' })).toBe(false);
		expect(can(editor, probeEdit)).toBe(false); // no resource: not a power over every organisation
		expect(mayReach(editor, probeEdit)).toBe(true); // the page opens; its service checks the resource
		expect(mayReach(editor, probeReview)).toBe(false);
		const reviewer = person([{ module: 'probe', role: 'reviewer', organisationId: null, scope: 'agency-7' }]);
		expect(can(reviewer, probeReview, { scope: 'agency-7' })).toBe(true);
		expect(can(reviewer, probeReview, { scope: 'agency-8' })).toBe(false);
		// a grant of a role no module declares any more gives nothing
		expect(can(person([{ module: 'gone', role: 'chief', organisationId: null, scope: null }]), probeEdit)).toBe(false);
	});

	it('administrators give and take back roles, as the role allows, in the audit trail', async () => {
		const ctx = await ctxOf(adminId);
		await expect(grantRole(ctx, personId, { role: 'probe:nothing' })).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(grantRole(ctx, personId, { role: 'probe:editor' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'organisationId' }] });
		await expect(grantRole(ctx, personId, { role: 'probe:chief', organisationId })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'organisationId' }] });
		const editor = await grantRole(ctx, personId, { role: 'probe:editor', organisationId });
		expect(editor).toMatchObject({ key: 'probe:editor', organisation: { id: organisationId, name: 'Probe' } });
		await expect(grantRole(ctx, personId, { role: 'probe:editor', organisationId })).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'grant_exists' } });
		const chief = await grantRole(ctx, personId, { role: 'probe:chief' });

		const loaded = await loadActor(app.database.db, personId, 'member');
		expect(can(loaded, probeEdit, { organisationId })).toBe(true);
		expect(can(loaded, probeReview)).toBe(true);

		await revokeGrant(ctx, personId, chief.id);
		expect((await listGrants(ctx, personId)).map((grant) => grant.key)).toEqual(['probe:editor']);
		await expect(revokeGrant(ctx, personId, chief.id)).rejects.toMatchObject({ code: 'not_found' });
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, personId)).orderBy(auditEvent.id);
		expect(events.map((event) => event.action)).toEqual(['grant.create', 'grant.create', 'grant.delete']);
		expect(events[0].actorUserId).toBe(adminId);
	});

	it('a role whose module lists its scopes is given for one of them only, and shows its name', async () => {
		const ctx = await ctxOf(adminId);
		expect(grantableRoles().find((role) => role.key === 'probe:agent')).toMatchObject({ limit: 'scope', scopePicker: true });
		expect(grantableRoles().find((role) => role.key === 'probe:reviewer')).toMatchObject({ limit: 'scope', scopePicker: false });
		expect((await scopeChoices(ctx))['probe:agent']).toEqual([
			{ value: 'agency-7', label: 'Agence 7' },
			{ value: 'agency-8', label: 'Agence 8' }
		]);
		await expect(grantRole(ctx, personId, { role: 'probe:agent' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'scope', messageKey: 'field_required' }] });
		await expect(grantRole(ctx, personId, { role: 'probe:agent', scope: 'agency-9' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'scope', messageKey: 'field_choice' }] });
		expect((await listGrants(ctx, personId)).some((grant) => grant.key === 'probe:agent')).toBe(false);
		const given = await grantRole(ctx, personId, { role: 'probe:agent', scope: 'agency-7' });
		expect(given).toMatchObject({ key: 'probe:agent', scope: 'agency-7', scopeLabel: 'Agence 7' });
		const loaded = await loadActor(app.database.db, personId, 'member');
		expect(can(loaded, probeReview, { scope: 'agency-7' })).toBe(true);
		expect(can(loaded, probeReview, { scope: 'agency-8' })).toBe(false);
		// a role without listed scopes keeps its value as given (its module's own pages give it)
		const reviewer = await grantRole(ctx, personId, { role: 'probe:reviewer', scope: 'anything' });
		expect(reviewer).toMatchObject({ scope: 'anything', scopeLabel: null });
		await revokeGrant(ctx, personId, given.id);
		await revokeGrant(ctx, personId, reviewer.id);
	});

	it('people who are not administrators cannot give roles, even to themselves', async () => {
		const ctx = await ctxOf(personId);
		await expect(grantRole(ctx, personId, { role: 'probe:chief' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(listGrants(ctx, personId)).rejects.toMatchObject({ code: 'forbidden' });
	});
});
