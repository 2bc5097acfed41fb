// The proposers' side of moderation in the library: drafts kept without their file, a document's private
// discussion, and the PDF of a refused proposal removed unless something else still names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { deleteDraft, getDraft, listDiscussion, listDrafts, postToDiscussion, proposeChange, proposeNew, requestChanges, saveDraft, withdrawProposal } from '../../platform/moderation/moderation.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { documentProposals, normaliseDocument, updateDocument } from './document.service.ts';
import { storeDocumentPdf } from './document-file.ts';
import { forgetRefusedFile, ORPHAN_GRACE_MS, rejectDocumentProposal, sweepOrphanFiles } from './refused-files.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { myProposal, myProposals, withdrawMyProposal } from './my-proposals.ts';

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

describe('the daily sweep of files nobody names', () => {
	it('removes a withdrawn proposal’s file, or one stored by a form that never became a proposal, only after the grace period; named files stay', async () => {
		const withdrawnFile = await storeDocumentPdf(app.files, aPdf({ text: 'Etude retiree cinq' }), 'retiree.pdf');
		const { proposal } = await proposeNew(as(partner), documentProposals, study({ title: { fr: 'Retirée' }, file: withdrawnFile }));
		await withdrawProposal(as(partner), documentProposals, proposal!.id);
		const strayFile = await storeDocumentPdf(app.files, aPdf({ text: 'Formulaire abandonne six' }), 'abandon.pdf');
		const keptFile = await storeDocumentPdf(app.files, aPdf({ text: 'Etude gardee sept' }), 'gardee.pdf');
		await proposeNew(as(partner), documentProposals, study({ title: { fr: 'En attente' }, file: keptFile }));

		const first = new Date();
		// first seen unnamed: noted, nothing removed
		expect((await sweepOrphanFiles(app.database.db, app.files, systemContext(), first)).removed).toEqual([]);
		expect(await app.files.exists(withdrawnFile.key)).toBe(true);
		// a day later: still within the grace period
		expect((await sweepOrphanFiles(app.database.db, app.files, systemContext(), new Date(first.getTime() + 86_400_000))).removed).toEqual([]);
		// the stray file is named again meanwhile (the same PDF proposed anew): it stays
		await proposeNew(as(otherPartner), documentProposals, study({ title: { fr: 'Le même PDF, proposé' }, file: strayFile }));
		const after = await sweepOrphanFiles(app.database.db, app.files, systemContext(), new Date(first.getTime() + ORPHAN_GRACE_MS + 1000));
		expect(after.removed).toEqual([withdrawnFile.key]);
		expect(await app.files.exists(withdrawnFile.key)).toBe(false);
		expect(await app.files.exists(strayFile.key)).toBe(true);
		expect(await app.files.exists(keptFile.key)).toBe(true);
		const [event] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'knowledge_document_file.sweep'));
		expect(event.after).toMatchObject({ removed: [withdrawnFile.key] });
	});
});


describe('withdrawing one’s own proposal', () => {
	it('lists the proposer’s proposals, withdraws one still waiting as last seen (audited), refuses a stale or decided one, and leaves its PDF to the sweep', async () => {
		const proposer = (await aPerson(app.database.db, { role: 'partner' })).actor;
		const file = await storeDocumentPdf(app.files, aPdf({ text: 'Etude a retirer huit' }), 'a-retirer.pdf');
		const { proposal } = await proposeNew(as(proposer), documentProposals, study({ title: { fr: 'À retirer', ar: 'للسحب' }, file }), { comment: 'Première version' });
		const { proposal: other } = await proposeNew(as(proposer), documentProposals, study({ title: { fr: 'Une autre, rejetée' }, externalUrl: 'https://example.org/autre' }));
		await rejectDocumentProposal(as(editor), other!.id, 'Hors champ');

		const listed = await myProposals(as(proposer));
		expect(listed.waiting.map((item) => [item.title.fr, item.status, item.withdrawable, item.file?.name])).toEqual([['À retirer', 'pending', true, 'a-retirer.pdf']]);
		expect(listed.decided.map((item) => [item.title.fr, item.status, item.reviewReason, item.withdrawable])).toEqual([['Une autre, rejetée', 'rejected', 'Hors champ', false]]);
		// another partner neither lists nor reaches it, nor withdraws it
		expect((await myProposals(as(otherPartner))).waiting.map((item) => item.id)).not.toContain(proposal!.id);
		expect(await refusal(myProposal(as(otherPartner), proposal!.id))).toBe('not_found');
		expect(await refusal(withdrawMyProposal(as(otherPartner), proposal!.id, { expectedStatus: 'pending' }))).toBe('not_found');
		expect(await refusal(myProposal(as(proposer), 'not-an-id'))).toBe('not_found');

		// the editors asked for changes after the confirmation was shown: refused, nothing changed
		await requestChanges(as(editor), documentProposals, proposal!.id, 'Ajoutez le résumé');
		const stale = await withdrawMyProposal(as(proposer), proposal!.id, { expectedStatus: 'pending' }).catch((error: unknown) => error);
		expect(isAppError(stale) && [stale.code, stale.extra?.reason, stale.extra?.status]).toEqual(['conflict', 'stale_proposal', 'changes_requested']);
		expect((await myProposal(as(proposer), proposal!.id)).status).toBe('changes_requested');
		expect(await refusal(withdrawMyProposal(as(proposer), proposal!.id, { expectedStatus: 'approved' }))).toBe('invalid_input');

		// confirmed again on what it is now: withdrawn, audited
		expect(await withdrawMyProposal(as(proposer), proposal!.id, { expectedStatus: 'changes_requested' })).toMatchObject({ status: 'withdrawn', withdrawable: false });
		const trail = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, proposal!.id), eq(auditEvent.action, 'knowledge_document_proposal.withdraw')));
		expect(trail.map((event) => [event.actorUserId, event.before, event.after])).toEqual([[proposer.userId, { status: 'changes_requested' }, { status: 'withdrawn' }]]);
		expect((await myProposals(as(proposer))).waiting).toEqual([]);
		// twice: no longer waiting
		const again = await withdrawMyProposal(as(proposer), proposal!.id).catch((error: unknown) => error);
		expect(isAppError(again) && again.extra?.reason).toBe('not_pending');

		// the PDF stays for now; the daily sweep notes it, then removes it once the grace period has passed
		expect(await app.files.exists(file.key)).toBe(true);
		const later = new Date(Date.now() + 10 * 86_400_000);
		await sweepOrphanFiles(app.database.db, app.files, systemContext(), later);
		expect(await app.files.exists(file.key)).toBe(true);
		expect((await sweepOrphanFiles(app.database.db, app.files, systemContext(), new Date(later.getTime() + ORPHAN_GRACE_MS + 1000))).removed).toContain(file.key);
		expect(await app.files.exists(file.key)).toBe(false);
	});
});
