// Issue #17, rules 5 and 18: several funders, currencies and years — amounts per year and the source's
// second figure (1,000,000 EUR "and" 10,900,000 MAD) kept as given, the statistics counting the first —
// and month-only dates ("2021-04"), through the service, the review, the exports and the imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { InitiativeQuery, type InitiativeInput } from './atlas.schemas.ts';
import { atlasStats, createInitiative, getInitiative, searchInitiatives, updateInitiative } from './initiative.service.ts';
import { AtlasReadModel, normalisedWords } from './atlas-read-model.ts';
import { describeChange, diffInitiatives } from './moderation/diff.ts';
import { fieldValue, sameValue } from './import/provenance.ts';
import { exportToBuffer } from './export/export.ts';
import { atlasColumns } from './export/columns.ts';
import { parseIatiFile } from './import/iati/parse.ts';
import { applyEnvOf, applyImport, createIatiImport, createTableImport, getImport, saveMapping } from './import/import.service.ts';
import { formFromInitiative, initiativeFromForm } from './moderation/proposal-form.ts';

let app: TestApp;
let moderator: Actor;
let dir: string;
const schema = join(import.meta.dirname, 'export', 'iati', 'schema', 'iati-activities-schema.xsd');

/** An initiative funded by the EU (in EUR, with the MAD figure the source gives too) and GIZ (in MAD), by year. */
const funded: InitiativeInput = {
	slug: 'zorglub-mobilite',
	title: { fr: 'Zorglub — mobilité des talents', en: 'Zorglub talent mobility' },
	status: 'ongoing',
	plannedStart: '2021-04',
	plannedEnd: '2024-12',
	actualStart: '2021-05-03',
	regions: ['MA-02'],
	themes: ['diaspora_skills'],
	budget: { total: 1_000_000, currency: 'EUR', secondFigure: { amount: 10_900_000, currency: 'MAD' } },
	organisations: [
		{ organisation: 'union-europeenne', role: 'funder', amount: 800_000, currency: 'EUR', secondFigure: { amount: 8_720_000, currency: 'MAD' } },
		{ organisation: 'giz', role: 'funder', amount: 2_180_000, currency: 'MAD' },
		{ organisation: 'anapec', role: 'implementer' }
	],
	yearlyAmounts: [
		{ organisation: null, year: 2021, amount: 300_000, currency: 'EUR' },
		{ organisation: null, year: 2022, amount: 700_000, currency: 'EUR' },
		{ organisation: 'union-europeenne', year: 2021, amount: 400_000, currency: 'EUR' },
		{ organisation: 'union-europeenne', year: 2022, amount: 400_000, currency: 'EUR' },
		{ organisation: 'giz', year: 2023, amount: 2_180_000, currency: 'MAD' }
	],
	evaluation: { by: 'Cabinet COTA', date: '2024-11' },
	sources: [{ citation: 'Fiche projet Zorglub', date: '2021-04' }]
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	dir = mkdtempSync(join(tmpdir(), 'amounts-'));
	await createInitiative(contextFor(app.database.db, null), funded);
	// two more to sort by start: a month alone sorts as its first day
	for (const [slug, start] of [
		['zorglub-decembre', { plannedStart: '2021-12-01' }],
		['zorglub-annee', { startYear: 2021 }]
	] as const) {
		await createInitiative(contextFor(app.database.db, null), { slug, title: { fr: `Zorglub ${slug}` }, status: 'planned', ...start, sources: [{ citation: 'Test' }] });
	}
}, 300_000);
afterAll(async () => {
	await app?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
	} catch (error) {
		if (isAppError(error)) return error.fields.map((field) => `${field.path}:${field.messageKey}`);
		throw error;
	}
	throw new Error('not refused');
};

