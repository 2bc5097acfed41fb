// The library's filter by linked record and an Atlas programme made of components (issue #14): choosing
// SHARAKA finds the documents linked to it and to its components (and to PRIMO, a pilot of component 1),
// its count says as much, and the search index answers as the SQL reference does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { linkWholes, resolveLinks } from '../../platform/kernel/links.ts';
import { proposeNew } from '../../platform/moderation/moderation.service.ts';
import { documentProposals, documentsForExport, listDocuments, searchDocuments } from './document.service.ts';
import type { DocumentListQuery } from './knowledge.schemas.ts';

let app: TestApp;

const SHARAKA = 'atlas.initiative:sharaka';
const C1 = 'atlas.initiative:sharaka-composante-1-migration-developpement';
const C4 = 'atlas.initiative:sharaka-composante-4-reintegration-mre';
const PRIMO = 'atlas.initiative:primo-oriental';

/** The slugs of the documents linking to any of these, straight from the table. */
async function linkingTo(values: string[]): Promise<string[]> {
	const rows = await app.database.db.execute(sql`select slug from knowledge.document where links ?| ${`{${values.join(',')}}`}::text[] order by slug`);
	return (rows as unknown as { rows: { slug: string }[] }).rows.map((row) => row.slug);
}

/** Every slug a query finds, by both ways (the index and the SQL reference), with their facets and parts. */
async function both(query: Partial<DocumentListQuery>) {
	const [fromIndex, fromSql] = await Promise.all([searchDocuments(app.database.db, { ...query, pageSize: 100 }), listDocuments(app.database.db, { ...query, pageSize: 100 })]);
	return { fromIndex, fromSql, slugs: fromIndex.items.map((item) => item.slug).sort() };
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	// a study linked only to PRIMO, the pilot of component 1
	const editor = await aPerson(app.database.db, { role: 'moderator' });
	await proposeNew(contextFor(app.database.db, editor), documentProposals, {
		title: { fr: 'Étude sur le pilote PRIMO dans l’Oriental' },
		type: 'study',
		year: 2024,
		languages: ['fr'],
		externalUrl: 'https://example.org/primo',
		links: [PRIMO]
	});
});
afterAll(async () => app?.close());

