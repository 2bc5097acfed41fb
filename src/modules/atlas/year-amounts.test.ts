// Statistics by year (issue 17, rule 5): an initiative's amounts by year where the source gives them, else its
// budget spread evenly over its active years — never its whole budget in every year, never a budget twice —
// with the same figures in the SQL statistics (dashboard and its CSV), the read model (API) and the page's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { contextFor } from '#platform/testing/people.ts';
import { GET as statsEndpoint } from '#modules/atlas/routes/api/v1/atlas/stats/+server.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import type { InitiativeInput } from './atlas.schemas.ts';
import { atlasStats, createInitiative, type StatsRow } from './initiative.service.ts';
import { AtlasReadModel, normalisedWords } from './atlas-read-model.ts';
import { dashboardData } from './web/atlas-pages.server.ts';
import { chartTable } from './web/dashboard-tables.ts';
import { centsByYear } from './year-amounts.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;

/** 2021's approximate MAD rate of the seeds (units for one euro): the start year's, as for the budgets. */
const MAD_2021 = 10.63;
const eur = (mad: number) => Math.round((mad / MAD_2021) * 100) / 100;

const base = (slug: string, title: string, fields: Partial<InitiativeInput>): InitiativeInput => ({
	slug,
	title: { fr: `Quokka ${title}` },
	status: 'ongoing',
	regions: ['MA-04'],
	themes: ['diaspora_skills'],
	sources: [{ citation: 'Fiche de test' }],
	...fields
});

const initiatives: InitiativeInput[] = [
	// no amount by year: 1,000,000 € over 2021–2024, a quarter each year
	base('quokka-sans-annees', 'sans montants par année', { plannedStart: '2021-01-01', plannedEnd: '2024-12-31', budget: { total: 1_000_000, currency: 'EUR' } }),
	// its own budget by year (the funder's years beside are parts of the same budget: not added)
	base('quokka-annees-propres', 'budget par année', {
		plannedStart: '2021-01-01',
		plannedEnd: '2024-12-31',
		budget: { total: 1_000_000, currency: 'EUR' },
		organisations: [{ organisation: 'union-europeenne', role: 'funder', amount: 800_000, currency: 'EUR' }],
		yearlyAmounts: [
			{ organisation: null, year: 2021, amount: 300_000, currency: 'EUR' },
			{ organisation: null, year: 2022, amount: 700_000, currency: 'EUR' },
			{ organisation: 'union-europeenne', year: 2021, amount: 400_000, currency: 'EUR' }
		]
	}),
	// a budget in dirhams, the funders' years in euros and dirhams: what they leave goes to the year without any
	base('quokka-bailleurs-mad', 'bailleurs en deux devises', {
		plannedStart: '2021-03',
		plannedEnd: '2023-12',
		budget: { total: 3_000_000, currency: 'MAD' },
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder', amount: 150_000, currency: 'EUR' },
			{ organisation: 'giz', role: 'funder', amount: 1_000_000, currency: 'MAD' }
		],
		yearlyAmounts: [
			{ organisation: 'union-europeenne', year: 2021, amount: 150_000, currency: 'EUR' },
			{ organisation: 'giz', year: 2022, amount: 1_000_000, currency: 'MAD' }
		]
	}),
	// 40 % in Morocco: its years count 40 % too
	base('quokka-part-maroc', 'part du Maroc', {
		startYear: 2022,
		endYear: 2023,
		nationalScope: true,
		countries: ['SN'],
		moroccoShare: 40,
		countryShares: [{ country: 'SN', percentage: 60 }],
		budget: { total: 500_000, currency: 'EUR' },
		yearlyAmounts: [{ organisation: null, year: 2022, amount: 200_000, currency: 'EUR' }]
	}),
	// no budget: the year given counts, the other active years count it as "amount unknown"
	base('quokka-sans-budget', 'sans budget', { startYear: 2022, endYear: 2024, yearlyAmounts: [{ organisation: null, year: 2023, amount: 60_000, currency: 'EUR' }] }),
	// an amount after the end: counted in its year, the initiative with it
	base('quokka-apres-la-fin', 'versement après la fin', {
		startYear: 2021,
		endYear: 2021,
		budget: { total: 100_000, currency: 'EUR' },
		yearlyAmounts: [
			{ organisation: null, year: 2021, amount: 90_000, currency: 'EUR' },
			{ organisation: null, year: 2025, amount: 10_000, currency: 'EUR' }
		]
	}),
	// 100 € over three years: to the cent, the first year takes the cent left
	base('quokka-centimes', 'centimes', { startYear: 2021, endYear: 2023, budget: { total: 100, currency: 'EUR' } })
];

/** What each initiative adds to each year (EUR), as the rule says. */
const rest = eur(3_000_000) - 150_000 - eur(1_000_000);
const expected: Record<string, Record<number, number | null>> = {
	'quokka-sans-annees': { 2021: 250_000, 2022: 250_000, 2023: 250_000, 2024: 250_000 },
	'quokka-annees-propres': { 2021: 300_000, 2022: 700_000, 2023: 0, 2024: 0 },
	'quokka-bailleurs-mad': { 2021: 150_000, 2022: eur(1_000_000), 2023: Math.round(rest * 100) / 100 },
	'quokka-part-maroc': { 2022: 80_000, 2023: 120_000 },
	'quokka-sans-budget': { 2022: null, 2023: 60_000, 2024: null },
	'quokka-apres-la-fin': { 2021: 90_000, 2025: 10_000 },
	'quokka-centimes': { 2021: 33.34, 2022: 33.33, 2023: 33.33 }
};