describe('several funders, currencies and years (rule 5)', () => {
	it('keeps the amounts per year and the second figures as given, and shows the dates as months where the source gives months', async () => {
		const detail = await getInitiative(app.database.db, 'zorglub-mobilite');
		expect([detail.plannedStart, detail.plannedEnd, detail.actualStart]).toEqual(['2021-04', '2024-12', '2021-05-03']);
		expect(detail.budget).toMatchObject({ total: 1_000_000, currency: 'EUR', secondFigure: { amount: 10_900_000, currency: 'MAD' }, eur: 1_000_000 });
		expect(detail.organisations.filter((entry) => entry.role === 'funder').map((entry) => [entry.slug, entry.amount, entry.currency, entry.secondFigure])).toEqual([
			['union-europeenne', 800_000, 'EUR', { amount: 8_720_000, currency: 'MAD' }],
			['giz', 2_180_000, 'MAD', null]
		]);
		expect(detail.yearlyAmounts.map((entry) => [entry.organisation?.slug ?? null, entry.year, entry.amount, entry.currency])).toEqual([
			[null, 2021, 300_000, 'EUR'],
			[null, 2022, 700_000, 'EUR'],
			['union-europeenne', 2021, 400_000, 'EUR'],
			['union-europeenne', 2022, 400_000, 'EUR'],
			['giz', 2023, 2_180_000, 'MAD']
		]);
		expect(detail.sources[0].date).toBe('2021-04');
		expect(detail.evaluation?.date).toBe('2024-11');
		// stored as days with their precision: the end month as its last day (overlaps and sorting stay those of dates)
		const { rows } = (await app.database.db.execute(
			sql`select planned_start::text as ps, planned_start_precision as psp, planned_end::text as pe, planned_end_precision as pep, actual_start_precision as asp from atlas.initiative where slug = 'zorglub-mobilite'`
		)) as unknown as { rows: Record<string, string>[] };
		expect(rows[0]).toEqual({ ps: '2021-04-01', psp: 'month', pe: '2024-12-31', pep: 'month', asp: 'day' });
	});

	it('counts in the statistics the first amount, converted with the Atlas’s rates — never the second figure — and by year its amounts by year', async () => {
		const filters = { q: 'Zorglub mobilite', sample: 'include' as const };
		const region = (await atlasStats(app.database.db, 'region', filters)).rows.find((row) => row.key === 'MA-02')!;
		expect(region).toMatchObject({ count: 1, budgetEur: 1_000_000, budgetUnknown: 0 });
		const funders = (await atlasStats(app.database.db, 'funder', filters)).rows;
		expect(funders.find((row) => row.key === 'union-europeenne')!.budgetEur).toBe(800_000);
		// GIZ's MAD at the start year's rate (2021), not its EUR equivalent given nowhere
		const giz = funders.find((row) => row.key === 'giz')!.budgetEur;
		expect(giz).toBeGreaterThan(150_000);
		expect(giz).toBeLessThan(250_000);
		// by year: the initiative's own amounts by year (the funders' years are parts of them), nothing left for 2023–2024
		const byYear = (await atlasStats(app.database.db, 'year', filters)).rows.filter((row) => row.count > 0);
		expect(byYear.map((row) => [row.key, row.budgetEur])).toEqual([
			['2021', 300_000],
			['2022', 700_000],
			['2023', 0],
			['2024', 0]
		]);
		// the read model says the same
		const model = await AtlasReadModel.load(app.database.db);
		expect(model.stats('region', filters, await normalisedWords(app.database.db, filters.q)).rows.find((row) => row.key === 'MA-02')!.budgetEur).toBe(1_000_000);
		expect(model.stats('year', filters, await normalisedWords(app.database.db, filters.q)).rows.filter((row) => row.count > 0)).toEqual(byYear);
	});

	it('refuses a second figure in the first’s currency, a yearly amount of an organisation that is not a funder, a year twice and an end before the start: nothing stored', async () => {
		const ctx = contextFor(app.database.db, null);
		const before = (await searchInitiatives(app.database.db, InitiativeQuery.parse({ q: 'Zorglub' }))).total;
		expect(
			await refusal(
				createInitiative(ctx, {
					...funded,
					slug: 'zorglub-refus',
					plannedEnd: '2021-03',
					budget: { total: 1, currency: 'EUR', secondFigure: { amount: 2, currency: 'EUR' } },
					yearlyAmounts: [
						{ organisation: 'anapec', year: 2021, amount: 1, currency: 'EUR' },
						{ organisation: 'giz', year: 2022, amount: 1, currency: 'MAD' },
						{ organisation: 'giz', year: 2022, amount: 2, currency: 'MAD' }
					]
				})
			)
		).toEqual(['plannedEnd:field_invalid', 'budget.secondFigure.currency:field_invalid', 'yearlyAmounts.0.organisation:field_choice', 'yearlyAmounts.2.year:field_taken']);
		expect(await refusal(createInitiative(ctx, { ...funded, slug: 'zorglub-refus', plannedStart: '2021-13' }))).toEqual(['plannedStart:field_invalid']);
		// a second figure beside no amount
		expect(
			await refusal(createInitiative(ctx, { ...funded, slug: 'zorglub-refus', yearlyAmounts: [], organisations: [{ organisation: 'giz', role: 'funder', secondFigure: { amount: 5, currency: 'MAD' } }] }))
		).toEqual(['organisations.0.amount:field_required']);
		expect((await searchInitiatives(app.database.db, InitiativeQuery.parse({ q: 'Zorglub' }))).total).toBe(before);
	});

	it('sorts by start with a month as its first day, in SQL and in the read model', async () => {
		const query = InitiativeQuery.parse({ q: 'Zorglub', sort: 'start' });
		const sql = (await searchInitiatives(app.database.db, query)).items.map((item) => item.slug);
		expect(sql).toEqual(['zorglub-decembre', 'zorglub-mobilite', 'zorglub-annee']);
		const model = await AtlasReadModel.load(app.database.db);
		const words = await normalisedWords(app.database.db, 'Zorglub');
		expect(model.search(query, words).items.map((item) => item.slug)).toEqual(sql);
	});

	it('shows a change of the amounts per year and of a month in the review, the history and the provenance of imports', async () => {
		const before = formFromInitiative(funded as never);
		const changed = { ...funded, plannedEnd: '2025-03', yearlyAmounts: [...funded.yearlyAmounts!.slice(0, 4), { organisation: 'giz', year: 2024, amount: 2_180_000, currency: 'MAD' }] };
		const changes = diffInitiatives(initiativeFromForm(before), changed);
		expect(changes.map((change) => change.field)).toEqual(['plannedEnd', 'yearlyAmounts']);
		const [end, years] = changes.map((change) => describeChange('fr', change, new Map([['giz', 'GIZ']])));
		expect(end).toMatchObject({ before: ['décembre 2024'], after: ['mars 2025'] });
		expect(JSON.stringify(years)).toContain('2023\u00a0: 2');
		expect(JSON.stringify(years)).toContain('— GIZ');
		// the provenance of re-imports compares the years whatever their order
		const reordered = { ...funded, yearlyAmounts: [...funded.yearlyAmounts!].reverse() };
		expect(sameValue(fieldValue(reordered as never, 'yearlyAmounts'), fieldValue(funded as never, 'yearlyAmounts'))).toBe(true);
		expect(sameValue(fieldValue(changed as never, 'yearlyAmounts'), fieldValue(funded as never, 'yearlyAmounts'))).toBe(false);

		const version = await updateInitiative(contextFor(app.database.db, null), 'zorglub-mobilite', changed);
		expect(version.version).toBe(2);
		expect((await getInitiative(app.database.db, 'zorglub-mobilite')).plannedEnd).toBe('2025-03');
		await updateInitiative(contextFor(app.database.db, null), 'zorglub-mobilite', funded);
	});

	it('round-trips the form: the second figures and the yearly rows come back as typed, the dates as people write them', () => {
		const values = formFromInitiative(funded as never);
		expect([values.plannedStart, values.actualStart, values.evaluationDate, values['sources.0.date']]).toEqual(['04/2021', '03/05/2021', '11/2024', '04/2021']);
		expect([values.budgetSecondAmount, values.budgetSecondCurrency, values['organisations.0.secondAmount'], values['yearlyAmounts.4.organisation']]).toEqual(['10900000', 'MAD', '8720000', 'giz']);
		const back = initiativeFromForm(values) as InitiativeInput;
		expect(back.budget).toEqual(funded.budget);
		expect(back.yearlyAmounts).toEqual(funded.yearlyAmounts);
		expect([back.plannedStart, back.actualStart, back.evaluation?.date]).toEqual(['2021-04', '2021-05-03', '2024-11']);
	});
});

