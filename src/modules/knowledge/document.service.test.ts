import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { approveProposal, listProposals, proposeChange, proposeNew, rejectProposal, reviewProposal } from '../../platform/moderation/moderation.service.ts';
import type { Notify } from '../../platform/moderation/notify.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { documentProposals, getDocument, listDocumentVersions, searchDocuments } from './document.service.ts';
import { storeDocumentPdf } from './document-file.ts';
import { citation, jsonLd } from './citations.ts';
import { document, documentPage } from './knowledge.table.ts';
import { DOCUMENT_MAX_BYTES } from './knowledge.model.ts';
import { realDocuments } from './seed/deliverables.ts';
import { readMail } from '../../platform/testing/mail.ts';
import { extractPendingTexts, TEXT_CLAIM_LEASE_MS, textProgress } from './text-extraction.ts';
import { MARK_END, MARK_START } from './document.service.ts';

let app: TestApp;
let notify: Notify;
let partner: Actor;
let editor: Actor;
let visitorDb: TestApp['database']['db'];

/** A PDF a reader asks a password for: a standard security handler whose empty user password does not match. */
function anEncryptedPdf(): Buffer {
	const hex = (byte: string) => `<${byte.repeat(32)}>`;
	const pdf = aPdf({ text: 'Etude confidentielle', extra: `<< /Filter /Standard /V 1 /R 2 /O ${hex('1f')} /U ${hex('2e')} /P -4 >>` }).toString('latin1');
	const id = '<00112233445566778899aabbccddeeff>';
	return Buffer.from(pdf.replace('/Root 1 0 R >>', `/Root 1 0 R /Encrypt 5 0 R /ID [${id} ${id}] >>`), 'latin1');
}

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}:${String(error.extra?.reason ?? '')}`;
		throw error;
	}
};

const study = (over: Record<string, unknown> = {}) => ({
	title: { fr: 'Étude sur l’emploi des migrants régularisés à Oujda', ar: 'دراسة حول تشغيل المهاجرين المسوّاة وضعيتهم في وجدة' },
	type: 'study',
	status: 'published',
	authors: ['Amina Benali'],
	organisations: ['expertise-france'],
	year: 2025,
	languages: ['fr', 'ar'],
	themes: ['immigrant_integration'],
	regions: ['MA-02'],
	recommendations: [{ text: 'Ouvrir un guichet ANAPEC dédié', horizon: 'short' }],
	sources: [{ citation: 'Rapport remis par Expertise France' }],
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	notify = { mailer: app.mailer, publicUrl: 'https://sharaka.test' };
	visitorDb = app.database.db;
	const { organisation } = await import('../../platform/accounts/accounts.table.ts');
	await app.database.db.insert(organisation).values({ slug: 'expertise-france', name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR' }).onConflictDoNothing();
	partner = (await aPerson(app.database.db, { email: 'partner@test.ma', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	editor = (await aPerson(app.database.db, { email: 'editor@test.ma', role: 'moderator', locale: 'ar' })).actor;
});
afterAll(async () => app?.close());

describe('the library’s real documents', () => {
	it('holds the 32 deliverables of annex 3.4 and the publications the seeds name, each with its source', async () => {
		const deliverables = realDocuments.filter((entry) => entry.sources?.some((source) => source.citation.includes('annexe 3.4')));
		expect(deliverables).toHaveLength(32);
		const all = await searchDocuments(visitorDb, { pageSize: 100 });
		expect(all.total).toBe(realDocuments.length);
		expect(all.items.every((item) => !item.isSample)).toBe(true);
		const film = await getDocument(visitorDb, 'film-mon-pays-c-est-toi');
		expect(film).toMatchObject({ type: 'film', status: 'forthcoming', file: null });
		expect(film!.sources[0].citation).toContain('§2.8');
		const research = await getDocument(visitorDb, 'tendances-recherche-marocaine-migrations');
		expect(research!.recommendations).toEqual([expect.objectContaining({ horizon: 'long' })]);
	});

	it('finds a title without its accents, and filters by type and theme with facet counts', async () => {
		const found = await searchDocuments(visitorDb, { q: 'etude juridique integration' });
		expect(found.items.map((item) => item.slug)).toEqual(['etude-juridique-integration-migrants-regularises']);
		const syntheses = await searchDocuments(visitorDb, { type: ['synthesis'], theme: ['return_reintegration'] });
		expect(syntheses.items.map((item) => item.slug).sort()).toEqual(['synthese-evenement-cloture-sharaka-2017', 'synthese-portabilite-droits-retraites-mre', 'synthese-ramre-reintegration-mre']);
		// the type facet ignores the type filter: the other types of the theme are still offered
		expect(syntheses.facets.type.guide).toBe(1);
	});
});

describe('a partner proposes a study, an editor publishes it', () => {
	it('stores the checked PDF, waits for the editor, then is public with its file, citations and history', async () => {
		const pdf = aPdf({ text: 'Etude emploi Oujda' });
		const partnerCtx = contextFor(app.database.db, partner, { files: app.files });
		const file = await storeDocumentPdf(app.files, pdf, 'étude oujda.pdf');
		expect(file).toMatchObject({ pages: 1, bytes: pdf.byteLength });
		expect(await app.files.get(file.key)).not.toBeNull();

		const { proposal, published } = await proposeNew(partnerCtx, documentProposals, study({ file }), { comment: 'Version finale', notify });
		expect(published).toBeNull();
		expect((await searchDocuments(visitorDb, { q: 'Oujda' })).total).toBe(0);

		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		const queue = await listProposals(editorCtx, documentProposals);
		expect(queue.items.map((item) => item.title)).toContain('Étude sur l’emploi des migrants régularisés à Oujda');
		const result = await approveProposal(editorCtx, documentProposals, proposal!.id, { notify });
		expect(result.published.version).toBe(1);

		// an Arabic query with another spelling of the hamza/ta marbuta finds it, as does a French one without accents
		expect((await searchDocuments(visitorDb, { q: 'المسواة' })).items.map((item) => item.slug)).toContain(result.published.slug);
		expect((await searchDocuments(visitorDb, { q: 'regularises oujda' })).total).toBe(1);
		const shown = await getDocument(visitorDb, result.published.slug);
		expect(shown).toMatchObject({ status: 'published', organisations: [{ slug: 'expertise-france', name: 'Expertise France' }], file: { pages: 1 } });

		const bib = citation(shown!, 'bibtex', 'https://sharaka.test/fr/knowledge/documents/x');
		expect(bib.body).toContain('@techreport{');
		expect(bib.body).toContain('author = {Amina Benali} and {Expertise France}');
		expect(citation(shown!, 'ris', 'u').body).toMatch(/^TY {2}- RPRT\r\n/);
		expect(JSON.parse(citation(shown!, 'csl-json', 'u').body)[0]).toMatchObject({ type: 'report', issued: { 'date-parts': [[2025]] } });
		expect(jsonLd(shown!, 'https://sharaka.test/p', 'https://sharaka.test')).toMatchObject({ '@type': 'Report', inLanguage: ['fr', 'ar'], creativeWorkStatus: 'Published' });

		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, shown!.id));
		expect(events.map((event) => event.action)).toContain('knowledge_document.create');
		const mails = (await app.outbox()).map(readMail);
		// the editor (Arabic) heard of the proposal in Arabic; the partner hears of the publication with the link
		expect(mails.find((mail) => mail.to === 'editor@test.ma')?.text).toContain('اقترح شريك الوثيقة');
		const told = mails.find((mail) => mail.to === 'partner@test.ma');
		expect(told?.text).toContain('est publié dans la bibliothèque');
		expect(told?.text).toContain(`https://sharaka.test/fr/knowledge/documents/${result.published.slug}`);
	});

	it('a change proposed from version 1 shows its diff, becomes version 2 once approved, and a stale one is refused', async () => {
		const partnerCtx = contextFor(app.database.db, partner, { files: app.files });
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		const { published } = await proposeNew(editorCtx, documentProposals, study({ title: { fr: 'Guide des maisons de l’emploi' }, type: 'guide', externalUrl: 'https://example.org/guide', organisations: [] }));
		const change = await proposeChange(partnerCtx, documentProposals, published!.slug, study({ title: { fr: 'Guide des maisons de l’emploi (2e édition)' }, type: 'guide', externalUrl: 'https://example.org/guide', organisations: [] }), { baseVersion: 1, comment: 'Nouvelle édition' });
		const review = await reviewProposal(editorCtx, documentProposals, change.id);
		expect(review.fromBase.map((entry) => `${entry.field}:${entry.language ?? ''}`)).toEqual(['title:fr']);
		await approveProposal(editorCtx, documentProposals, change.id);
		const shown = await getDocument(visitorDb, published!.slug);
		expect(shown).toMatchObject({ version: 2, slug: published!.slug, title: { fr: 'Guide des maisons de l’emploi (2e édition)' } });
		expect((await listDocumentVersions(visitorDb, shown!.id)).map((version) => version.number)).toEqual([2, 1]);
		expect(await refusal(proposeChange(partnerCtx, documentProposals, published!.slug, study({ type: 'guide' }), { baseVersion: 1 }))).toBe('conflict:stale_version');
	});

	it('a rejected proposal publishes nothing', async () => {
		const partnerCtx = contextFor(app.database.db, partner, { files: app.files });
		const { proposal } = await proposeNew(partnerCtx, documentProposals, study({ title: { fr: 'Brouillon sans intérêt' }, externalUrl: 'https://example.org/x' }));
		await rejectProposal(contextFor(app.database.db, editor), documentProposals, proposal!.id, 'Hors sujet', notify);
		expect((await searchDocuments(visitorDb, { q: 'Brouillon' })).total).toBe(0);
	});

	it('a member may not propose, and bad fields are refused with their paths', async () => {
		const member = (await aPerson(app.database.db, { role: 'member' })).actor;
		expect(await refusal(proposeNew(contextFor(app.database.db, member), documentProposals, study()))).toBe('forbidden:');
		try {
			await proposeNew(contextFor(app.database.db, partner), documentProposals, study({ title: {}, type: 'poem', regions: ['MA-99'], organisations: ['nobody'] }));
			expect.unreachable();
		} catch (error) {
			if (!isAppError(error)) throw error;
			expect(error.fields.map((field) => field.path).sort()).toEqual(['regions.0', 'title', 'type']);
		}
		expect(await refusal(proposeNew(contextFor(app.database.db, partner), documentProposals, study({ organisations: ['nobody'] })))).toBe('invalid_input:');
	});
});