describe('the filter by linked record, for a programme made of components', () => {
	it('knows through the Atlas which programmes an initiative is part of, nearest first', async () => {
		const wholes = await linkWholes(app.database.db, [PRIMO, C4, SHARAKA, 'strategy.action:x/1']);
		expect(wholes.get(PRIMO)).toEqual([C1, SHARAKA]);
		expect(wholes.get(C4)).toEqual([SHARAKA]);
		// SHARAKA is part of nothing; an action has no wholes
		expect([...wholes.keys()].sort()).toEqual([C4, PRIMO].sort());
	});

	it('sees a component moved in the Atlas at the next question, though the answer is kept between writes', async () => {
		const db = app.database.db;
		const first = await linkWholes(db, [PRIMO, C4]);
		first.get(C4)!.push('changed by a caller'); // an answer is the caller's: the next one is not touched
		expect((await linkWholes(db, [PRIMO, C4])).get(C4)).toEqual([SHARAKA]);
		const parentOf = async (slug: string) => (await db.execute(sql`select parent_id from atlas.initiative where slug = ${slug}`)) as unknown as { rows: { parent_id: string }[] };
		const before = (await parentOf('sharaka-composante-4-reintegration-mre')).rows[0]!.parent_id;
		await db.execute(sql`update atlas.initiative set parent_id = (select id from atlas.initiative where slug = 'sharaka-composante-1-migration-developpement') where slug = 'sharaka-composante-4-reintegration-mre'`);
		try {
			expect((await linkWholes(db, [PRIMO, C4])).get(C4)).toEqual([C1, SHARAKA]);
		} finally {
			await db.execute(sql`update atlas.initiative set parent_id = ${before} where slug = 'sharaka-composante-4-reintegration-mre'`);
		}
		expect((await linkWholes(db, [PRIMO, C4])).get(C4)).toEqual([SHARAKA]);
	});

	it('names a renamed initiative by its new title at the next question, though names are kept between writes', async () => {
		const db = app.database.db;
		const titleOf = async () => (await resolveLinks(db, [C4, SHARAKA], 'fr')).find((link) => link.value === C4)!.label;
		const before = await titleOf();
		expect(await titleOf()).toBe(before);
		await db.execute(sql`update atlas.initiative set title = jsonb_set(title, '{fr}', '"Réintégration des MRE (renommée)"') where slug = 'sharaka-composante-4-reintegration-mre'`);
		try {
			expect(await titleOf()).toBe('Réintégration des MRE (renommée)');
		} finally {
			await db.execute(sql`update atlas.initiative set title = jsonb_set(title, '{fr}', ${JSON.stringify(before)}::jsonb) where slug = 'sharaka-composante-4-reintegration-mre'`);
		}
		expect(await titleOf()).toBe(before);
	});

	it('finds for SHARAKA the documents linked to it, to its components and to their pilots, counted so; the index answers as SQL', async () => {
		// SHARAKA and every initiative below it in the Atlas (its components, their pilots)
		const below = await app.database.db.execute(sql`with recursive below(id, slug) as (
			select id, slug from atlas.initiative where slug = 'sharaka'
			union all select i.id, i.slug from atlas.initiative i join below b on i.parent_id = b.id) select slug from below`);
		const family = (below as unknown as { rows: { slug: string }[] }).rows.map((row) => `atlas.initiative:${row.slug}`);
		expect(family).toEqual(expect.arrayContaining([SHARAKA, C1, C4, PRIMO]));
		const expected = await linkingTo(family);
		const direct = await linkingTo([SHARAKA]);
		const { fromIndex, fromSql, slugs } = await both({ linked: [SHARAKA] });
		expect(direct.length).toBeLessThan(expected.length);
		expect(slugs).toEqual(expected);
		expect(slugs).toContain('etude-sur-le-pilote-primo-dans-l-oriental');
		expect(fromIndex.total).toBe(expected.length);
		// its count beside the choice is what choosing it finds; a component keeps its own
		expect(fromIndex.facets.linked[SHARAKA]).toBe(expected.length);
		expect(fromIndex.facets.linked[C4]).toBe((await linkingTo([C4])).length);
		expect(fromIndex.parts[SHARAKA]).toEqual(expect.arrayContaining([C1, C4, PRIMO]));
		expect(fromIndex.parts[C1]).toEqual([PRIMO]);
		expect(fromIndex.parts[C4]).toBeUndefined();
		// the SQL reference: the same documents, total, facets and parts
		expect(fromSql.items.map((item) => item.slug).sort()).toEqual(slugs);
		expect(fromSql.total).toBe(fromIndex.total);
		expect(fromSql.facets).toEqual(fromIndex.facets);
		expect(fromSql.parts).toEqual(fromIndex.parts);
	});

	it('finds for a component its pilot’s documents too, and for a component without parts only its own', async () => {
		const c1 = await both({ linked: [C1] });
		expect(c1.slugs).toEqual(await linkingTo([C1, PRIMO]));
		expect(c1.fromIndex.facets.linked[C1]).toBe(c1.slugs.length);
		const c4 = await both({ linked: [C4] });
		expect(c4.slugs).toEqual(await linkingTo([C4]));
		expect(c4.fromSql.items.map((item) => item.slug).sort()).toEqual(c4.slugs);
	});

	it('keeps the other filters: a type with SHARAKA counts each document once, in the index as in SQL; the export follows the filter', async () => {
		const reports = await both({ linked: [SHARAKA], type: ['report'] });
		expect(reports.slugs.length).toBeGreaterThan(0);
		expect(reports.fromIndex.items.every((item) => item.type === 'report')).toBe(true);
		// the linked facet ignores its own filter: SHARAKA counts the reports linked to it or its parts
		expect(reports.fromIndex.facets.linked[SHARAKA]).toBe(reports.slugs.length);
		expect(reports.fromSql.facets).toEqual(reports.fromIndex.facets);
		// the type facet counts what SHARAKA's filter (with its parts) finds
		expect(reports.fromIndex.facets.type.study).toBe((await both({ linked: [SHARAKA], type: ['study'] })).fromIndex.total);
		const exported = await documentsForExport(app.database.db, { linked: [SHARAKA], type: ['report'] });
		expect(exported.map((row) => row.slug).sort()).toEqual(reports.slugs);
	});

	it('answers words with the filter as SQL does', async () => {
		const found = await both({ linked: [SHARAKA], q: 'Oriental' });
		expect(found.slugs).toContain('etude-sur-le-pilote-primo-dans-l-oriental');
		expect(found.fromSql.items.map((item) => item.slug).sort()).toEqual(found.slugs);
		expect(found.fromSql.facets.linked).toEqual(found.fromIndex.facets.linked);
	});
});