describe('exports (rule 5 and 18)', () => {
	it('CSV and GeoJSON: the second figures, the amounts per year and the months as given', async () => {
		const csv = (await exportToBuffer(app.database.db, { format: 'csv', lang: 'fr', filters: { q: 'Zorglub mobilite' } })).toString('utf8');
		const [, row] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		const cell = (key: string) => {
			// the columns of this row have no quotes but the lists' (no comma inside them here)
			const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((entry) => entry.replace(/,$/, '').replace(/^"|"$/g, ''));
			return cells[atlasColumns.findIndex((column) => column.key === key)];
		};
		expect([cell('planned_start'), cell('planned_end'), cell('actual_start')]).toEqual(['2021-04', '2024-12', '2021-05-03']);
		expect(cell('budget_second_figure')).toBe('10900000 MAD');
		expect(cell('funder_second_figures')).toBe('8720000 MAD | ');
		expect(cell('yearly_amounts')).toBe('2021: 300000 EUR | 2022: 700000 EUR | union-europeenne 2021: 400000 EUR | union-europeenne 2022: 400000 EUR | giz 2023: 2180000 MAD');
		expect(cell('source_dates')).toBe('2021-04');

		const geojson = JSON.parse((await exportToBuffer(app.database.db, { format: 'geojson', lang: 'fr', filters: { q: 'Zorglub mobilite' } })).toString('utf8'));
		expect(geojson.features[0].properties).toMatchObject({
			budgetSecondFigure: { amount: 10_900_000, currency: 'MAD' },
			yearlyAmounts: expect.arrayContaining([{ funder: 'giz', year: 2023, amount: 2_180_000, currency: 'MAD' }, { funder: null, year: 2021, amount: 300_000, currency: 'EUR' }])
		});
	});

	it('IATI: a budget per year, each funder’s years as incoming funds, the months said so — valid against the 2.03 schema', async () => {
		const xml = (await exportToBuffer(app.database.db, { format: 'iati', lang: 'fr', filters: { q: 'Zorglub' } })).toString('utf8');
		const file = join(dir, 'zorglub.xml');
		writeFileSync(file, xml);
		expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { stdio: ['ignore', 'pipe', 'pipe'] })).not.toThrow();
		const activity = xml.slice(xml.indexOf('XM-SHARAKA-zorglub-mobilite'), xml.indexOf('</iati-activity>', xml.indexOf('XM-SHARAKA-zorglub-mobilite')));
		expect(activity).toContain('<activity-date type="1" iso-date="2021-04-01" sharaka:precision="month"><narrative xml:lang="fr">Seul le mois est connu\u00a0: avril 2021</narrative>');
		expect(activity).toContain('<activity-date type="3" iso-date="2024-12-31" sharaka:precision="month">');
		expect(activity).toContain('<activity-date type="2" iso-date="2021-05-03"/>');
		// one budget per year, the first within the initiative's period; the stated total is their sum (no attribute needed)
		expect(activity).toContain(
			'<budget type="1" status="1" sharaka:year="2021" sharaka:second-amount="10900000" sharaka:second-currency="MAD"><period-start iso-date="2021-05-03"/><period-end iso-date="2021-12-31"/><value currency="EUR" value-date="2021-05-03">300000</value></budget>'
		);
		expect(activity).toContain('<budget type="1" status="1" sharaka:year="2022"><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>');
		// the EU's total commitment with its second figure, and its years as incoming funds
		expect(activity).toMatch(/<transaction><transaction-type code="11"\/><transaction-date iso-date="2021-05-03"\/><value currency="EUR" value-date="2021-05-03" sharaka:second-amount="8720000" sharaka:second-currency="MAD">800000<\/value><provider-org type="\d+"><narrative>Union européenne \(UE\)<\/narrative>/);
		expect(activity).toMatch(/<transaction><transaction-type code="1"\/><transaction-date iso-date="2023-01-01"\/><value currency="MAD" value-date="2023-01-01">2180000<\/value><provider-org type="\d+"><narrative>Deutsche Gesellschaft/);
	});
});

