// The pre-departure pages per host country (issue 10, item 7): Germany's are real pages with their sources and
// no sample badge, loaded as reference data; they replace the samples an earlier demo loaded under the same
// slugs unless an editor has saved the page; the other countries stay badged samples. And where an offer abroad
// and a candidate's opportunity link: the first page of the host country's pages, when it has some.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { contentPageHistory, ensureContentPages, getContentPage, reviseContentPage } from '../../../platform/content/content-pages.service.ts';
import { contentPage } from '../../../platform/content/content.table.ts';
import { loadContentList, loadContentPage } from '../../../platform/content/content-pages.web.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import {
	ensurePredeparturePages,
	loadPredepartureSamples,
	predepartureEntries,
	predeparturePages,
	predepartureSlug,
	predepartureSubjects,
	samplePredeparturePages
} from './predeparture-pages.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(() => app.close());

const pageUrl = (slug: string) => new URL(`http://localhost/fr/jobs/placement/prepare/${slug}`);

describe('the pre-departure pages of a host country', () => {
	it('are none before any page is written, Germany’s real pages with the reference data, then a country’s first page once its samples are loaded', async () => {
		const db = app.database.db;
		expect(await predepartureEntries(db, ['ES', 'DE'])).toEqual(new Map());
		await ensurePredeparturePages(db);
		expect(await predepartureEntries(db, ['ES', 'DE'])).toEqual(new Map([['DE', 'de-rights']]));
		await loadPredepartureSamples(db);
		expect(await predepartureEntries(db, ['ES', 'de', 'FR', 'ES'])).toEqual(
			new Map([
				['ES', 'es-rights'],
				['DE', 'de-rights']
			])
		);
		expect(await predepartureEntries(db, [])).toEqual(new Map());
	});

	it('for Germany are real: six subjects in three languages, each with dated official sources, without the sample badge', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, null);
		for (const subject of predepartureSubjects) {
			const slug = predepartureSlug('DE', subject);
			const { version } = await getContentPage(db, predeparturePages, slug);
			expect(version.isSample, slug).toBe(false);
			expect(Object.keys(version.body).sort(), slug).toEqual(['ar', 'en', 'fr']);
			expect(version.sources.length, slug).toBeGreaterThan(0);
			for (const source of version.sources) {
				expect(source.name).toContain('consulted 2026-12-07');
				expect(source.url).toMatch(/^https?:\/\/[^ ]+$/);
			}
			expect([version.title.fr, version.title.ar, version.title.en].join(' ')).not.toMatch(/\(exemple\)|\(sample\)|\(مثال\)/);
			expect(version.body.fr).not.toContain('Cette page est un exemple');
			const read = await loadContentPage(ctx, predeparturePages, slug, pageUrl(slug));
			expect(read.page.sample, slug).toBe(false);
			expect(read.page.sources.length).toBe(version.sources.length);
		}
		// a Latin name inside the Arabic text is isolated from the sentence's direction
		const contacts = (await getContentPage(db, predeparturePages, 'de-contacts')).version.body.ar ?? '';
		expect(contacts).toContain('\u2068Faire Integration\u2069');
		expect(contacts).toContain('\u2068Make it in Germany\u2069');
		// the list: Spain's pages badged, Germany's not
		const list = await loadContentList(ctx, predeparturePages);
		expect(list.hasSamples).toBe(true);
		expect(list.topics.map((group) => [group.topic, group.pages.every((page) => page.sample)])).toEqual([
			['ES', true],
			['DE', false]
		]);
		expect((await loadContentPage(ctx, predeparturePages, 'es-rights', pageUrl('es-rights'))).page.sample).toBe(true);
	});
});

describe('a database loaded with the sample pages for Germany', () => {
	it('gets the real page as a new version by the system, the sample kept in history — but a page an editor saved is left alone', async () => {
		const db = app.database.db;
		// as an earlier version left it: Germany's six pages are the demo's samples
		await db.delete(contentPage).where(and(eq(contentPage.collection, predeparturePages.key), eq(contentPage.topic, 'DE')));
		await ensureContentPages(db, predeparturePages, samplePredeparturePages(['DE']));
		expect((await getContentPage(db, predeparturePages, 'de-rights')).version.isSample).toBe(true);
		// an editor saves the contract page (still saying it is a sample)
		const editor = { ...(await aPerson(db, { name: 'Rédactrice Division' })).actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
		const before = await getContentPage(db, predeparturePages, 'de-contract');
		await reviseContentPage(contextFor(db, editor), predeparturePages, 'de-contract', {
			baseVersion: 1,
			title: { fr: 'Allemagne — Le contrat (texte de la division)' },
			summary: before.version.summary,
			body: { fr: 'Texte de la division.' },
			steps: {},
			sources: [],
			reviewedOn: '2026-12-07',
			comment: 'Premier texte de la division'
		});

		await ensurePredeparturePages(db);

		const rights = await getContentPage(db, predeparturePages, 'de-rights');
		expect(rights).toMatchObject({ latest: 2, version: { version: 2, isSample: false, authorUserId: null, authorLabel: 'Sharaka' } });
		expect(rights.version.title.fr).toBe('Allemagne — Vos droits au travail');
		expect((await getContentPage(db, predeparturePages, 'de-rights', 1)).version).toMatchObject({ isSample: true });
		const history = await contentPageHistory(db, predeparturePages, 'de-rights');
		expect(history.versions.map((row) => row.version)).toEqual([2, 1]);
		expect(history.versions[0].comment).toMatch(/^Replaces the sample/);
		const audited = await db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceType, predeparturePages.auditResource), eq(auditEvent.resourceId, rights.page.id)));
		expect(audited.map((row) => row.action).sort()).toEqual(['predeparture_page.create', 'predeparture_page.revise']);

		const contract = await getContentPage(db, predeparturePages, 'de-contract');
		expect(contract).toMatchObject({ latest: 2, version: { version: 2, authorLabel: 'Rédactrice Division' } });
		expect(contract.version.body).toEqual({ fr: 'Texte de la division.' });

		// run again (every start): nothing more
		await ensurePredeparturePages(db);
		expect((await getContentPage(db, predeparturePages, 'de-rights')).latest).toBe(2);
		expect((await getContentPage(db, predeparturePages, 'de-contract')).latest).toBe(2);
		// Spain's samples are samples still
		expect((await getContentPage(db, predeparturePages, 'es-rights')).version.isSample).toBe(true);
	});
});
