// The pre-departure pages per host country (issue 10, item 7): Germany's and Spain's are real pages with their
// sources and no sample badge, loaded as reference data; they replace the samples an earlier demo loaded under
// the same slugs unless an editor has saved the page. And where an offer abroad and a candidate's opportunity
// link: the first page of the host country's pages, when it has some.
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
const languages = ['ar', 'en', 'fr'];
// what a sample page or an unfinished text says
const placeholders = /Cette page est un exemple|This page is a sample|هذه الصفحة مثال|\((?:exemple|sample|مثال)\)|TODO|TBD|FIXME|lorem ipsum|XXX|\{\w+\}/i;
// French: a no-break space (U+00A0) before ; : ! ? and inside « »
const frenchSpacing = /(?<!\u00a0)[;:!?]|«(?!\u00a0)|(?<!\u00a0)»/;
/** Latin words of three letters or more in Arabic text that are not isolated (`isolate`) — what the language-of-parts check flags. */
const unisolatedLatin = (text: string) =>
	text
		.replace(/\u2068[^\u2069]*\u2069/g, ' ')
		.replace(/https?:\/\/\S+|\S*[._]\S*/g, ' ')
		.split(/[^A-Za-zÀ-ÖØ-öø-ÿ'’-]+/)
		.filter((word) => /[a-zà-ÿ]{3,}/.test(word) && !/^[A-Z]/.test(word));

describe('the pre-departure pages of a host country', () => {
	it('are none before any page is written, then each country’s first page with the reference data; the demo adds no sample', async () => {
		const db = app.database.db;
		expect(await predepartureEntries(db, ['ES', 'DE'])).toEqual(new Map());
		await ensurePredeparturePages(db);
		expect(await predepartureEntries(db, ['ES', 'de', 'FR', 'ES'])).toEqual(
			new Map([
				['ES', 'es-rights'],
				['DE', 'de-rights']
			])
		);
		// every host country has real pages: the demo has no sample left to load
		expect(samplePredeparturePages()).toEqual([]);
		await loadPredepartureSamples(db);
		expect(await predepartureEntries(db, ['ES', 'DE'])).toEqual(
			new Map([
				['ES', 'es-rights'],
				['DE', 'de-rights']
			])
		);
		expect(await predepartureEntries(db, [])).toEqual(new Map());
	});

	describe.each([
		{ country: 'DE', name: 'Germany', secure: /^https?:\/\/[^ ]+$/ },
		{ country: 'ES', name: 'Spain', secure: /^https:\/\/[^ ]+$/ }
	])('for $name', ({ country, secure }) => {
		it('are real: six subjects in three languages, each with dated official sources, without the sample badge nor a placeholder', async () => {
			const db = app.database.db;
			const ctx = contextFor(db, null);
			for (const subject of predepartureSubjects) {
				const slug = predepartureSlug(country, subject);
				const { version } = await getContentPage(db, predeparturePages, slug);
				expect(version.isSample, slug).toBe(false);
				for (const field of [version.title, version.summary, version.body]) expect(Object.keys(field).sort(), slug).toEqual(languages);
				// steps, when a page has some, come in the three languages, as many in each
				if (Object.keys(version.steps).length) {
					expect(Object.keys(version.steps).sort(), slug).toEqual(languages);
					expect(new Set(Object.values(version.steps).map((steps) => steps?.length)).size, slug).toBe(1);
				}
				expect(version.sources.length, slug).toBeGreaterThan(0);
				for (const source of version.sources) {
					expect(source.name).toContain('consulted 2026-12-07');
					expect(source.url).toMatch(secure);
				}
				const texts = (language: 'fr' | 'ar' | 'en') => [version.title[language], version.summary[language], version.body[language], ...(version.steps[language] ?? [])].join('\n');
				for (const language of ['fr', 'ar', 'en'] as const) expect(texts(language), `${slug} ${language}`).not.toMatch(placeholders);
				expect(texts('fr'), slug).not.toMatch(frenchSpacing);
				expect(unisolatedLatin(texts('ar')), slug).toEqual([]);
				const read = await loadContentPage(ctx, predeparturePages, slug, pageUrl(slug));
				expect(read.page.sample, slug).toBe(false);
				expect(read.page.sources.length).toBe(version.sources.length);
			}
		});
	});

	it('for Spain say what a seasonal worker leaving with ANAPEC needs, from the texts they cite', async () => {
		const db = app.database.db;
		const body = async (slug: string, language: 'fr' | 'ar' | 'en') => (await getContentPage(db, predeparturePages, slug)).version.body[language] ?? '';
		// the 2026 minimum wage with its decree; a Spanish name in the Arabic text is isolated from the sentence's direction
		expect(await body('es-rights', 'fr')).toContain('Real Decreto 126/2026 du 18 février 2026');
		expect(await body('es-rights', 'fr')).toContain('1\u00a0221\u00a0euros par mois');
		expect(await body('es-rights', 'en')).toContain('1,221 euros a month');
		expect(await body('es-rights', 'ar')).toContain('\u2068Inspección de Trabajo y Seguridad Social\u2069');
		// the housing's limits, the return to prove at the consulate within a month
		expect(await body('es-living', 'fr')).toContain('15\u00a0% de l’IPREM');
		expect(await body('es-return', 'en')).toContain('Within a month of the end of work, go to the Spanish embassy or consulate');
		// what the sources do not say is said plainly, with where to ask
		expect(await body('es-contacts', 'fr')).toContain('Les sources consultées ne donnent ni adresses ni numéros de téléphone');
		const sources = (await getContentPage(db, predeparturePages, 'es-rights')).version.sources.map((source) => source.url);
		expect(sources).toContain('https://www.boe.es/buscar/doc.php?id=BOE-A-2025-27014');
	});

	it('are listed without the sample notice once every country’s pages are real', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, null);
		const list = await loadContentList(ctx, predeparturePages);
		expect(list.hasSamples).toBe(false);
		expect(list.topics.map((group) => [group.topic, group.pages.length, group.pages.some((page) => page.sample)])).toEqual([
			['ES', 6, false],
			['DE', 6, false]
		]);
		// a Latin name inside the Arabic text is isolated from the sentence's direction
		const contacts = (await getContentPage(db, predeparturePages, 'de-contacts')).version.body.ar ?? '';
		expect(contacts).toContain('\u2068Faire Integration\u2069');
		expect(contacts).toContain('\u2068Make it in Germany\u2069');
	});
});

