import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '#platform/testing/people.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { sql } from 'drizzle-orm';
import { createInitiative, createInitiatives, searchInitiatives } from '#modules/atlas/initiative.service.ts';
import { InitiativeQuery } from '#modules/atlas/atlas.schemas.ts';
import { initiativeThemes } from '#modules/atlas/atlas.model.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { dashboardData, organisationAtlas, organisationOptions, ORGANISATION_PAGE_SIZE } from './atlas-pages.server.ts';
import { chartTable } from './dashboard-tables.ts';

let app: TestApp;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => app?.close());

async function addInitiative(slug: string, over: Record<string, unknown> = {}) {
	await createInitiative(contextFor(app.database.db, null), {
		slug,
		title: { fr: `Initiative ${slug}` },
		status: 'ongoing',
		sources: [{ citation: 'Test' }],
		regions: ['MA-11'],
		themes: ['south_south'],
		startYear: 2031,
		endYear: 2032,
		budget: { total: 1_000_000, currency: 'EUR' },
		organisations: [
			{ organisation: 'giz', role: 'funder', amount: 600_000, currency: 'EUR' },
			{ organisation: 'anapec', role: 'implementer' }
		],
		...over
	});
}

describe('an organisation’s Atlas page', () => {
	it('groups its initiatives by role with totals: distinct initiatives, their budget in EUR, its own contributions', async () => {
		const eu = await organisationAtlas(app.database.db, 'union-europeenne');
		expect(eu.organisation.name).toBe('Union européenne');
		const funded = eu.groups.find((group) => group.role === 'funder')!;
		const sharaka = funded.initiatives.find((item) => item.slug === 'sharaka')!;
		expect(sharaka.contributionEur).toBe(5_000_000);
		expect(sharaka.budgetEur).toBe(5_271_000);
		const all = new Set(eu.groups.flatMap((group) => group.initiatives.map((item) => item.slug)));
		expect(eu.totals.initiatives).toBe(all.size);
		expect(eu.totals.contributionEur).toBe(funded.initiatives.reduce((sum, item) => sum + (item.contributionEur ?? 0), 0));
		// roles come in the fixed order, and only those the organisation has
		const order = ['funder', 'implementer', 'partner', 'beneficiary'];
		expect(eu.groups.map((group) => order.indexOf(group.role))).toEqual([...eu.groups.map((group) => order.indexOf(group.role))].sort());
	});

	it('counts an initiative once even when the organisation holds two roles in it', async () => {
		await addInitiative('two-roles', { organisations: [{ organisation: 'giz', role: 'funder', amount: 100, currency: 'EUR' }, { organisation: 'giz', role: 'implementer' }] });
		const before = await organisationAtlas(app.database.db, 'giz');
		const roles = before.groups.filter((group) => group.initiatives.some((item) => item.slug === 'two-roles')).map((group) => group.role);
		expect(roles).toEqual(['funder', 'implementer']);
		const slugs = new Set(before.groups.flatMap((group) => group.initiatives.map((item) => item.slug)));
		expect(before.totals.initiatives).toBe(slugs.size);
	});

	it('lists a large funder’s initiatives page by page, with totals over all of them', async () => {
		// an organisation of its own, so that every count below is known
		const funder = 'fondation-de-test';
		await app.database.db.execute(sql`insert into organisation (slug, name, type, country) values (${funder}, 'Fondation de test', 'foundation', 'MA')`);
		const inputs = Array.from({ length: ORGANISATION_PAGE_SIZE + 5 }, (_, index) => ({
			slug: `large-funder-${String(index).padStart(3, '0')}`,
			title: { fr: `Programme ${String(index).padStart(3, '0')}` },
			status: 'ongoing' as const,
			sources: [{ citation: 'Test' }],
			plannedStart: `${2000 + (index % 20)}-01-01`,
			budget: { total: 1000, currency: 'EUR' },
			organisations: [{ organisation: funder, role: 'funder' as const, amount: 100, currency: 'EUR' }]
		}));
		await createInitiatives(contextFor(app.database.db, null), inputs);

		const overview = await organisationAtlas(app.database.db, funder);
		const funded = overview.groups.find((group) => group.role === 'funder')!;
		expect(funded.count).toBe(inputs.length);
		expect(funded.initiatives).toHaveLength(ORGANISATION_PAGE_SIZE);
		expect(overview.totals).toEqual({ initiatives: inputs.length, budgetEur: inputs.length * 1000, withoutBudget: 0, contributionEur: inputs.length * 100 });

		const second = await organisationAtlas(app.database.db, funder, { role: 'funder', page: 2 });
		expect(second.groups.map((group) => group.role)).toEqual(['funder']);
		expect(second.groups[0]!.initiatives).toHaveLength(5);
		const shown = new Set([...funded.initiatives, ...second.groups[0]!.initiatives].map((item) => item.slug));
		expect(shown.size).toBe(inputs.length); // no initiative twice, none left out
	});

	it('is not found for an unknown organisation', async () => {
		const failure = await organisationAtlas(app.database.db, 'no-such-organisation').catch((error: unknown) => error);
		expect(isAppError(failure) && failure.code).toBe('not_found');
	});

	it('lists funders and implementers for the filter form', async () => {
		const options = await organisationOptions(app.database.db);
		expect(options.funder.map((entry) => entry.slug)).toContain('union-europeenne');
		expect(options.implementer.length).toBeGreaterThan(0);
		expect(options.funder.every((entry) => entry.count > 0)).toBe(true);
	});
});

