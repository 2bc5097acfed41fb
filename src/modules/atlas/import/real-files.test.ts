// Issue 17, "done when": a real publisher's file — the European Commission's (DG NEAR) activities in Morocco,
// as the IATI registry's portal served them (fixtures/real/README.md: source, licence, date) — read, previewed,
// imported by a moderator and by a partner, and counted: what the Atlas then says about Morocco, money,
// organisations, statuses and sectors.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { atlasStats, getInitiative } from '../initiative.service.ts';
import { parseIatiFile } from './iati/parse.ts';
import { applyEnvOf, applyImport, createIatiImport, getImport } from './import.service.ts';
import { isPlaceholderOrganisation, usableRef } from './organisations.ts';
import { communeByCode } from '../../../platform/geo/communes.ts';

const file = path.join(import.meta.dirname, 'fixtures', 'real', 'ec-near-ma-2021.xml');
const MIGRATION = 'XI-IATI-EC_NEAR-2016/39372/2';
const CONTRACT = 'XI-IATI-EC_NEAR-2017/394-756';
const SOCIAL = 'XI-IATI-EC_NEAR-2016/39842/1';
const SOUSS = 'XI-IATI-EC_NEAR-2020/421-662';

let app: TestApp;
let moderator: Actor;
let partner: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	partner = (await aPerson(app.database.db, { role: 'partner' })).actor;
}, 300_000);
afterAll(() => app?.close());

const importFile = async (actor: Actor) => {
	const ctx = contextFor(app.database.db, actor);
	const id = await createIatiImport(ctx, { fileName: 'ec-near-ma-2021.xml', body: fs.createReadStream(file) as unknown as AsyncIterable<Uint8Array> });
	return { ctx, id, view: await getImport(ctx, id, { pageSize: 100 }) };
};
const apply = async ({ ctx, id, view }: Awaited<ReturnType<typeof importFile>>) => {
	await applyImport(ctx, applyEnvOf(app), id, { only: { positions: view.activities.map((activity) => activity.position) } });
	await app.settle();
	return new Map((await getImport(ctx, id, { pageSize: 100 })).activities.map((activity) => [activity.iatiIdentifier, activity]));
};
const organisationNamed = async (name: string) =>
	((await app.database.db.execute(sql`select count(*)::int as n from organisation where name = ${name}`)) as unknown as { rows: { n: number }[] }).rows[0].n;