function event(path: string, params: Record<string, string> = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		request: new Request(url),
		url,
		params,
		locals: { language: 'fr', user: null, audit: { actorUserId: null, actorLabel: null, channel: 'api' } }
	} as unknown as RequestEvent;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	for (const input of initiatives) await createInitiative(contextFor(app.database.db, null), input);
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

/** The year rows of the statistics for one initiative (or all of them), keyed by year. */
const years = (rows: StatsRow[]) => Object.fromEntries(rows.filter((row) => row.count > 0).map((row) => [row.key, { count: row.count, budgetEur: row.budgetEur, budgetUnknown: row.budgetUnknown }]));

describe('the rule, year by year', () => {
	it('spreads a budget evenly to the cent, places the years given, leaves what they leave to the others, and says unknown without a budget', () => {
		expect([...centsByYear(2021, 2024, 2026, 100_000_000, []).entries()]).toEqual([
			[2021, 25_000_000],
			[2022, 25_000_000],
			[2023, 25_000_000],
			[2024, 25_000_000]
		]);
		expect([...centsByYear(2021, 2023, 2026, 10_000, []).values()]).toEqual([3334, 3333, 3333]);
		// every active year given and something left: over all of them
		expect([...centsByYear(2021, 2022, 2026, 1000, [{ year: 2021, cents: 400 }, { year: 2022, cents: 400 }]).values()]).toEqual([500, 500]);
		// the years given add up to more than the budget: as given, nothing more
		expect([...centsByYear(2021, 2022, 2026, 500, [{ year: 2021, cents: 400 }, { year: 2022, cents: 400 }]).values()]).toEqual([400, 400]);
		expect([...centsByYear(2022, 2024, 2026, null, [{ year: 2023, cents: 6000 }]).entries()]).toEqual([
			[2022, null],
			[2023, 6000],
			[2024, null]
		]);
		// no end: active until this year; starting after this year: its start year
		expect([...centsByYear(2024, null, 2026, 300, []).keys()]).toEqual([2024, 2025, 2026]);
		expect([...centsByYear(2030, null, 2026, 300, []).entries()]).toEqual([[2030, 300]]);
	});
});

describe('statistics by year (SQL, read model, API, dashboard and its CSV)', () => {
	for (const [slug, byYear] of Object.entries(expected)) {
		it(`counts ${slug} in its years with its amounts by year, else its budget spread`, async () => {
			const filters = { q: initiatives.find((entry) => entry.slug === slug)!.title.fr!, sample: 'include' as const };
			const fromSql = await atlasStats(app.database.db, 'year', filters);
			const want = Object.fromEntries(
				Object.entries(byYear).map(([year, amount]) => [year, { count: 1, budgetEur: amount ?? 0, budgetUnknown: amount === null ? 1 : 0 }])
			);
			expect(years(fromSql.rows)).toEqual(want);
			const model = await AtlasReadModel.load(app.database.db);
			expect(model.stats('year', filters, await normalisedWords(app.database.db, filters.q)).rows).toEqual(fromSql.rows);
		});
	}

	it('never counts a budget twice: the years of each initiative add up to what it counts elsewhere', async () => {
		const filters = { q: 'Quokka', sample: 'include' as const };
		const byYear = (await atlasStats(app.database.db, 'year', filters)).rows;
		const byStatus = (await atlasStats(app.database.db, 'status', filters)).rows;
		const total = byYear.reduce((sum, row) => sum + row.budgetEur, 0);
		// the one amount beyond the budgets: the 60,000 € given for a year of an initiative whose budget is not known
		expect(Math.round(total * 100) / 100).toBe(Math.round(byStatus.reduce((sum, row) => sum + row.budgetEur, 0) * 100) / 100 + 60_000);
		expect(byYear.find((row) => row.key === '2022')).toMatchObject({ count: 6, budgetUnknown: 1 });
	});

	it('gives the same figures through the API (read model), the dashboard’s data and its CSV (SQL)', async () => {
		const response = await statsEndpoint(event('/api/v1/atlas/stats?by=year&q=Quokka&sample=include'));
		expect(response.status).toBe(200);
		const api = (await response.json()) as { rows: StatsRow[] };
		const fromSql = await atlasStats(app.database.db, 'year', { q: 'Quokka', sample: 'include' });
		expect(api.rows).toEqual(fromSql.rows);
		const board = await dashboardData(app.database.db, { q: 'Quokka', sample: 'include' });
		const row2023 = board.years.find((row) => row.year === 2023)!;
		expect(row2023).toEqual({ year: 2023, ...years(fromSql.rows)['2023'] });
		// the CSV the dashboard's years.csv sends (its route only parses the filters and answers this)
		const csv = toCsv(chartTable('fr', 'years', board));
		const line = csv.split(/\r?\n/).find((entry) => entry.startsWith('2023,'))!;
		expect(line.split(',').map(Number)).toEqual([2023, row2023.count, row2023.budgetEur, row2023.budgetUnknown]);
	});
});
