// The proposers' side of moderation in the library: drafts kept without their file, a document's private
// discussion, and the PDF of a refused proposal removed unless something else still names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { deleteDraft, getDraft, listDiscussion, listDrafts, postToDiscussion, proposeChange, proposeNew, requestChanges, saveDraft } from '../../platform/moderation/moderation.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { documentProposals, normaliseDocument, updateDocument } from './document.service.ts';
import { storeDocumentPdf } from './document-file.ts';
import { forgetRefusedFile, rejectDocumentProposal } from './refused-files.ts';

let app: TestApp;
let partner: Actor;
let otherPartner: Actor;
let editor: Actor;

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
};

const study = (over: Record<string, unknown> = {}) => ({
	title: { fr: 'Étude sur les coopératives de retour à Béni Mellal' },
	type: 'study',
	status: 'published',
	languages: ['fr'],
	...over
});

beforeAll(async () => {
	app = await createTestApp();
	partner = (await aPerson(app.database.db, { email: 'partner@test.ma', role: 'partner' })).actor;
	otherPartner = (await aPerson(app.database.db, { email: 'other@test.ma', role: 'partner' })).actor;
	editor = (await aPerson(app.database.db, { email: 'editor@test.ma', role: 'moderator' })).actor;
});
afterAll(async () => app?.close());

const as = (actor: Actor) => contextFor(app.database.db, actor, { files: app.files });
const deletions = async (proposalId: string) =>
	(await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, proposalId), eq(auditEvent.action, 'knowledge_document_file.delete')))).length;

describe('drafts of a proposal', () => {
	it('keeps the form as typed (never the file), resumed on the propose page by its author alone, then discarded', async () => {
		const id = await saveDraft(as(partner), documentProposals, {
			resumePath: '/knowledge/propose',
			values: { title_fr: '  Guide du retour  ', type: 'guide', themes: ['return_reintegration'], file: 'x.pdf', saveDraft: '1' }
		});
		const draft = await getDraft(as(partner), documentProposals, id);
		expect(draft.values).toEqual({ title_fr: '  Guide du retour  ', type: 'guide', themes: ['return_reintegration'] });
		expect((await listDrafts(as(partner), documentProposals)).map((entry) => [entry.title, entry.resumePath])).toEqual([['Guide du retour', '/knowledge/propose']]);
		// saved again over the same draft; another partner neither sees nor reaches it
		expect(await saveDraft(as(partner), documentProposals, { draftId: id, resumePath: '/knowledge/propose', values: { title_fr: 'Guide du retour, 2e jet' } })).toBe(id);
		expect(await listDrafts(as(otherPartner), documentProposals)).toEqual([]);
		expect(await refusal(getDraft(as(otherPartner), documentProposals, id))).toBe('not_found');
		// another page than the propose page is not a place to resume it
		expect(await refusal(saveDraft(as(partner), documentProposals, { resumePath: '/atlas/initiatives/new', values: {} }))).toBe('invalid_input');
		await deleteDraft(as(partner), documentProposals, id);
		expect(await listDrafts(as(partner), documentProposals)).toEqual([]);
		const trail = await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.resourceId, id));
		expect(trail.map((event) => event.action).sort()).toEqual(['knowledge_draft.delete', 'knowledge_draft.save', 'knowledge_draft.save']);
	});

	it('keeps a draft of a change to a published document, resumed on that document’s change page', async () => {
		const resumePath = '/knowledge/documents/guide-du-retour-2024/propose';
		const id = await saveDraft(as(partner), documentProposals, { resumePath, values: { title_fr: 'Guide du retour (révisé)', baseVersion: '3', file: 'x.pdf' } });
		const draft = await getDraft(as(partner), documentProposals, id);
		expect(draft).toMatchObject({ resumePath, values: { title_fr: 'Guide du retour (révisé)', baseVersion: '3' } });
		expect(draft.values).not.toHaveProperty('file');
		// a path that is not a document's change page is refused
		expect(await refusal(saveDraft(as(partner), documentProposals, { resumePath: '/knowledge/documents/Guide/propose', values: {} }))).toBe('invalid_input');
		expect(await refusal(saveDraft(as(partner), documentProposals, { resumePath: '/knowledge/documents/a/b/propose', values: {} }))).toBe('invalid_input');
		await deleteDraft(as(partner), documentProposals, id);
	});
});

