// The in-memory read model answers exactly what the SQL reference answers, for the demo Atlas plus
// generated initiatives, over filters of every kind, searches in French and Arabic, sorts and pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { InitiativeQuery, statsDimensions, type InitiativeFilters } from './atlas.schemas.ts';
import { atlasStats, searchInitiatives, updateInitiative } from './initiative.service.ts';
import { currentData } from './import/apply.ts';
import { loadAtlasDemoData } from './atlas.data.ts';
import { generateInitiatives } from './generate.ts';
import { AtlasReadModel, normalisedWords } from './atlas-read-model.ts';
import { atlasReads } from './atlas-reads.ts';

let app: TestApp;
let model: AtlasReadModel;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadAtlasDemoData(app.database.db);
	await generateInitiatives(contextFor(app.database.db, null), 400, { prefix: 'modele', seed: 7 });
	model = await AtlasReadModel.load(app.database.db);
}, 120_000);
afterAll(() => app.close());

/** Facets compared as counts: equal counts may come in another order of keys (collations differ). */
function comparable<T extends { facets: Record<string, { key: string; count: number }[]> }>(result: T) {
	const facets = Object.fromEntries(
		Object.entries(result.facets).map(([name, rows]) => [name, [...rows].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))])
	);
	return { ...result, facets };
}

const queries: Record<string, unknown>[] = [
	{},
	{ q: 'migration' },
	{ q: 'migrants retour', sort: 'updated' },
	{ q: 'الهجرة' },
	{ q: 'Réintégration' },
	{ theme: 'diaspora_investment,immigrant_integration' },
	{ region: 'MA-01' },
	{ region: 'MA-01', national: 'exclude' },
	{ province: 'MA-TNG' },
	{ region: 'MA-09', province: 'MA-AGD' },
	{ status: 'ongoing', target: 'youth' },
	{ country: 'DE,FR,BE' },
	{ funder: 'giz' },
	{ funder: 'giz', implementer: 'anapec' },
	{ from: 2015, to: 2020 },
	{ from: 2015, to: 2016, undated: 'include' },
	{ undated: 'only' },
	{ components: 'exclude', sort: 'budget' },
	{ q: 'sharaka', components: 'include' },
	{ budgetMin: 500_000 },
	{ budgetMin: 100_000, budgetMax: 2_000_000, sort: 'budget' },
	{ sample: 'exclude' },
	{ sample: 'only', sort: 'budget', page: 2 },
	{ q: 'emploi', region: 'MA-06', page: 2, pageSize: 5 },
	{ theme: 'legal_migration', sort: 'updated', page: 3, pageSize: 10 }
];

describe('the Atlas read model', () => {
	it('holds every initiative', () => {
		expect(model.size).toBeGreaterThan(400);
	});

	for (const raw of queries) {
		it(`lists what the SQL lists: ${JSON.stringify(raw)}`, async () => {
			const query = InitiativeQuery.parse(raw);
			const fromSql = await searchInitiatives(app.database.db, query);
			const fromModel = model.search(query, await normalisedWords(app.database.db, query.q));
			expect(fromSql.total, 'a query that finds nothing proves nothing').toBeGreaterThan(0);
			expect(comparable(fromModel)).toEqual(comparable(fromSql));
		});
	}

	it('sorts by title and by start year as the SQL does, in each language', async () => {
		for (const lang of ['fr', 'ar', 'en'] as const) {
			for (const sort of ['title', 'start'] as const) {
				const query = InitiativeQuery.parse({ q: 'migration', region: 'MA-01', sort, pageSize: 100, lang });
				const fromSql = await searchInitiatives(app.database.db, { ...query, lang });
				const fromModel = model.search({ ...query, lang }, await normalisedWords(app.database.db, query.q));
				expect(fromModel.total).toBe(fromSql.total);
				expect(fromSql.total, 'one page holds them all').toBeLessThanOrEqual(100);
				expect(new Set(fromModel.items.map((item) => item.id))).toEqual(new Set(fromSql.items.map((item) => item.id)));
				if (sort === 'start') expect(fromModel.items.map((item) => item.startYear)).toEqual(fromSql.items.map((item) => item.startYear));
			}
		}
	});

	const statsFilters: Partial<InitiativeFilters>[] = [
		{},
		{ sample: 'exclude' },
		{ theme: ['legal_migration'] },
		{ q: 'migration', region: ['MA-01'] },
		{ funder: ['giz'] },
		{ from: 2016, undated: 'include' },
		{ components: 'exclude', sample: 'exclude' },
		{ q: 'composante' }
	];
	for (const filters of statsFilters) {
		it(`counts and sums what the SQL counts and sums: ${JSON.stringify(filters)}`, async () => {
			for (const by of statsDimensions) {
				const fromSql = await atlasStats(app.database.db, by, filters);
				const fromModel = model.stats(by, filters, await normalisedWords(app.database.db, filters.q));
				const sorted = (rows: typeof fromSql.rows) => (['theme', 'target', 'country', 'status'].includes(by) ? [...rows].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)) : rows);
				expect(sorted(fromModel.rows), by).toEqual(sorted(fromSql.rows));
			}
		});
	}

	it('is rebuilt when the data changes: the very next read shows a change', async () => {
		const reads = await atlasReads(app);
		const before = await reads.search(InitiativeQuery.parse({ q: 'Vérification-du-modèle' }));
		expect(before.total).toBe(0);
		const [first] = (await searchInitiatives(app.database.db, InitiativeQuery.parse({ sample: 'only', pageSize: 1 }))).items;
		const current = (await currentData(app.database.db, first.id))!;
		await updateInitiative(contextFor(app.database.db, null), first.id, { ...current.data, title: { ...current.data.title, fr: 'Vérification-du-modèle en mémoire' } });
		const after = await (await atlasReads(app)).search(InitiativeQuery.parse({ q: 'Vérification-du-modèle' }));
		expect(after.items.map((item) => item.id)).toEqual([first.id]);
	});
});
