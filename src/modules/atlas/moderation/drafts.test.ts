import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { readProposalForm } from './proposal-organisations.ts';
import { deleteDraft, getDraft, listDrafts } from './drafts.ts';

let app: TestApp;
let partner: Actor;
let otherPartner: Actor;
let member: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	partner = (await aPerson(app.database.db, { role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	otherPartner = (await aPerson(app.database.db, { role: 'partner', organisationSlugs: ['giz'] })).actor;
	member = (await aPerson(app.database.db, { role: 'member' })).actor;
});
afterAll(async () => app?.close());

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
};

describe('drafts of proposals', () => {
	it('keep an unfinished form as typed, for its author only, and are saved over when saved again', async () => {
		// no source, no status: not a valid proposal yet, and nothing goes to the moderators
		const saved = await readProposalForm(contextFor(app.database.db, partner), form({ title_fr: 'Caravane de l’emploi', 'organisations.0.organisation': 'GIZ', saveDraft: '1' }), '/atlas/initiatives/new');
		const reply = saved.answer && !('status' in saved.answer) ? saved.answer : null;
		expect(reply?.draftSaved).toBe(true);
		const draftId = String(reply?.values.draft);
		expect(await listDrafts(contextFor(app.database.db, partner))).toEqual([expect.objectContaining({ id: draftId, title: 'Caravane de l’emploi', resumePath: '/atlas/initiatives/new' })]);
		expect((await getDraft(contextFor(app.database.db, partner), draftId)).values).toMatchObject({ title_fr: 'Caravane de l’emploi', 'organisations.0.organisation': 'GIZ' });
		expect((await getDraft(contextFor(app.database.db, partner), draftId)).values).not.toHaveProperty('saveDraft');

		await expect(getDraft(contextFor(app.database.db, otherPartner), draftId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(listDrafts(contextFor(app.database.db, member))).rejects.toMatchObject({ code: 'forbidden' });

		await readProposalForm(contextFor(app.database.db, partner), form({ title_fr: 'Caravane de l’emploi des jeunes', draft: draftId, saveDraft: '1' }), '/atlas/initiatives/new');
		expect(await listDrafts(contextFor(app.database.db, partner))).toEqual([expect.objectContaining({ id: draftId, title: 'Caravane de l’emploi des jeunes' })]);
		// the trail says drafts were saved, not what they hold
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'atlas_draft.save'));
		expect(trail).toHaveLength(2);
		expect(JSON.stringify(trail)).not.toContain('Caravane');
	});

	it('go once the proposal is sent (the form carries the draft), and nobody else removes them', async () => {
		const saved = await readProposalForm(contextFor(app.database.db, partner), form({ title_fr: 'Maisons de la diaspora', saveDraft: '1' }), '/atlas/initiatives/new');
		const draftId = String(saved.answer && !('status' in saved.answer) ? saved.answer.values.draft : '');
		const sent = await readProposalForm(contextFor(app.database.db, partner), form({ title_fr: 'Maisons de la diaspora', status: 'ongoing', 'sources.0.citation': 'Rapport', draft: draftId }), '/atlas/initiatives/new');
		expect(sent.answer === null && sent.draftId).toBe(draftId);
		await deleteDraft(contextFor(app.database.db, otherPartner), draftId);
		expect((await listDrafts(contextFor(app.database.db, partner))).map((draft) => draft.id)).toContain(draftId);
		await deleteDraft(contextFor(app.database.db, partner), draftId);
		expect((await listDrafts(contextFor(app.database.db, partner))).map((draft) => draft.id)).not.toContain(draftId);
	});
});
