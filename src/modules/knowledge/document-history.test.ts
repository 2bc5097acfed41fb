import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { approveProposal, proposeChange, proposeNew } from '../../platform/moderation/moderation.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { documentProposals, getDocument, searchDocuments } from './document.service.ts';
import { documentHistory, restoreDocumentVersion, restorePreview } from './document-history.ts';
import { storeDocumentPdf } from './document-file.ts';
import { document, documentPage } from './knowledge.table.ts';
import { extractPendingTexts } from './text-extraction.ts';

let app: TestApp;
let partner: Actor;
let editor: Actor;
/** a member with the library's editor grant only (no platform role beyond member) */
let grantedEditor: Actor;

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}:${String(error.extra?.reason ?? '')}`;
		throw error;
	}
};

const guide = (over: Record<string, unknown> = {}) => ({
	title: { fr: 'Guide de l’accueil des migrants à Tanger', ar: 'دليل استقبال المهاجرين في طنجة' },
	type: 'guide',
	status: 'published',
	authors: ['Salma Idrissi'],
	organisations: ['history-ngo'],
	year: 2024,
	languages: ['fr'],
	themes: ['immigrant_integration'],
	regions: ['MA-01'],
	licence: 'CC BY 4.0',
	...over
});

beforeAll(async () => {
	app = await createTestApp();
	await app.database.db.insert(organisation).values({ slug: 'history-ngo', name: 'Association Tanger Accueil', type: 'ngo', country: 'MA' });
	partner = (await aPerson(app.database.db, { role: 'partner', name: 'Nadia Partenaire', organisationSlugs: ['history-ngo'] })).actor;
	editor = (await aPerson(app.database.db, { role: 'moderator', name: 'Youssef Éditeur' })).actor;
	const member = await aPerson(app.database.db, { role: 'member', name: 'Karim Bibliothécaire' });
	grantedEditor = { ...member.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
});
afterAll(async () => app?.close());

/** A guide published by the editor with a PDF (version 1), then changed by a partner's approved proposal with another PDF (version 2). */
async function aGuideInTwoVersions(marker: string) {
	const editorCtx = contextFor(app.database.db, editor, { files: app.files });
	const partnerCtx = contextFor(app.database.db, partner, { files: app.files });
	const first = await storeDocumentPdf(app.files, aPdf({ text: `Premiere edition ${marker} hammam` }), 'guide-2024.pdf');
	const second = await storeDocumentPdf(app.files, aPdf({ text: `Seconde edition ${marker} medina` }), 'guide-2025.pdf');
	const { published } = await proposeNew(editorCtx, documentProposals, guide({ title: { fr: `Guide ${marker}` }, file: first }));
	const change = await proposeChange(partnerCtx, documentProposals, published!.slug, guide({ title: { fr: `Guide ${marker} (2e édition)` }, year: 2025, file: second }), {
		baseVersion: 1,
		comment: 'Nouvelle édition'
	});
	await approveProposal(editorCtx, documentProposals, change.id);
	await extractPendingTexts(app.database.db, app.files);
	return { slug: published!.slug, id: published!.id, first, second };
}

describe('a document’s history', () => {
	it('lists the versions with what each changed; names of people for the editors only', async () => {
		const { slug } = await aGuideInTwoVersions('alpha');
		const forEditor = await documentHistory(contextFor(app.database.db, editor), slug);
		expect(forEditor.versions.map((version) => version.number)).toEqual([2, 1]);
		const [second, first] = forEditor.versions;
		expect(second).toMatchObject({ organisation: 'Association Tanger Accueil', comment: 'Nouvelle édition', restoredFrom: null, people: { proposer: 'Nadia Partenaire', publisher: 'Youssef Éditeur' } });
		expect(second!.changed).toEqual(['title', 'year', 'file']);
		expect(first).toMatchObject({ people: { proposer: 'Youssef Éditeur', publisher: 'Youssef Éditeur' }, changed: [] });
		// the current version's changes, field by field, in the reader's language, files by their names
		expect(forEditor.selected).toBe(2);
		expect(forEditor.changes.map((change) => [change.label, change.before, change.after])).toEqual([
			['Titre (fr)', ['Guide alpha'], ['Guide alpha (2e édition)']],
			['Année', ['2024'], ['2025']],
			['Fichier', ['guide-2024.pdf (1 page)'], ['guide-2025.pdf (1 page)']]
		]);

		// a visitor reads the same history with the organisations, without people's names, and may not restore
		const forVisitor = await documentHistory(contextFor(app.database.db, null, { language: 'ar' }), slug, { version: 2 });
		expect(forVisitor.versions.map((version) => version.people)).toEqual([null, null]);
		expect(forVisitor.versions[0]!.organisation).toBe('Association Tanger Accueil');
		expect(forVisitor.canRestore).toBe(false);
		expect(forVisitor.changes.map((change) => change.label)).toEqual(['العنوان (fr)', 'السنة', 'الملف']);
		expect(await refusal(documentHistory(contextFor(app.database.db, null), slug, { version: 9 }))).toBe('not_found:');
	});
});

describe('restoring an earlier version', () => {
	it('publishes the old content as a new version, attributed and audited; the search follows the restored file', async () => {
		const { slug, id, first } = await aGuideInTwoVersions('beta');
		expect((await searchDocuments(app.database.db, { q: 'medina beta' })).total).toBe(1);
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });

		const preview = await restorePreview(editorCtx, slug, 1);
		expect(preview).toMatchObject({ number: 1, currentVersion: 2, isCurrent: false });
		expect(preview.changes.map((change) => change.field)).toEqual(['title', 'year', 'file']);

		const restored = await restoreDocumentVersion(editorCtx, slug, 1, { expectedVersion: 2, comment: 'La 2e édition a été retirée' });
		expect(restored).toMatchObject({ version: 3, restoredFrom: 1, fileChanged: true });
		const shown = await getDocument(app.database.db, slug);
		expect(shown).toMatchObject({ version: 3, title: { fr: 'Guide beta' }, year: 2024 });
		const [row] = await app.database.db.select({ fileKey: document.fileKey, textStatus: document.textStatus }).from(document).where(eq(document.id, id));
		// the restored file's text is read again in the background; the replaced file's pages answer no more
		expect(row).toEqual({ fileKey: first.key, textStatus: 'pending' });
		expect(await app.database.db.select().from(documentPage).where(eq(documentPage.documentId, id))).toEqual([]);
		expect((await searchDocuments(app.database.db, { q: 'medina beta' })).total).toBe(0);
		await extractPendingTexts(app.database.db, app.files);
		expect((await searchDocuments(app.database.db, { q: 'hammam beta' })).items.map((item) => item.slug)).toEqual([slug]);

		// nothing is lost: three versions, the last saying what it restores, by whom and why
		const history = await documentHistory(editorCtx, slug);
		expect(history.versions.map((version) => [version.number, version.restoredFrom])).toEqual([
			[3, 1],
			[2, null],
			[1, null]
		]);
		expect(history.versions[0]).toMatchObject({ comment: 'La 2e édition a été retirée', people: { proposer: 'Youssef Éditeur', publisher: 'Youssef Éditeur' } });

		const events = await app.database.db
			.select({ actor: auditEvent.actorUserId, after: auditEvent.after })
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceId, id), eq(auditEvent.action, 'knowledge_document.restore_version')));
		expect(events).toEqual([{ actor: editor.userId, after: { version: 3, restoredFrom: 1, comment: 'La 2e édition a été retirée' } }]);
	});

	it('is the Knowledge editors’: refused to a partner and a visitor, allowed with the library’s editor grant', async () => {
		const { slug } = await aGuideInTwoVersions('gamma');
		expect(await refusal(restoreDocumentVersion(contextFor(app.database.db, partner, { files: app.files }), slug, 1, { expectedVersion: 2 }))).toBe('forbidden:');
		expect(await refusal(restoreDocumentVersion(contextFor(app.database.db, null), slug, 1, { expectedVersion: 2 }))).toBe('unauthenticated:');
		expect(await refusal(restorePreview(contextFor(app.database.db, partner), slug, 1))).toBe('forbidden:');
		expect((await getDocument(app.database.db, slug))!.version).toBe(2);
		expect(await restoreDocumentVersion(contextFor(app.database.db, grantedEditor, { files: app.files }), slug, 1, { expectedVersion: 2 })).toMatchObject({ version: 3 });
	});

	it('is refused when the document changed since the confirmation, for the current version, and when the old file is gone', async () => {
		const { slug, first } = await aGuideInTwoVersions('delta');
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		// confirmed on version 1 while version 2 is current: nothing is written
		expect(await refusal(restoreDocumentVersion(editorCtx, slug, 1, { expectedVersion: 1 }))).toBe('conflict:stale_version');
		expect(await refusal(restoreDocumentVersion(editorCtx, slug, 2, { expectedVersion: 2 }))).toBe('conflict:already_current');
		expect(await refusal(restoreDocumentVersion(editorCtx, slug, 7, { expectedVersion: 2 }))).toBe('not_found:');
		expect(await refusal(restoreDocumentVersion(editorCtx, slug, 1, { expectedVersion: 2, comment: 'x'.repeat(1001) }))).toBe('invalid_input:');
		await app.files.delete(first.key);
		expect(await refusal(restoreDocumentVersion(editorCtx, slug, 1, { expectedVersion: 2 }))).toBe('conflict:file_missing');
		expect((await getDocument(app.database.db, slug))).toMatchObject({ version: 2, title: { fr: 'Guide delta (2e édition)' } });
	});
});
