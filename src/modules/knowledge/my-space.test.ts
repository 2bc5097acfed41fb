import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { proposeNew } from '../../platform/moderation/moderation.service.ts';
import { documentProposals } from './document.service.ts';
import { knowledgeSpace } from './my-space.ts';
import { addQuestion, answerAsMember, createSurvey } from './surveys/survey.service.ts';
import { createIssue } from './newsletters/newsletter.service.ts';
import { saveMyResearcherProfile } from './research/research.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => app?.close());

describe('my space in Knowledge', () => {
	it('leads a partner to the propose page and their proposals, an editor to the queue with what waits, a member nowhere', async () => {
		const db = app.database.db;
		const partner = await aPerson(db, { role: 'partner' });
		const editor = await aPerson(db, { role: 'moderator' });
		const member = await aPerson(db, { role: 'member' });
		await proposeNew(contextFor(db, partner), documentProposals, { title: { fr: 'Étude proposée' }, type: 'study', externalUrl: 'https://example.org/etude' });

		// the propose page, and their proposals with the one waiting
		const partnerLinks = await knowledgeSpace(contextFor(db, partner));
		expect(partnerLinks.map((link) => link.path)).toEqual(['/knowledge/propose', '/knowledge/proposals']);
		expect(partnerLinks[1].waiting?.count).toBe(1);
		// another partner, who sent nothing, has no list of proposals
		expect((await knowledgeSpace(contextFor(db, (await aPerson(db, { role: 'partner' })).actor))).map((link) => link.path)).toEqual(['/knowledge/propose']);
		const editorLinks = await knowledgeSpace(contextFor(db, editor));
		expect(editorLinks.find((link) => link.path === '/knowledge/moderation')?.waiting?.count).toBe(1);
		expect(await knowledgeSpace(contextFor(db, member))).toEqual([]);
	});

	it('gives the surveys’ and newsletter’s editors their places, a member the surveys to answer until they answer, a researcher their profile', async () => {
		const db = app.database.db;
		const editor = await aPerson(db, { role: 'moderator' });
		const member = await aPerson(db, { role: 'member' });
		await createSurvey(contextFor(db, editor), { title: { fr: 'Avis des membres' }, status: 'published', publicLink: 'on', anonymous: 'on' });
		const question = await addQuestion(contextFor(db, editor), 'avis-des-membres', { kind: 'single', label: { fr: 'Utile ?' }, options: [{ fr: 'Oui' }, { fr: 'Non' }] });
		await createIssue(contextFor(db, editor), { title: { fr: 'Brouillon' } });

		const editorLinks = await knowledgeSpace(contextFor(db, editor));
		expect(editorLinks.find((link) => link.path === '/knowledge/surveys' && link.titleKey === 'surveys.space_edit')?.waiting?.count).toBe(1);
		expect(editorLinks.find((link) => link.path === '/knowledge/newsletters')?.waiting?.count).toBe(1);

		expect((await knowledgeSpace(contextFor(db, member))).find((link) => link.titleKey === 'surveys.space_answer')?.waiting?.count).toBe(1);
		await answerAsMember(contextFor(db, member), 'avis-des-membres', { [`q_${question.id}`]: 'o1' });
		expect((await knowledgeSpace(contextFor(db, member))).find((link) => link.titleKey === 'surveys.space_answer')).toBeUndefined();

		await saveMyResearcherProfile(contextFor(db, member), { name: 'Membre chercheur' });
		expect((await knowledgeSpace(contextFor(db, member))).map((link) => link.path)).toContain('/knowledge/research/profile');
	});
});