describe('files refused by their content store nothing', () => {
	const before = async () => (await app.database.db.select().from(document)).length;
	it.each([
		['a text file named .pdf', () => Buffer.from('Ceci est un rapport en texte brut'), 'unsupported_media_type:document_not_pdf'],
		['a PDF that is cut off', () => aPdf().subarray(0, 120), 'unsupported_media_type:document_broken'],
		['an encrypted PDF', anEncryptedPdf, 'unsupported_media_type:document_encrypted'],
		['an empty file', () => Buffer.alloc(0), 'invalid_input:document_empty']
	])('%s', async (_name, make, expected) => {
		const count = await before();
		expect(await refusal(storeDocumentPdf(app.files, make(), 'x.pdf'))).toBe(expected);
		expect(await before()).toBe(count);
	});

	it('a 60 MB file is refused before it is read', async () => {
		const big = Buffer.alloc(60 * 1024 * 1024);
		big.write('%PDF-1.7');
		expect(big.byteLength).toBeGreaterThan(DOCUMENT_MAX_BYTES);
		expect(await refusal(storeDocumentPdf(app.files, big, 'big.pdf'))).toBe('payload_too_large:document_too_large');
	});
});

describe('full-text search of the PDFs’ text', () => {
	it('extracts the text in the background; a French word without accents and an Arabic stem find the page, with a snippet', async () => {
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		const pdf = aPdf({ text: 'Les cooperatives feminines de Figuig exportent des dattes' });
		const file = await storeDocumentPdf(app.files, pdf, 'figuig.pdf');
		const { published } = await proposeNew(editorCtx, documentProposals, study({ title: { fr: 'Rapport sur l’oasis', ar: 'تقرير حول الواحات والتعاونيات' }, file, organisations: [] }));
		// not searchable by its text before the job ran
		expect((await searchDocuments(visitorDb, { q: 'dattes' })).total).toBe(0);
		expect(await extractPendingTexts(app.database.db, app.files)).toEqual({ done: 2, failed: 0 });

		const french = await searchDocuments(visitorDb, { q: 'coopérative féminine' });
		expect(french.items.map((item) => item.slug)).toEqual([published!.slug]);
		expect(french.items[0].snippet?.page).toBe(1);
		expect(french.items[0].snippet?.text).toContain(`${MARK_START}cooperatives${MARK_END}`);
		// an Arabic word with its article finds the Arabic title's stem
		expect((await searchDocuments(visitorDb, { q: 'التعاونيات' })).items.map((item) => item.slug)).toContain(published!.slug);
	});

	it('a stored file that cannot be read marks its document failed and the others go on', async () => {
		const [row] = await app.database.db.select().from(document).limit(1);
		await app.database.db.update(document).set({ file: { key: 'knowledge/documents/missing.pdf', bytes: 1, pages: 1, name: 'x.pdf' }, textStatus: 'pending' }).where(eq(document.id, row.id));
		expect(await extractPendingTexts(app.database.db, app.files)).toEqual({ done: 0, failed: 1 });
		const [after] = await app.database.db.select().from(document).where(eq(document.id, row.id));
		expect(after).toMatchObject({ textStatus: 'failed', textError: 'the stored file is missing' });
	});
});