describe('imports (rules 5 and 18)', () => {
	const limits = { maxBytes: 50 * 1024 * 1024, maxActivities: 20_000 };
	async function* bytes(text: string) {
		yield new TextEncoder().encode(text);
	}
	/** A publisher's activity (after GIZ's and the EU's files): budgets by fiscal year, funds received by year, a start given as a month. */
	const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity xml:lang="fr" default-currency="EUR">
	<iati-identifier>XM-DAC-5-7-ZORGLUB-2021</iati-identifier>
	<reporting-org ref="XM-DAC-5-7" type="10"><narrative>GIZ</narrative></reporting-org>
	<title><narrative>Zorglub : migration et emploi dans l’Oriental</narrative></title>
	<participating-org ref="XI-IATI-EC_INTPA" role="1" type="40"><narrative>European Union</narrative></participating-org>
	<participating-org ref="XM-DAC-5-7" role="4" type="10"><narrative>GIZ</narrative></participating-org>
	<activity-status code="2"/>
	<activity-date type="1" iso-date="2021-04"/>
	<activity-date type="3" iso-date="2024-03-31"/>
	<recipient-country code="MA" percentage="100"/>
	<location><name><narrative>Oriental</narrative></name></location>
	<sector vocabulary="1" code="15190"/>
	<budget type="1" status="2"><period-start iso-date="2021-04-01"/><period-end iso-date="2022-03-31"/><value currency="EUR" value-date="2021-04-01">400000</value></budget>
	<budget type="1" status="2"><period-start iso-date="2022-04-01"/><period-end iso-date="2023-03-31"/><value currency="EUR" value-date="2022-04-01">350000</value></budget>
	<transaction><transaction-type code="11"/><transaction-date iso-date="2021-02-15"/><value currency="EUR" value-date="2021-02-15">750000</value><provider-org ref="XI-IATI-EC_INTPA"><narrative>European Union</narrative></provider-org></transaction>
	<transaction><transaction-type code="1"/><transaction-date iso-date="2021-06-30"/><value currency="EUR" value-date="2021-06-30">300000</value><provider-org ref="XI-IATI-EC_INTPA"><narrative>European Union</narrative></provider-org></transaction>
	<transaction><transaction-type code="1"/><transaction-date iso-date="2022-06-30"/><value currency="EUR" value-date="2022-06-30">300000</value><provider-org ref="XI-IATI-EC_INTPA"><narrative>European Union</narrative></provider-org></transaction>
	<transaction><transaction-type code="1"/><transaction-date iso-date="2022-12-15"/><value currency="EUR" value-date="2022-12-15">-50000</value><provider-org ref="XI-IATI-EC_INTPA"><narrative>European Union</narrative></provider-org></transaction>
</iati-activity></iati-activities>`;

	it('IATI: budgets of a (fiscal) year become the amounts of their year, a funder’s incoming funds its amounts by year, "2021-04" a month', async () => {
		const [parsed] = (await parseIatiFile(bytes(foreign), limits)).activities;
		const input = parsed.activity!.input;
		expect([input.plannedStart, input.plannedEnd]).toEqual(['2021-04', '2024-03-31']);
		expect(input.budget).toEqual({ total: 750_000, currency: 'EUR' });
		// April 2021 – March 2022 is 2021's (nine months of it), April 2022 – March 2023 is 2022's
		expect(input.yearlyAmounts).toEqual([
			{ organisation: null, year: 2021, amount: 400_000, currency: 'EUR' },
			{ organisation: null, year: 2022, amount: 350_000, currency: 'EUR' }
		]);
		const eu = parsed.activity!.organisations.find((entry) => entry.role === 'funder')!;
		// the commitment is the contribution; the funds received (a reimbursement netted) its years
		expect(eu).toMatchObject({ amount: 750_000, currency: 'EUR', yearly: [{ year: 2021, amount: 300_000, currency: 'EUR' }, { year: 2022, amount: 250_000, currency: 'EUR' }] });
	});

	it('IATI and CSV, applied by a moderator: the initiative holds its years, its second figures and its months; its own files re-import unchanged', async () => {
		const ctx = contextFor(app.database.db, moderator);
		const apply = async (id: string) => {
			const preview = await getImport(ctx, id, { pageSize: 100 });
			await applyImport(ctx, applyEnvOf(app), id, { only: { positions: preview.activities.map((activity) => activity.position) } });
			await app.settle();
			return (await getImport(ctx, id, { pageSize: 100 })).activities;
		};
		const [created] = await apply(await createIatiImport(ctx, { fileName: 'zorglub.xml', body: bytes(foreign) }));
		expect(created.outcome).toBe('created');
		const detail = await getInitiative(app.database.db, created.initiative!.slug);
		expect(detail.plannedStart).toBe('2021-04');
		expect(detail.yearlyAmounts.map((entry) => [entry.organisation?.slug ?? null, entry.year, entry.amount])).toEqual([
			[null, 2021, 400_000],
			[null, 2022, 350_000],
			['union-europeenne', 2021, 300_000],
			['union-europeenne', 2022, 250_000]
		]);

		// the Atlas's own IATI, CSV and XLSX files of the initiative with second figures come back unchanged
		for (const format of ['iati', 'csv', 'xlsx'] as const) {
			const file = await exportToBuffer(app.database.db, { format, lang: format === 'xlsx' ? 'ar' : 'fr', filters: { q: 'Zorglub mobilite' } });
			const id =
				format === 'iati'
					? await createIatiImport(ctx, { fileName: 'atlas.xml', body: bytes(file.toString('utf8')) })
					: await createTableImport(ctx, { fileName: `atlas.${format}`, bytes: new Uint8Array(file), kind: format });
			if (format !== 'iati') await saveMapping(ctx, id, (await getImport(ctx, id, {})).import.mapping!);
			const activities = await apply(id);
			expect([format, activities.map((activity) => activity.outcome)]).toEqual([format, ['unchanged']]);
		}
		expect((await getInitiative(app.database.db, 'zorglub-mobilite')).budget.secondFigure).toEqual({ amount: 10_900_000, currency: 'MAD' });

		// a hand-made table: months as people write them, a second figure, amounts per year by funder
		const table = [
			'title_fr,status,regions,funders,funder_contributions,funder_second_figures,budget_total,currency,budget_second_figure,yearly_amounts,planned_start,planned_end,sources,source_dates',
			'Zorglub tableau,ongoing,MA-02,giz,1000000 MAD,91743 EUR,1000000,MAD,91743 EUR,"2022: 600000 MAD | giz 2023: 400000 MAD",04/2022,mars 2024,Tableau du partenaire,avril 2022'
		].join('\r\n');
		const tableId = await createTableImport(ctx, { fileName: 'partenaire.csv', bytes: new TextEncoder().encode(table), kind: 'csv' });
		await saveMapping(ctx, tableId, (await getImport(ctx, tableId, {})).import.mapping!);
		const [row] = await apply(tableId);
		expect(row.outcome).toBe('created');
		const fromTable = await getInitiative(app.database.db, row.initiative!.slug);
		expect([fromTable.plannedStart, fromTable.plannedEnd, fromTable.sources[0].date]).toEqual(['2022-04', '2024-03', '2022-04']);
		expect(fromTable.budget.secondFigure).toEqual({ amount: 91_743, currency: 'EUR' });
		expect(fromTable.organisations[0].secondFigure).toEqual({ amount: 91_743, currency: 'EUR' });
		expect(fromTable.yearlyAmounts.map((entry) => [entry.organisation?.slug ?? null, entry.year, entry.amount, entry.currency])).toEqual([
			[null, 2022, 600_000, 'MAD'],
			['giz', 2023, 400_000, 'MAD']
		]);
	}, 120_000);
});