describe.each([
	{ country: 'DE', other: 'ES', name: 'Allemagne', rights: 'Allemagne — Vos droits au travail', editor: 'Rédactrice Division' },
	{ country: 'ES', other: 'DE', name: 'Espagne', rights: 'Espagne — Vos droits au travail', editor: 'Rédacteur Division' }
] as const)('a database loaded with the sample pages for $country', ({ country, other, name, rights: rightsTitle, editor: editorName }) => {
	it('gets the real page as a new version by the system, the sample kept in history — but a page an editor saved is left alone', async () => {
		const db = app.database.db;
		const slug = (subject: (typeof predepartureSubjects)[number]) => predepartureSlug(country, subject);
		// as an earlier version left it: the country's six pages are the demo's samples
		await db.delete(contentPage).where(and(eq(contentPage.collection, predeparturePages.key), eq(contentPage.topic, country)));
		await ensureContentPages(db, predeparturePages, samplePredeparturePages([country]));
		expect((await getContentPage(db, predeparturePages, slug('rights'))).version.isSample).toBe(true);
		// an editor saves the contract page (still saying it is a sample)
		const editor = { ...(await aPerson(db, { name: editorName })).actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
		const before = await getContentPage(db, predeparturePages, slug('contract'));
		await reviseContentPage(contextFor(db, editor), predeparturePages, slug('contract'), {
			baseVersion: 1,
			title: { fr: `${name} — Le contrat (texte de la division)` },
			summary: before.version.summary,
			body: { fr: 'Texte de la division.' },
			steps: {},
			sources: [],
			reviewedOn: '2026-12-07',
			comment: 'Premier texte de la division'
		});

		await ensurePredeparturePages(db);

		const rights = await getContentPage(db, predeparturePages, slug('rights'));
		expect(rights).toMatchObject({ latest: 2, version: { version: 2, isSample: false, authorUserId: null, authorLabel: 'Sharaka' } });
		expect(rights.version.title.fr).toBe(rightsTitle);
		expect((await getContentPage(db, predeparturePages, slug('rights'), 1)).version).toMatchObject({ isSample: true });
		const history = await contentPageHistory(db, predeparturePages, slug('rights'));
		expect(history.versions.map((row) => row.version)).toEqual([2, 1]);
		expect(history.versions[0].comment).toMatch(/^Replaces the sample/);
		const audited = await db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceType, predeparturePages.auditResource), eq(auditEvent.resourceId, rights.page.id)));
		expect(audited.map((row) => row.action).sort()).toEqual(['predeparture_page.create', 'predeparture_page.revise']);

		const contract = await getContentPage(db, predeparturePages, slug('contract'));
		expect(contract).toMatchObject({ latest: 2, version: { version: 2, authorLabel: editorName } });
		expect(contract.version.body).toEqual({ fr: 'Texte de la division.' });

		// run again (every start): nothing more
		await ensurePredeparturePages(db);
		expect((await getContentPage(db, predeparturePages, slug('rights'))).latest).toBe(2);
		expect((await getContentPage(db, predeparturePages, slug('contract'))).latest).toBe(2);
		// the other country's pages are real still
		expect((await getContentPage(db, predeparturePages, predepartureSlug(other, 'rights'))).version.isSample).toBe(false);
	});
});