describe('a document’s private discussion', () => {
	it('partners and editors write to it, a member may not read it', async () => {
		const { published } = await proposeNew(as(editor), documentProposals, study({ externalUrl: 'https://example.org/etude' }));
		await postToDiscussion(as(partner), documentProposals, published!.slug, 'Une nouvelle édition arrive en mars.');
		await postToDiscussion(as(editor), documentProposals, published!.slug, 'Merci, proposez-la ici.');
		expect((await listDiscussion(as(partner), documentProposals, published!.slug)).map((message) => message.body)).toEqual([
			'Une nouvelle édition arrive en mars.',
			'Merci, proposez-la ici.'
		]);
		expect(await refusal(postToDiscussion(as(partner), documentProposals, published!.slug, '   '))).toBe('invalid_input');
		const member = (await aPerson(app.database.db, { role: 'member' })).actor;
		expect(await refusal(listDiscussion(as(member), documentProposals, published!.slug))).toBe('forbidden');
	});
});

describe('the PDF of a refused proposal', () => {
	it('is removed from the file store, audited, when nothing else names it', async () => {
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude refusee une' }), 'refusee.pdf');
		const { proposal } = await proposeNew(as(partner), documentProposals, study({ file }));
		const result = await rejectDocumentProposal(as(editor), proposal!.id, 'Hors du champ de la bibliothèque');
		expect(result).toMatchObject({ proposal: { status: 'rejected' }, file: 'removed' });
		expect(await app.files.exists(file.key)).toBe(false);
		expect(await deletions(proposal!.id)).toBe(1);
		// asked again: nothing left to do, nothing recorded twice
		expect(await forgetRefusedFile(as(editor), proposal!.id)).toBe('none');
		expect(await deletions(proposal!.id)).toBe(1);
	});

	it('is kept when a published document uses the same file', async () => {
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude publiee deux' }), 'publiee.pdf');
		await proposeNew(as(editor), documentProposals, study({ title: { fr: 'Étude publiée' }, file }));
		const { proposal } = await proposeNew(as(partner), documentProposals, study({ title: { fr: 'La même, proposée deux fois' }, file }));
		expect((await rejectDocumentProposal(as(editor), proposal!.id, 'Doublon')).file).toBe('kept');
		expect(await app.files.exists(file.key)).toBe(true);
		expect(await deletions(proposal!.id)).toBe(0);
	});

	it('is kept while another proposal (pending or sent back for changes) names it', async () => {
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude en attente trois' }), 'attente.pdf');
		const { proposal: first } = await proposeNew(as(partner), documentProposals, study({ title: { fr: 'Première' }, file }));
		const { proposal: second } = await proposeNew(as(otherPartner), documentProposals, study({ title: { fr: 'Seconde' }, file }));
		await requestChanges(as(editor), documentProposals, second!.id, 'Ajoutez le résumé en arabe');
		expect((await rejectDocumentProposal(as(editor), first!.id, 'Doublon')).file).toBe('kept');
		expect(await app.files.exists(file.key)).toBe(true);
	});

	it('is kept when an earlier version of a document had it (a restore may need it)', async () => {
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude version ancienne quatre' }), 'ancienne.pdf');
		const { published } = await proposeNew(as(editor), documentProposals, study({ title: { fr: 'Document à deux versions' }, file }));
		// version 2 has a link instead: only version 1 names the file
		await as(editor).transaction(async (ctx) =>
			updateDocument(ctx, published!.id, await normaliseDocument(ctx.db, study({ title: { fr: 'Document à deux versions' }, externalUrl: 'https://example.org/v2' })), { userId: editor.userId, organisationId: null, comment: null }, 1)
		);
		const change = await proposeChange(as(partner), documentProposals, published!.slug, study({ title: { fr: 'Document à deux versions' }, file }), { baseVersion: 2 });
		expect((await rejectDocumentProposal(as(editor), change.id, 'Nous gardons le lien')).file).toBe('kept');
		expect(await app.files.exists(file.key)).toBe(true);
	});

	it('only an editor may ask, and a proposal sent back for changes keeps its file', async () => {
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude a revoir cinq' }), 'revoir.pdf');
		const { proposal } = await proposeNew(as(partner), documentProposals, study({ title: { fr: 'À revoir' }, file }));
		expect(await refusal(forgetRefusedFile(as(partner), proposal!.id))).toBe('forbidden');
		await requestChanges(as(editor), documentProposals, proposal!.id, 'Précisez les auteurs');
		expect(await forgetRefusedFile(as(editor), proposal!.id)).toBe('none');
		expect(await app.files.exists(file.key)).toBe(true);
	});
});
