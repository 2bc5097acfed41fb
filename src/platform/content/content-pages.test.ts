import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../testing/refusal.ts';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { parseOrThrow } from '../http/validation.ts';
import { ContentPageForm } from './content-pages.form.ts';
import {
	contentPageDetail,
	contentPageHistory,
	ensureContentPages,
	getContentPage,
	listContentPages,
	reviseContentPage,
	type ContentCollection,
	type InitialContentPage
} from './content-pages.service.ts';

// Two collections as two modules would declare them: their pages never mix.
const guides: ContentCollection = {
	key: 'test.guides',
	topics: ['before', 'after'],
	editAction: 'support.rights.edit',
	auditResource: 'guide',
	path: (language, slug) => `/${language}/test/guides/${slug}`
};
const leaflets: ContentCollection = { ...guides, key: 'test.leaflets', auditResource: 'leaflet', path: (language, slug) => `/${language}/test/leaflets/${slug}` };

const page = (slug: string, topic: string, position: number, title: InitialContentPage['title']): InitialContentPage => ({
	slug,
	topic,
	position,
	title,
	summary: { fr: `Résumé ${slug}` },
	body: { fr: `Texte ${slug}.\n\nSecond paragraphe.` },
	steps: { fr: ['Première étape', 'Deuxième étape'] },
	sources: [{ name: 'Ministère', url: 'https://example.ma' }],
	reviewedOn: '2026-11-01'
});

const revision = (baseVersion: number, title: string) =>
	parseOrThrow(ContentPageForm, {
		baseVersion: String(baseVersion),
		title_fr: title,
		title_ar: 'عنوان',
		body_fr: 'Nouveau texte.',
		steps_fr: 'Un\n\nDeux  ',
		sources: 'Code du travail\nANAPEC | https://www.anapec.org',
		reviewedOn: '2026-12-01',
		comment: 'Relu avec le ministère'
	});


let app: TestApp;
let editor: Person;
let member: Person;
beforeAll(async () => {
	app = await createTestApp();
	editor = await aPerson(app.database.db, { name: 'Rita Rédactrice', role: 'moderator' });
	member = await aPerson(app.database.db, { role: 'member' });
	await ensureContentPages(app.database.db, guides, [page('after-return', 'after', 0, { fr: 'Après le retour' }), page('papers', 'before', 1, { fr: 'Papiers' }), page('bank', 'before', 0, { fr: 'Banque', ar: 'البنك' })]);
	await ensureContentPages(app.database.db, leaflets, [page('papers', 'before', 0, { fr: 'Dépliant papiers' })]);
});
afterAll(async () => {
	await app?.close();
});

describe('content pages', () => {
	it('lists a collection’s pages by topic then position, never another collection’s', async () => {
		const listed = await listContentPages(app.database.db, guides);
		expect(listed.map(({ page }) => page.slug)).toEqual(['bank', 'papers', 'after-return']);
		expect((await getContentPage(app.database.db, leaflets, 'papers')).version.title.fr).toBe('Dépliant papiers');
		expect(await refusalOf(getContentPage(app.database.db, leaflets, 'bank'))).toBe('not_found');
	});

	it('publishes a new version and keeps the old one readable, with who, when and why', async () => {
		const db = app.database.db;
		const saved = await reviseContentPage(contextFor(db, editor), guides, ' Papers ', revision(1, 'Papiers (mis à jour)'));
		expect(saved.version.version).toBe(2);
		expect(saved.version.steps).toEqual({ fr: ['Un', 'Deux'] });
		expect(saved.version.sources).toEqual([{ name: 'Code du travail' }, { name: 'ANAPEC', url: 'https://www.anapec.org' }]);
		const current = await getContentPage(db, guides, 'papers');
		expect(current).toMatchObject({ latest: 2, version: { version: 2 } });
		expect((await getContentPage(db, guides, 'papers', 1)).version.title.fr).toBe('Papiers');
		const history = await contentPageHistory(db, guides, 'papers');
		expect(history.versions.map((row) => [row.version, row.authorLabel, row.comment])).toEqual([
			[2, 'Rita Rédactrice', 'Relu avec le ministère'],
			[1, 'Sharaka', 'Initial content']
		]);
		const [audit] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'guide.revise'), eq(auditEvent.resourceId, current.page.id)));
		expect(audit).toMatchObject({ resourceType: 'guide', actorUserId: editor.actor.userId });
		// the same slug in the other collection did not move
		expect((await getContentPage(db, leaflets, 'papers')).latest).toBe(1);
	});

	it('refuses a save from an outdated version and anyone without the collection’s action, writing nothing', async () => {
		const db = app.database.db;
		expect(await refusalOf(reviseContentPage(contextFor(db, editor), guides, 'papers', revision(1, 'Trop tard')))).toBe('conflict');
		expect(await refusalOf(reviseContentPage(contextFor(db, member), guides, 'papers', revision(2, 'Pas moi')))).toBe('forbidden');
		expect(await refusalOf(reviseContentPage(contextFor(db, null), guides, 'papers', revision(2, 'Personne')))).toBe('unauthenticated');
		expect((await getContentPage(db, guides, 'papers')).latest).toBe(2);
	});

	it('shows the page in the reader’s language, or the first written one marked as a stand-in', async () => {
		const db = app.database.db;
		const bank = await getContentPage(db, guides, 'bank');
		expect(contentPageDetail(guides, bank.page, bank.version, bank.latest, 'ar')).toMatchObject({ title: 'البنك', language: 'ar', fallback: false, url: '/ar/test/guides/bank' });
		const english = contentPageDetail(guides, bank.page, bank.version, bank.latest, 'en');
		expect(english).toMatchObject({ title: 'Banque', language: 'fr', fallback: true, body: 'Texte bank.\n\nSecond paragraphe.', steps: ['Première étape', 'Deuxième étape'] });
		expect(english.sources).toEqual([{ name: 'Ministère', url: 'https://example.ma' }]);
	});

	it('creates missing pages only: an edited page is left as its editors made it', async () => {
		const db = app.database.db;
		await ensureContentPages(db, guides, [page('papers', 'before', 1, { fr: 'Papiers' }), page('new-one', 'after', 5, { fr: 'Nouvelle' })]);
		expect((await getContentPage(db, guides, 'papers')).version.title.fr).toBe('Papiers (mis à jour)');
		expect((await getContentPage(db, guides, 'new-one')).latest).toBe(1);
	});

	it('asks for a title and a text in one language at least, sources, a date and a comment, and checks source addresses', () => {
		const empty = ContentPageForm.safeParse({ baseVersion: '1', reviewedOn: '', comment: '' });
		expect(empty.success).toBe(false);
		expect(empty.error!.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['title_fr', 'body_fr', 'sources', 'reviewedOn', 'comment']));
		const arabicOnly = ContentPageForm.safeParse({ baseVersion: '1', title_ar: 'عنوان', body_ar: 'نص', sources: 'Source | ftp://nope', reviewedOn: '2026-12-01', comment: 'Trois' });
		expect(arabicOnly.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['sources']);
	});
});
