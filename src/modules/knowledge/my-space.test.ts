import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { proposeNew } from '../../platform/moderation/moderation.service.ts';
import { documentProposals } from './document.service.ts';
import { knowledgeSpace } from './my-space.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => app?.close());

describe('my space in Knowledge', () => {
	it('leads a partner to the propose page, an editor to the queue with what waits, a member nowhere', async () => {
		const db = app.database.db;
		const partner = await aPerson(db, { role: 'partner' });
		const editor = await aPerson(db, { role: 'moderator' });
		const member = await aPerson(db, { role: 'member' });
		await proposeNew(contextFor(db, partner), documentProposals, { title: { fr: 'Étude proposée' }, type: 'study', externalUrl: 'https://example.org/etude' });

		expect((await knowledgeSpace(contextFor(db, partner))).map((link) => link.path)).toEqual(['/knowledge/propose']);
		const editorLinks = await knowledgeSpace(contextFor(db, editor));
		expect(editorLinks.find((link) => link.path === '/knowledge/moderation')?.waiting?.count).toBe(1);
		expect(await knowledgeSpace(contextFor(db, member))).toEqual([]);
	});
});
