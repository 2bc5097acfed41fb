// Issue #17, rules 7 and 15: the Atlas's own exports, imported back by a moderator, leave the Atlas as
// it was — on the whole demo data (the seeds' initiatives and the samples), through IATI XML and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { initiative, initiativeVersion } from '../atlas.table.ts';
import { exportToBuffer } from '../export/export.ts';
import { createInitiative, getInitiative } from '../initiative.service.ts';
import { applyEnvOf, applyImport, createIatiImport, createTableImport, getImport, saveMapping } from './import.service.ts';

let app: TestApp;
let moderator: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	// what the demo lacks: IATI's accountable and extending roles, texts a spreadsheet would take for formulas
	await createInitiative(contextFor(app.database.db, null), {
		slug: 'aller-retour-test',
		title: { fr: '=SOMME(A1:A3) — mobilité des compétences', en: '+212 diaspora skills' },
		summary: { fr: '-10 % de départs, @partenaires' },
		status: 'ongoing',
		plannedStart: '2024-01-01',
		themes: ['diaspora_skills'],
		regions: ['MA-02'],
		sources: [{ citation: 'Test du retour à l’identique' }],
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder', amount: 1000000, currency: 'EUR' },
			{ organisation: 'mdcmre', role: 'accountable' },
			{ organisation: 'giz', role: 'extending' },
			{ organisation: 'anapec', role: 'implementer' },
			{ organisation: 'oim', role: 'partner' },
			{ organisation: 'region-oriental', role: 'beneficiary' }
		]
	});
}, 300_000);
afterAll(async () => {
	await app.close();
});

