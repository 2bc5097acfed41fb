import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { generateDocuments } from './generate.ts';
import { listDocuments, searchDocuments } from './document.service.ts';
import { document, documentPage } from './knowledge.table.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { parseTsQuery, parseTsVector, probeSearch, queryWords } from './search-index.ts';
import type { DocumentListQuery } from './knowledge.schemas.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
	await generateDocuments(createContext({ db: app.database.db, actor: null, audit: systemContext('cli') }), 120, { pages: 3, prefix: 'index' });
	// a few real documents (not samples), one with a page of its own words
	await app.database.db.execute(sql`update knowledge.document set is_sample = false where slug in ('index-000007', 'index-000050', 'index-000111')`);
	// and organisations for a few
	await app.database.db.execute(sql`update knowledge.document set organisations = '["ocde"]' where slug = 'index-000007'`);
	await app.database.db.execute(sql`update knowledge.document set organisations = '["ocde", "universite-mohammed-v-rabat"]' where slug = 'index-000050'`);
	// and links to Atlas initiatives and a strategy's action for a few (written as the database holds them)
	await app.database.db.execute(sql`update knowledge.document set links = '["atlas.initiative:sharaka", "strategy.action:snima/12"]' where slug in ('index-000007', 'index-000031')`);
	await app.database.db.execute(sql`update knowledge.document set links = '["atlas.initiative:sharaka-composante-1"]' where slug in ('index-000050', 'index-000032', 'index-000033')`);
	const [own] = await app.database.db.select({ id: document.id }).from(document).where(eq(document.slug, 'index-000050'));
	await app.database.db.insert(documentPage).values({ documentId: own.id, page: 4, text: 'Les saisonnières de Huelva et l’égalité salariale. العاملات الموسميات في ويلفا' });
});
afterAll(async () => app?.close());

/** What both ways answer, without the ranking's order (their scores differ: BM25 in memory, ts_rank in SQL). */
async function both(query: Partial<DocumentListQuery>) {
	const fromIndex = await searchDocuments(app.database.db, query);
	const fromSql = await listDocuments(app.database.db, query);
	return { fromIndex, fromSql };
}

async function allIds(query: Partial<DocumentListQuery>, search: typeof searchDocuments) {
	const ids: string[] = [];
	for (let page = 1; ; page++) {
		const result = await search(app.database.db, { ...query, page, pageSize: 100 });
		ids.push(...result.items.map((item) => item.slug));
		if (page * 100 >= result.total) return ids;
	}
}

