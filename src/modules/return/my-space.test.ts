import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { guideTopics } from './return.model.ts';
import { requestMembership } from './network.ts';
import { returnSpace } from './my-space.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => app?.close());

describe('my space in Return', () => {
	it('leads a member to their checklist, a partner to their organisation’s membership, a moderator to the pages to complete and the requests with counts', async () => {
		const db = app.database.db;
		const [org] = await db.insert(organisation).values({ slug: 'assoc-space', name: 'Association espace', type: 'ngo' }).returning();
		const member = await aPerson(db, { role: 'member' });
		const partner = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
		const moderator = await aPerson(db, { role: 'moderator' });
		await requestMembership(contextFor(db, partner), { organisationId: org.id, motivation: 'Nous accompagnons les personnes de retour.' });

		expect((await returnSpace(contextFor(db, member))).map((link) => link.path)).toEqual(['/return/checklist']);
		expect((await returnSpace(contextFor(db, partner))).map((link) => link.path)).toEqual(['/return/checklist', '/return/network/join', '/return/referrals']);
		const staff = await returnSpace(contextFor(db, moderator));
		// every page of the first version still has a part to complete
		expect(staff.find((link) => link.path === '/return/to-complete')?.waiting?.count).toBe(guideTopics.length);
		expect(staff.find((link) => link.path === '/return/network/requests')?.waiting?.count).toBe(1);
		expect(await returnSpace(contextFor(db, null))).toEqual([]);
	});
});