describe('the dashboard', () => {
	it('counts initiatives and budgets by region × theme, per year, by funder, and finds the gaps', async () => {
		const before = await dashboardData(app.database.db, {});
		const cell = (data: typeof before) => data.matrix.find((row) => row.region === 'MA-11')!.cells.find((entry) => entry.theme === 'south_south')!;
		await addInitiative('dash-one');
		await addInitiative('dash-two', { themes: ['south_south', 'research_data'] });
		const after = await dashboardData(app.database.db, {});
		expect(after.matrix).toHaveLength(12);
		expect(after.matrix[0].cells).toHaveLength(initiativeThemes.length);
		expect(cell(after).count - cell(before).count).toBe(2);
		expect(cell(after).budgetEur - cell(before).budgetEur).toBe(2_000_000);
		expect(after.years.find((row) => row.year === 2032)!.count).toBeGreaterThanOrEqual(2);
		// funders by the number of initiatives they fund, most first, at most 15; a share never split out
		// is counted as unknown, not as a zero contribution
		expect(after.funders.length).toBeLessThanOrEqual(15);
		expect(after.funders.map((row) => row.count)).toEqual([...after.funders.map((row) => row.count)].sort((a, b) => b - a));
		for (const row of after.funders) expect(row.budgetUnknown).toBeLessThanOrEqual(row.count);
		expect(after.funders.some((row) => row.budgetUnknown > 0 && row.budgetEur === 0)).toBe(true);
		expect(after.implementers.map((row) => row.slug)).toContain('anapec');
		// gaps: the three regions and themes with the fewest initiatives
		expect(after.gaps.regions).toHaveLength(3);
		const maxGap = Math.max(...after.gaps.regions.map((row) => row.count));
		const others = after.regions.filter((row) => !after.gaps.regions.some((gap) => gap.region === row.key));
		expect(others.every((row) => row.count >= maxGap)).toBe(true);
		expect(after.gaps.themes).toHaveLength(3);
	});

	it('says how many initiatives of unknown years a year filter leaves out', async () => {
		const data = await dashboardData(app.database.db, { from: 2015, to: 2016 });
		expect(data.undatedLeftOut).toBeGreaterThanOrEqual(3); // PRIMO, the IOM programme, the Tunisian platform…
		expect((await dashboardData(app.database.db, { from: 2015, to: 2016, undated: 'include' })).undatedLeftOut).toBe(0);
	});

	it('applies the filters (region, theme, years)', async () => {
		const data = await dashboardData(app.database.db, { region: ['MA-11'], theme: ['south_south'], from: 2031, to: 2032 });
		expect(data.matrix.map((row) => row.region)).toEqual(['MA-11']);
		expect(data.themes.map((row) => row.theme)).toEqual(['south_south']);
		expect(data.matrix[0].cells[0].count).toBeGreaterThanOrEqual(2);
		expect(data.years.filter((row) => row.year < 2031).every((row) => row.count === 0)).toBe(true);
	});

	it('gives each chart as a table with a header row in the page language', async () => {
		const data = await dashboardData(app.database.db, {});
		const fr = chartTable('fr', 'region-theme', data);
		expect(fr[0]).toEqual(['Code de la région', 'Région', 'Code de la thématique', 'Thématique', 'Initiatives', 'Budget (EUR)']);
		expect(fr).toHaveLength(1 + 12 * initiativeThemes.length);
		expect(fr).toContainEqual(expect.arrayContaining(['MA-11', 'south_south', 'Coopération Sud-Sud']));
		const ar = chartTable('ar', 'years', data);
		expect(ar[0]).toEqual(['السنة', 'المبادرات الجارية', 'الميزانية (باليورو)', 'مبادرات دون مبلغ معروف في هذه السنة']);
		// the years in order, then one row for the initiatives whose years are unknown
		expect(ar.slice(1).map((row) => row[0])).toEqual([...data.years.map((row) => row.year), 'سنة غير معروفة']);
		expect(ar.at(-1)![1]).toBe(data.undated.count);
		expect(data.undated.count).toBeGreaterThan(0);
		const statuses = chartTable('fr', 'statuses', data);
		expect(statuses[0]).toEqual(['Code', 'Nom', 'Initiatives', 'Budget (EUR)', 'Initiatives sans budget connu']);
		expect(statuses.slice(1).reduce((sum, row) => sum + Number(row[2]), 0)).toBe((await searchInitiatives(app.database.db, InitiativeQuery.parse({ pageSize: 1 }))).total);
		expect(chartTable('en', 'countries', data)).toContainEqual(expect.arrayContaining(['ML', 'Mali']));
		expect(chartTable('fr', 'targets', data)).toContainEqual(expect.arrayContaining(['retirees', 'Retraités']));
		expect(chartTable('en', 'gaps', data)).toHaveLength(1 + 3 + 3);
	});
});