describe('the library search index', () => {
	it('reads PostgreSQL tsqueries with its precedence, and leaves phrases to SQL', () => {
		expect(parseTsQuery("'insert' & 'profession' | !'retour'")).toEqual({ or: [{ and: [{ term: 'insert' }, { term: 'profession' }] }, { not: { term: 'retour' } }] });
		expect(parseTsQuery("( 'a' | 'b' ) & 'c'")).toEqual({ and: [{ or: [{ term: 'a' }, { term: 'b' }] }, { term: 'c' }] });
		expect(parseTsQuery("'l''eau' & 'a\\\\b'")).toEqual({ and: [{ term: "l'eau" }, { term: 'a\\b' }] });
		expect(parseTsQuery('')).toBeNull();
		expect(parseTsQuery("'a-b' <-> 'a' <-> 'b'")).toBe('phrase');
		expect(parseTsQuery("'migr':*")).toBe('phrase');
	});

	it('parses every query as PostgreSQL parses it whole, the plain words from what it answered for each before', async () => {
		const db = app.database.db;
		const queries = [
			'Retour des MRE', 'réintégration réintégration emploi', 'de la', 'Compétences coopératives féminines', 'الهجرة و العودة', 'أمهات الإدماج المهني',
			'إعادة', 'migration الهجرة', 'retour emploi', 'MRE retour', 'وأمهات', 'ÉTUDE égalité',
			// parsed whole: operators, phrases, hyphens, digits, marks, mixed scripts in one word
			'"retour emploi"', '-retour emploi', 'retour or emploi', 'co-développement', 'COVID19 2024', 'الهِجْرَة', 'l’emploi', 'abcالهجرة'
		];
		for (const q of queries) {
			const inArabic = /[\u0600-\u06FF]/.test(q);
			const [whole] = rowsOf<{ fr: string; ar: string; headline: string; words: string[] | string }>(
				await db.execute(sql`select websearch_to_tsquery('french'::regconfig, search_normalise(${q}))::text as fr,
					websearch_to_tsquery('arabic'::regconfig, search_normalise(${q}))::text as ar,
					replace((${inArabic ? sql`websearch_to_tsquery('arabic'::regconfig, ${q}) || websearch_to_tsquery('arabic'::regconfig, search_normalise(${q}))` : sql`websearch_to_tsquery('knowledge.french_unaccent'::regconfig, ${q})`})::text, ' & ', ' | ') as headline,
					(select coalesce(json_agg(search_normalise(w)), '[]'::json) from jsonb_array_elements_text(${JSON.stringify(queryWords(q).asked)}::jsonb) w) as words`)
			);
			// twice: the second from the words kept
			for (const probe of [await probeSearch(db, q), await probeSearch(db, q)]) {
				expect({ q, ...probe.tsquery, headline: probe.headline.query, words: probe.words }).toEqual({
					q,
					fr: whole.fr,
					ar: whole.ar,
					headline: whole.headline,
					words: typeof whole.words === 'string' ? JSON.parse(whole.words) : whole.words
				});
				expect(probe.phrase, q).toBe(parseTsQuery(whole.fr) === 'phrase' || parseTsQuery(whole.ar) === 'phrase');
			}
		}
	});

	it('takes the words after "-" out of the part-of-a-word match, and quotes and "or" are not words', async () => {
		expect(queryWords('"retour emploi" -zzz or Maroc -')).toEqual({ asked: ['retour', 'emploi', 'Maroc'], excluded: ['zzz'] });
		// "maroc" is part of "Marocains" in descriptions (not the same stem): found by the part-of-a-word match
		const maroc = await allIds({ q: 'maroc' }, searchDocuments);
		expect(maroc.length).toBeGreaterThan(0);
		// a word excluded that no description holds changes nothing, in the index as in SQL
		expect(await allIds({ q: 'maroc -zzzqx' }, searchDocuments)).toEqual(maroc);
		expect((await allIds({ q: 'maroc -zzzqx' }, listDocuments)).sort()).toEqual([...maroc].sort());
		// a word excluded that descriptions hold leaves those out, in the index as in SQL
		const holding = rowsOf<{ slug: string }>(await app.database.db.execute(sql`select slug from knowledge.document where strpos(search_text, 'marocains') > 0`)).map((row) => row.slug);
		expect(holding.length).toBeGreaterThan(0);
		const without = await allIds({ q: 'maroc -marocains' }, searchDocuments);
		expect(without.filter((slug) => holding.includes(slug))).toEqual([]);
		expect((await allIds({ q: 'maroc -marocains' }, listDocuments)).sort()).toEqual([...without].sort());
	});

	it('reads tsvectors as PostgreSQL writes them, quotes and backslashes included', async () => {
		const [row] = rowsOf<{ text: string; entries: [string, number[]][] | string }>(
			await app.database.db.execute(sql`select v::text as text, (select json_agg(json_build_array(u.lexeme, coalesce(u.positions, '{}'::smallint[]))) from unnest(v) u) as entries
				from (select setweight(array_to_tsvector(array['l''eau', 'a\\b', 'deux mots', 'é']), 'B') || to_tsvector('simple', 'un deux un trois') as v) x`)
		);
		const entries: [string, number[]][] = typeof row.entries === 'string' ? JSON.parse(row.entries) : row.entries;
		const sorted = (list: [string, number[]][]) => [...list].sort((a, b) => (a[0] < b[0] ? -1 : 1));
		expect(sorted(parseTsVector(row.text))).toEqual(sorted(entries));
		expect(entries.map(([lexeme]) => lexeme)).toContain('a\\b');
		expect(entries.length).toBe(7);
	});

	it.each<[string, Partial<DocumentListQuery>]>([
		['no words', {}],
		['French words, accents ignored', { q: 'cooperatives feminines' }],
		['French words with accents', { q: 'coopératives féminines' }],
		['Arabic words', { q: 'التعاونيات النسائية' }],
		['Arabic spelling variants', { q: 'الادماج المهنى' }],
		['a word excluded', { q: 'migrants -retour' }],
		['either word', { q: 'soins or diaspora' }],
		['stop words only (matched as parts of titles)', { q: 'le la' }],
		['a part of a word in a title', { q: 'Exempl' }],
		['words of one page only', { q: 'saisonnières Huelva' }],
		['Arabic words of one page only', { q: 'الموسميات' }],
		['words and filters', { q: 'migrants', type: ['study', 'report'], theme: ['return_reintegration', 'immigrant_integration'] }],
		['filters only', { language: ['ar'], year: 2020 }],
		['regions and status', { region: ['MA-02', 'MA-05'], status: 'published' as const }],
		['organisations', { organisation: ['ocde', 'universite-mohammed-v-rabat'] }],
		['an organisation, a region and words', { q: 'migrations', organisation: ['ocde'], region: ['MA-02'] }],
		['one linked initiative', { linked: ['atlas.initiative:sharaka'] }],
		['an initiative or its component', { linked: ['atlas.initiative:sharaka', 'atlas.initiative:sharaka-composante-1'] }],
		['a strategy’s action, words and a filter', { q: 'migrants', linked: ['strategy.action:snima/12', 'atlas.initiative:sharaka-composante-1'], type: ['study', 'report'] }],
		['a record nothing links to', { linked: ['atlas.initiative:absente'] }],
		['nothing found', { q: 'zzzyx' }]
	])('answers %s as SQL does: the same documents, total and facets', async (_name, query) => {
		const { fromIndex, fromSql } = await both(query);
		expect(fromIndex.total).toBe(fromSql.total);
		expect(fromIndex.facets).toEqual(fromSql.facets);
		expect((await allIds(query, searchDocuments)).sort()).toEqual((await allIds(query, listDocuments)).sort());
		if (!query.q) {
			expect(await allIds(query, searchDocuments)).toEqual(await allIds(query, listDocuments));
			// a page deep in the list (the index sorts only what comes up to it)
			const slugs = async (search: typeof searchDocuments) => (await search(app.database.db, { ...query, page: 3, pageSize: 7 })).items.map((item) => item.slug);
			expect(await slugs(searchDocuments)).toEqual(await slugs(listDocuments));
		}
	});

	it('counts the documents found per region and per organisation, each ignoring its own filter', async () => {
		const all = await searchDocuments(app.database.db, {});
		expect(all.facets.organisation).toEqual({ ocde: 2, 'universite-mohammed-v-rabat': 1 });
		const someRegion = Object.keys(all.facets.region)[0];
		const inRegion = await searchDocuments(app.database.db, { region: [someRegion] });
		expect(inRegion.total).toBe(all.facets.region[someRegion]);
		// the region's own counts stay those of the whole library: another region can be chosen instead
		expect(inRegion.facets.region).toEqual(all.facets.region);
		expect((await searchDocuments(app.database.db, { organisation: ['ocde'] })).facets.organisation).toEqual(all.facets.organisation);
	});

	it('filters by linked record: the documents linking to any of them, each facet counting within them', async () => {
		const found = await searchDocuments(app.database.db, { linked: ['atlas.initiative:sharaka-composante-1'] });
		expect(found.items.map((item) => item.slug).sort()).toEqual(['index-000032', 'index-000033', 'index-000050']);
		expect(Object.values(found.facets.type).reduce((sum, n) => sum + n, 0)).toBe(3);
		// a link added later is seen at the next search
		await app.database.db.execute(sql`update knowledge.document set links = '["atlas.initiative:sharaka-composante-1"]' where slug = 'index-000034'`);
		expect((await searchDocuments(app.database.db, { linked: ['atlas.initiative:sharaka-composante-1'] })).total).toBe(4);
		expect((await listDocuments(app.database.db, { linked: ['atlas.initiative:sharaka-composante-1'] })).total).toBe(4);
	});

	it('lists real documents before samples, the best match first, with the page that answers', async () => {
		const found = await searchDocuments(app.database.db, { q: 'migrants saisonnières' });
		expect(found.items[0].slug).toBe('index-000050');
		// the words are on different pages: a page with one of them answers
		expect(found.items[0].snippet?.text).toContain('\uE000');
		const both = await searchDocuments(app.database.db, { q: 'saisonnieres huelva' });
		expect(both.items.map((item) => [item.slug, item.snippet?.page])).toEqual([['index-000050', 4]]);
		const real = found.items.filter((item) => !item.isSample).length;
		expect(found.items.slice(0, real).every((item) => !item.isSample)).toBe(true);
		// among samples: those whose title holds the words come before those whose pages only do
		const samples = (await searchDocuments(app.database.db, { q: 'coopératives féminines', pageSize: 100 })).items.filter((item) => item.isSample);
		const inTitle = samples.map((item) => /coopératives/.test(item.title.fr ?? ''));
		expect(inTitle.indexOf(false)).toBeGreaterThan(0);
		expect(inTitle.slice(inTitle.indexOf(false)).includes(true)).toBe(false);
	});

	it('takes each snippet from the page holding the most of the words, as SQL does, in a long text too', async () => {
		const query = { q: 'coopératives féminines soins', pageSize: 100 };
		const pages = async (search: typeof searchDocuments) => new Map((await search(app.database.db, query)).items.map((item) => [item.slug, item.snippet?.page ?? null]));
		const fromIndex = await pages(searchDocuments);
		const fromSql = await pages(listDocuments);
		const shared = [...fromIndex.keys()].filter((slug) => fromSql.has(slug));
		expect(shared.length).toBeGreaterThan(10);
		expect(shared.map((slug) => fromIndex.get(slug))).toEqual(shared.map((slug) => fromSql.get(slug)));
		// 70 pages: the index knows the part of the text (pages 57–59 of 70), the database the page
		const [long] = await app.database.db.select({ id: document.id }).from(document).where(eq(document.slug, 'index-000020'));
		await app.database.db.delete(documentPage).where(eq(documentPage.documentId, long.id));
		await app.database.db.insert(documentPage).values(
			Array.from({ length: 70 }, (_, index) => ({ documentId: long.id, page: index + 1, text: index + 1 === 58 ? 'Le rapport sur les transhumances pastorales.' : 'Une page sans le mot cherché.' }))
		);
		const found = await searchDocuments(app.database.db, { q: 'transhumances pastorales' });
		expect(found.items.map((item) => [item.slug, item.snippet?.page])).toEqual([['index-000020', 58]]);
	});

	it('marks the words of a long page where they are, far into the page', async () => {
		const [long] = await app.database.db.select({ id: document.id }).from(document).where(eq(document.slug, 'index-000021'));
		await app.database.db.delete(documentPage).where(eq(documentPage.documentId, long.id));
		const filler = (n: number) => 'Une phrase ordinaire du rapport sans rien de particulier. '.repeat(n);
		const arabicFiller = (n: number) => 'جملة عادية من التقرير بلا شيء خاص. '.repeat(n);
		await app.database.db.insert(documentPage).values([
			{ documentId: long.id, page: 1, text: `${filler(80)}Les apicultrices de la vallée exportent leur miel. ${filler(10)}` },
			{ documentId: long.id, page: 2, text: `${filler(40)}${arabicFiller(20)}تصدر النحالات عسلهن إلى الخارج. ${arabicFiller(40)}` }
		]);
		const french = await searchDocuments(app.database.db, { q: 'apicultrices' });
		expect(french.items.map((item) => item.slug)).toEqual(['index-000021']);
		expect(french.items[0].snippet?.text).toContain('\uE000apicultrices\uE001');
		const arabic = await searchDocuments(app.database.db, { q: 'النحالات' });
		expect(arabic.items[0].snippet).toMatchObject({ page: 2, text: expect.stringContaining('\uE000النحالات\uE001') });
	});

	it('answers a phrase page by page through SQL', async () => {
		const { fromIndex, fromSql } = await both({ q: '"égalité salariale"' });
		expect(fromIndex.items.map((item) => item.slug)).toEqual(['index-000050']);
		expect(fromSql.total).toBe(1);
		// the two words on different pages are no phrase
		expect((await searchDocuments(app.database.db, { q: '"saisonnières migrants"' })).total).toBe(0);
	});

	it('sees every write at the next search: a new text, a changed title, a removed document', async () => {
		const db = app.database.db;
		expect((await searchDocuments(db, { q: 'palmeraies' })).total).toBe(0);
		const [target] = await db.select({ id: document.id }).from(document).where(eq(document.slug, 'index-000010'));
		await db.insert(documentPage).values({ documentId: target.id, page: 9, text: 'Les palmeraies du Drâa-Tafilalet' });
		expect((await searchDocuments(db, { q: 'palmeraies' })).items.map((item) => item.slug)).toEqual(['index-000010']);
		await db.delete(documentPage).where(eq(documentPage.documentId, target.id));
		expect((await searchDocuments(db, { q: 'palmeraies' })).total).toBe(0);
		await db
			.update(document)
			.set({ title: { fr: 'Les oasis et la migration' }, searchText: sql`search_normalise('Les oasis et la migration')` })
			.where(eq(document.id, target.id));
		expect((await searchDocuments(db, { q: 'oasis' })).items.map((item) => item.slug)).toEqual(['index-000010']);
		const before = (await searchDocuments(db, {})).total;
		await db.delete(document).where(eq(document.id, target.id));
		expect((await searchDocuments(db, {})).total).toBe(before - 1);
		expect((await searchDocuments(db, { q: 'oasis' })).total).toBe(0);
		const { fromIndex, fromSql } = await both({ q: 'migrants' });
		expect(fromIndex.total).toBe(fromSql.total);
	});
});