describe('a real publisher file: the European Commission in Morocco (DG NEAR, 2021)', () => {
	it('reads its four activities: titles as declared, statuses, dates, sectors, organisations, the money from the commitments', async () => {
		const parsed = await parseIatiFile(fs.createReadStream(file), { maxBytes: 50 * 1024 * 1024, maxActivities: 100 });
		expect(parsed.publishers).toEqual(['European Commission - DG Neighbourhood and Enlargement Negotiations']);
		const byId = new Map(parsed.activities.map((activity) => [activity.identifier, activity]));
		expect([...byId.keys()]).toEqual([MIGRATION, CONTRACT, SOCIAL, SOUSS]);
		const migration = byId.get(MIGRATION)!;
		// French text declared English by the publisher: kept as declared (a moderator corrects the language)
		expect(migration.title).toEqual({ en: "Programme d'appui aux politiques migratoires du Maroc" });
		expect(migration.activity!.input).toMatchObject({
			status: 'ongoing',
			actualStart: '2017-12-31',
			plannedEnd: '2020-12-19',
			// every budget is 0: the total is the 35 M€ commitment, and no year has an amount
			budget: { total: 35_000_000, currency: 'EUR' },
			yearlyAmounts: [],
			themes: []
		});
		expect(migration.concernsMorocco).toBe(true);
		expect(migration.preview.sectors).toEqual([{ vocabulary: '1', code: '15110' }]);
		expect(migration.problems.map((problem) => problem.code)).toEqual(['budgets_zero', 'organisation_placeholder', 'place_from_point', 'sector_not_mapped', 'no_theme']);
		expect(migration.problems.find((problem) => problem.code === 'organisation_placeholder')!.values).toEqual({ name: 'Recipient Government' });
		// the Commission as funder and extending organisation; "Recipient Government" (CRS channel 12000, or N/A) is no organisation
		expect(migration.activity!.organisations.map((entry) => [entry.ref, entry.names[0], entry.role])).toEqual([
			['XI-IATI-EC_NEAR', 'European Commission - Directorate-General for Neighbourhood and Enlargement Negotiations (NEAR)', 'funder'],
			['XI-IATI-EC_NEAR', 'European Commission - Directorate-General for Neighbourhood and Enlargement Negotiations (NEAR)', 'extending']
		]);
		// the contract has disbursements and planned disbursements, but no commitment nor budget of any size: unknown, not 0 €
		const contract = byId.get(CONTRACT)!;
		expect(contract.activity!.input.budget).toBeNull();
		expect(contract.problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(['budgets_zero', 'no_budget', 'organisation_placeholder']));
		// "EC_NEAR" with the identifier N/A: a name, no identifier
		expect(contract.activity!.organisations.find((entry) => entry.role === 'implementer')).toMatchObject({ ref: null, names: ['EC_NEAR'] });
		expect(byId.get(SOCIAL)!.activity!.input.budget).toEqual({ total: 100_000_000, currency: 'EUR' });
		expect(byId.get(SOCIAL)!.preview.sectors).toEqual([{ vocabulary: '1', code: '16010' }]);
		// the Souss-Massa grant names its places in its location's description, its only point being the EU Delegation in
		// Rabat: the region, the provinces and the commune it names are its places, not Rabat ("Taroudant" is written
		// "Taroudannt" by the HCP, "Ait-Aimra" "Ait Amira": not recognised)
		const souss = byId.get(SOUSS)!;
		expect(souss.activity!.input).toMatchObject({ regions: ['MA-09'], provinces: ['MA-TAT', 'MA-TIZ'], points: [], actualStart: '2021-03-01', plannedEnd: '2023-02-28' });
		expect(souss.activity!.input.communes!.map((code) => communeByCode(code)?.nameFr)).toEqual(['Oulad Teima']);
		expect(souss.problems.map((problem) => problem.code)).not.toContain('place_from_point');
		// the others' locations are described "Morocco" or "Maroc": the point places them in Rabat, with the warning to check it
		expect(migration.activity!.input).toMatchObject({ provinces: ['MA-RAB'], points: [{ lat: 34.0253, lon: -6.8361 }] });
		expect(migration.problems.find((problem) => problem.code === 'place_from_point')).toMatchObject({ severity: 'warning', values: { province: 'MA-RAB' } });
	});

	it('previews them in Morocco, none chosen at first (no theme to classify), none a likely duplicate', async () => {
		const { view } = await importFile(moderator);
		expect(view.activities.map((activity) => [activity.iatiIdentifier, activity.concernsMorocco, activity.chosen, activity.duplicates?.length ?? 0])).toEqual([
			[MIGRATION, true, false, 0],
			[CONTRACT, true, false, 0],
			[SOCIAL, true, false, 0],
			[SOUSS, true, false, 0]
		]);
	});

	it('publishes them for a moderator: the European Union as funder, no placeholder organisation, the money counted once by year', async () => {
		const outcomes = await apply(await importFile(moderator));
		expect([...outcomes.values()].map((activity) => activity.outcome)).toEqual(['created', 'created', 'created', 'created']);
		const migration = await getInitiative(app.database.db, outcomes.get(MIGRATION)!.initiative!.slug);
		expect(migration).toMatchObject({ status: 'ongoing', iatiIdentifier: MIGRATION, budget: { total: 35_000_000, currency: 'EUR', eur: 35_000_000 }, yearlyAmounts: [], themes: [] });
		expect(migration.organisations.map((entry) => [entry.slug, entry.role])).toEqual(
			expect.arrayContaining([
				['union-europeenne', 'funder'],
				['union-europeenne', 'extending']
			])
		);
		expect(migration.organisations).toHaveLength(2);
		expect(migration.regions.map((region) => region.iso)).toEqual(['MA-04']);
		// "EC_NEAR" is the European Union; "Recipient Government" became no organisation
		const contract = await getInitiative(app.database.db, outcomes.get(CONTRACT)!.initiative!.slug);
		expect(contract.organisations.map((entry) => [entry.slug, entry.role])).toEqual(expect.arrayContaining([['union-europeenne', 'implementer']]));
		expect(contract.budget.total).toBeNull();
		expect(await organisationNamed('Recipient Government')).toBe(0);
		expect(await organisationNamed('EC_NEAR')).toBe(0);
		// 35 M€ over 2017–2020, no amount by year: a quarter each year, not 35 M€ in each
		const byYear = (await atlasStats(app.database.db, 'year', { q: 'politiques migratoires Maroc', sample: 'include' })).rows;
		expect(byYear.filter((row) => ['2017', '2018', '2019', '2020'].includes(row.key)).map((row) => row.budgetEur)).toEqual([8_750_000, 8_750_000, 8_750_000, 8_750_000]);
	});

	it('finds the same file unchanged when imported again, and a partner’s import of it knows every activity', async () => {
		const again = await apply(await importFile(moderator));
		expect([...again.values()].map((activity) => activity.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
		const { view } = await importFile(partner);
		expect(view.activities.every((activity) => activity.state === 'known')).toBe(true);
	});

	it('tells placeholders from organisations: identifiers written as N/A are none, a channel code does not make a placeholder an organisation', () => {
		expect(['N/A', 'n/a', 'NA', '-', '0', ' ', null].map(usableRef)).toEqual([null, null, null, null, null, null, null]);
		expect(usableRef(' XI-IATI-EC_NEAR ')).toBe('XI-IATI-EC_NEAR');
		expect(isPlaceholderOrganisation('12000', ['Recipient Government'])).toBe(true);
		expect(isPlaceholderOrganisation(null, ['Gouvernement bénéficiaire'])).toBe(true);
		// a real identifier keeps even an odd name, and a real name is never a placeholder
		expect(isPlaceholderOrganisation('XM-DAC-12000-1', ['Recipient Government'])).toBe(false);
		expect(isPlaceholderOrganisation('12000', ['Ministère de l’Intérieur'])).toBe(false);
	});
});