/** The whole Atlas as its CSV says it (every column, samples included), one line per initiative. */
const atlasAsCsv = async () => (await exportToBuffer(app.database.db, { format: 'csv', lang: 'fr', filters: { sample: 'include' } })).toString('utf8');
/** Each initiative's cells that differ between two exports, as "identifier column: before → after" (empty when the Atlas is unchanged). */
const changedLines = (before: string, after: string) => {
	const [header, ...oldRows] = parseCsv(before.replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
	const newRows = parseCsv(after.replace(/^\uFEFF/, ''), { relaxColumnCount: true }).slice(1) as string[][];
	const old = new Map(oldRows.map((row) => [row[0], row]));
	const changes = newRows.flatMap((row) =>
		!old.has(row[0]) ? [`${row[0]}: new`] : row.flatMap((cell, index) => (cell === old.get(row[0])![index] ? [] : [`${row[0]} ${header[index]}: ${old.get(row[0])![index]} → ${cell}`]))
	);
	return [...changes, ...oldRows.filter((row) => !newRows.some((other) => other[0] === row[0])).map((row) => `${row[0]}: gone`)];
};
const versions = async () => (await app.database.db.select({ n: count() }).from(initiativeVersion))[0].n;

async function importAndApply(id: string) {
	const ctx = contextFor(app.database.db, moderator);
	const preview = await getImport(ctx, id, { pageSize: 5000 });
	const readable = preview.activities.filter((activity) => activity.problems.every((problem) => problem.severity !== 'error'));
	await applyImport(ctx, applyEnvOf(app), id, { only: { positions: readable.map((activity) => activity.position) } });
	await app.settle();
	return (await getImport(ctx, id, { pageSize: 5000 })).activities;
}

describe("the Atlas's own exports re-import as themselves", () => {
	it('IATI XML: every exported activity is recognised, none created or changed, roles included', async () => {
		const before = await atlasAsCsv();
		const versionsBefore = await versions();
		const initiatives = (await app.database.db.select({ n: count() }).from(initiative))[0].n;
		const xml = await exportToBuffer(app.database.db, { format: 'iati', lang: 'fr', filters: { sample: 'include' } });
		// the seeds' partners and beneficiary institutions travel in the Atlas's namespace beside IATI's code
		expect(xml.toString('utf8')).toMatch(/<participating-org role="4" type="\d+" sharaka:role="beneficiary">/);
		expect(xml.toString('utf8')).toMatch(/<participating-org role="2" type="\d+"><narrative>Ministère[^<]*<\/narrative>/);

		const id = await createIatiImport(contextFor(app.database.db, moderator), {
			fileName: 'atlas-export.xml',
			body: (async function* () {
				yield new Uint8Array(xml);
			})()
		});
		const activities = await importAndApply(id);
		expect(activities.length).toBeGreaterThan(100);
		expect(changedLines(before, await atlasAsCsv())).toEqual([]);
		const outcomes = Object.groupBy(activities, (activity) => activity.outcome ?? 'not applied');
		expect(
			Object.fromEntries(Object.entries(outcomes).map(([outcome, list]) => [outcome, list!.map((activity) => activity.iatiIdentifier).slice(0, 5)]))
		).toEqual({ unchanged: expect.any(Array) });
		expect((await app.database.db.select({ n: count() }).from(initiative))[0].n).toBe(initiatives);
		expect(changedLines(before, await atlasAsCsv())).toEqual([]);
		expect(await versions()).toBe(versionsBefore);
		const roles = (await getInitiative(app.database.db, 'aller-retour-test'))!.organisations.map((entry) => `${entry.role}:${entry.slug}`);
		expect(roles.sort()).toEqual(['accountable:mdcmre', 'beneficiary:region-oriental', 'extending:giz', 'funder:union-europeenne', 'implementer:anapec', 'partner:oim']);
	}, 600_000);

	it('CSV: cells that look like formulas come back without the export’s protective apostrophe; nothing changes', async () => {
		const before = await atlasAsCsv();
		const versionsBefore = await versions();
		const ctx = contextFor(app.database.db, moderator);
		// the export neutralises formula-like cells with an apostrophe, which the import takes off again
		expect(before).toContain("'=SOMME(A1:A3)");
		const id = await createTableImport(ctx, { fileName: 'atlas-export.csv', bytes: new Uint8Array(Buffer.from(before)), kind: 'csv' });
		// every column of the Atlas's own CSV is recognised: the mapping proposed is the one applied
		await saveMapping(ctx, id, (await getImport(ctx, id, {})).import.mapping!);
		const activities = await importAndApply(id);
		expect(changedLines(before, await atlasAsCsv())).toEqual([]);
		const outcomes = Object.groupBy(activities, (activity) => activity.outcome ?? 'not applied');
		expect(
			Object.fromEntries(Object.entries(outcomes).map(([outcome, list]) => [outcome, list!.map((activity) => activity.iatiIdentifier ?? activity.position).slice(0, 5)]))
		).toEqual({ unchanged: expect.any(Array) });
		expect(changedLines(before, await atlasAsCsv())).toEqual([]);
		expect(await versions()).toBe(versionsBefore);
		expect((await getInitiative(app.database.db, 'aller-retour-test'))!.title.fr).toBe('=SOMME(A1:A3) — mobilité des compétences');
	}, 600_000);

	it('XLSX: the workbook the Atlas exports re-imports without a change', async () => {
		const before = await atlasAsCsv();
		const versionsBefore = await versions();
		const ctx = contextFor(app.database.db, moderator);
		const workbook = await exportToBuffer(app.database.db, { format: 'xlsx', lang: 'ar', filters: { sample: 'include' } });
		const id = await createTableImport(ctx, { fileName: 'atlas-export.xlsx', bytes: new Uint8Array(workbook), kind: 'xlsx' });
		await saveMapping(ctx, id, (await getImport(ctx, id, {})).import.mapping!);
		const activities = await importAndApply(id);
		expect(changedLines(before, await atlasAsCsv())).toEqual([]);
		expect([...new Set(activities.map((activity) => activity.outcome))]).toEqual(['unchanged']);
		expect(await versions()).toBe(versionsBefore);
	}, 600_000);
});