describe('a very large PDF, read page by page', () => {
	const pagesOf = async (id: string) => app.database.db.select({ page: documentPage.page, text: documentPage.text }).from(documentPage).where(eq(documentPage.documentId, id)).orderBy(asc(documentPage.page));

	it('shows its progress, is searchable as it is read, and the next run goes on from the last page written', async () => {
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		const texts = Array.from({ length: 60 }, (_, index) => `Chapitre ${index + 1} sur la mobilite ${index === 4 ? 'saisonniere' : index === 54 ? 'circulaire' : 'professionnelle'}`);
		const file = await storeDocumentPdf(app.files, aPdf({ pages: texts }), 'gros-rapport.pdf');
		const { published } = await proposeNew(editorCtx, documentProposals, study({ title: { fr: 'Rapport de soixante pages' }, file, organisations: [] }));
		const [row] = await app.database.db.select().from(document).where(eq(document.slug, published!.slug));

		// a run whose time is spent after its first chunk: 20 pages of 60 written, the rest for the next run
		expect(await extractPendingTexts(app.database.db, app.files, { chunkPages: 20, budgetMs: 0 })).toEqual({ done: 0, failed: 0 });
		expect((await pagesOf(row.id)).map((page) => page.page)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
		const progress = await textProgress(app.database.db);
		expect(progress.reading).toContainEqual(expect.objectContaining({ slug: published!.slug, pagesDone: 20, pagesTotal: 60 }));
		// what is read answers already; the rest not yet
		expect((await searchDocuments(visitorDb, { q: 'saisonnière' })).items.map((item) => item.slug)).toContain(published!.slug);
		expect((await searchDocuments(visitorDb, { q: 'circulaire' })).items.map((item) => item.slug)).not.toContain(published!.slug);

		// the pages already written are not read again (a mark left on page 1 stays)
		await app.database.db.update(documentPage).set({ text: 'lu une fois' }).where(eq(documentPage.documentId, row.id));
		expect(await extractPendingTexts(app.database.db, app.files, { chunkPages: 20 })).toEqual({ done: 1, failed: 0 });
		const pages = await pagesOf(row.id);
		expect(pages).toHaveLength(60);
		expect(pages[0].text).toBe('lu une fois');
		expect(pages[59].text).toBe('Chapitre 60 sur la mobilite professionnelle');
		const [after] = await app.database.db.select().from(document).where(eq(document.id, row.id));
		expect(after).toMatchObject({ textStatus: 'done', textPagesDone: 60, textPagesTotal: 60, textClaim: null });
		expect((await searchDocuments(visitorDb, { q: 'circulaire' })).items.map((item) => item.slug)).toContain(published!.slug);
		expect((await textProgress(app.database.db)).reading.map((reading) => reading.slug)).not.toContain(published!.slug);
	});

	it('a run that died is taken over after its lease, from its last page; a live claim is left alone', async () => {
		const editorCtx = contextFor(app.database.db, editor, { files: app.files });
		const file = await storeDocumentPdf(app.files, aPdf({ pages: Array.from({ length: 30 }, (_, index) => `Page ${index + 1} du guide`) }), 'guide.pdf');
		const { published } = await proposeNew(editorCtx, documentProposals, study({ title: { fr: 'Guide de trente pages' }, file, organisations: [] }));
		const [row] = await app.database.db.select().from(document).where(eq(document.slug, published!.slug));
		expect(await extractPendingTexts(app.database.db, app.files, { chunkPages: 10, budgetMs: 0 })).toEqual({ done: 0, failed: 0 });
		// another instance claims it and falls silent after writing page 10
		const claimedAt = new Date();
		await app.database.db.update(document).set({ textClaim: crypto.randomUUID(), textClaimedAt: claimedAt }).where(eq(document.id, row.id));
		expect(await extractPendingTexts(app.database.db, app.files, { chunkPages: 10 })).toEqual({ done: 0, failed: 0 });
		expect(await pagesOf(row.id)).toHaveLength(10);
		const later = () => new Date(claimedAt.getTime() + TEXT_CLAIM_LEASE_MS + 1000);
		expect(await extractPendingTexts(app.database.db, app.files, { chunkPages: 10, now: later })).toEqual({ done: 1, failed: 0 });
		expect((await pagesOf(row.id)).map((page) => page.text)).toEqual(Array.from({ length: 30 }, (_, index) => `Page ${index + 1} du guide`));
	});
});

