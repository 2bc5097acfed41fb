import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { loadActor } from '../../../platform/accounts/actor.ts';
import { can } from '../../../platform/policy/policy.ts';
import { listProposals } from './moderation.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(() => app.close());

it('a person given the Atlas moderator role moderates the Atlas, and nothing more', async () => {
	const [person] = await app.database.db.insert(user).values({ id: crypto.randomUUID(), name: 'Leila', email: 'leila@grant.test', role: 'member' }).returning();
	const before = await loadActor(app.database.db, person.id, person.role);
	await expect(listProposals(contextFor(app.database.db, before))).rejects.toMatchObject({ code: 'forbidden' });

	await app.database.db.insert(accessGrant).values({ userId: person.id, module: 'atlas', role: 'moderator' });
	const after = await loadActor(app.database.db, person.id, person.role);
	await expect(listProposals(contextFor(app.database.db, after))).resolves.toMatchObject({ total: 0 });
	expect(can(after, 'atlas.rates.edit')).toBe(true);
	expect(can(after, 'support.rights.edit')).toBe(false);
	expect(can(after, 'organisation.manage')).toBe(false);
});
