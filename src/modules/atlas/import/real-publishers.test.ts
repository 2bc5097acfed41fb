// Issue 17, "done when", on files nobody wrote for the Atlas: eleven activities in Morocco from eight publishers
// (IOM, the Italian and Spanish cooperation agencies, Canada's IDRC, UNDP, AFD, Aidsfonds, the US State
// Department; fixtures/real/README.md says where each comes from), imported by a partner first and then by a
// moderator. The preview, the proposals, the published initiatives, the public wording, the statistics and
// the IATI and CSV exports must agree: Morocco where the publishers put it, shares and net money, roles and
// statuses kept, one initiative per identifier, the parts linked to their whole, no proposal stuck.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { initiative, initiativeVersion } from '../atlas.table.ts';
import { atlasStats, getInitiative, searchInitiatives } from '../initiative.service.ts';
import { approveProposal } from '../moderation/moderation.service.ts';
import { setExchangeRate } from '../rates/rates.service.ts';
import { exportToBuffer } from '../export/export.ts';
import { InitiativeQuery } from '../atlas.schemas.ts';
import { placeWithoutRegion } from '../web/place-without-region.ts';
import { parseIatiFile } from './iati/parse.ts';
import { applyEnvOf, applyImport, createIatiImport, createTableImport, getImport, saveMapping } from './import.service.ts';

const file = path.join(import.meta.dirname, 'fixtures', 'real', 'dportal-ma-2021.xml');
const IOM = 'XM-DAC-47066-MA.0509';
const AICS = 'XM-DAC-6-4-012127-08-3';
const AECID = 'ES-DIR3-EA0035768-Z02-20-P1-03300';
const IDRC = 'XM-DAC-301-2-109490-001';
const UNDP = 'XM-DAC-41114-OUTPUT-00121532';
const AFD = 'FR-3-CMA1238';
const AFD_LOAN = 'FR-3-CMA123801';
const AFD_GRANT = 'FR-3-CMA123805';
const AIDSFONDS = 'NL-KVK-41207989-P-62601';
const US = 'US-GOV-11-MA-PR9341635';
const US_PURCHASE = 'US-GOV-11-MA-PR9341635-PRC';
const ALL = [IOM, AICS, AECID, IDRC, UNDP, AFD, AFD_LOAN, AFD_GRANT, AIDSFONDS, US, US_PURCHASE];

let app: TestApp;
let moderator: Actor;
let partner: Actor;
/** the statistics' money before the moderator's import (the reference data's own initiatives) */
let baseline = 0;
const totalEur = async (filters: Parameters<typeof atlasStats>[2] = {}) =>
	(await atlasStats(app.database.db, 'status', { sample: 'include', ...filters })).rows.reduce((sum, row) => sum + row.budgetEur, 0);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	partner = (await aPerson(app.database.db, { role: 'partner' })).actor;
}, 300_000);
afterAll(() => app?.close());

const bytesOf = (buffer: Buffer) =>
	(async function* () {
		yield new Uint8Array(buffer);
	})();
/** Imports a file as this person and applies every readable activity; the outcomes by IATI identifier. */
async function importAndApply(actor: Actor, fileName: string, body: Buffer) {
	const ctx = contextFor(app.database.db, actor);
	const id = await createIatiImport(ctx, { fileName, body: bytesOf(body) });
	const preview = await getImport(ctx, id, { pageSize: 100 });
	const readable = preview.activities.filter((activity) => activity.problems.every((problem) => problem.severity !== 'error' && problem.severity !== 'critical'));
	await applyImport(ctx, applyEnvOf(app), id, { only: { positions: readable.map((activity) => activity.position) } });
	await app.settle();
	return { preview, outcomes: new Map((await getImport(ctx, id, { pageSize: 100 })).activities.map((activity) => [activity.iatiIdentifier!, activity])) };
}
const initiativesOf = async (identifiers: string[]) =>
	app.database.db.select({ id: initiative.id, slug: initiative.slug, identifier: initiative.iatiIdentifier }).from(initiative).where(inArray(initiative.iatiIdentifier, identifiers));
const slugOf = async (identifier: string) => (await initiativesOf([identifier]))[0]!.slug;
const versions = async () => (await app.database.db.select({ n: count() }).from(initiativeVersion))[0]!.n;

describe('real files from eight publishers, imported by a partner and then by a moderator', () => {
	it('reads each activity as its publisher wrote it: languages, Morocco and its share, money, roles, statuses, the parts of a whole', async () => {
		const parsed = await parseIatiFile(fs.createReadStream(file), { maxBytes: 50 * 1024 * 1024, maxActivities: 100 });
		const byId = new Map(parsed.activities.map((activity) => [activity.identifier!, activity]));
		expect([...byId.keys()]).toEqual(ALL);
		// every one concerns Morocco: named as the only recipient, or one recipient among others with its share
		expect(parsed.activities.filter((activity) => !activity.concernsMorocco).map((activity) => activity.identifier)).toEqual([]);
		const input = (identifier: string) => byId.get(identifier)!.activity!.input;

		// Spanish and Italian texts stay in their language (a badge and `lang` on the page, a translation by a moderator)
		expect(Object.keys(input(AECID).title!)).toEqual(['es']);
		expect(byId.get(AECID)!.problems.map((problem) => problem.code)).toContain('language_kept');
		expect(byId.get(AICS)!.problems.find((problem) => problem.code === 'language_kept')?.values).toEqual({ languages: 'it' });
		// UNDP's file says French by default and writes its narratives without xml:lang
		expect(input(UNDP).title).toEqual({ fr: 'COVID-19 RRF Morocco' });
		// AECID names Morocco and "North of Sahara" (189): Morocco, the region kept as the source gave it
		expect(input(AECID)).toMatchObject({ countries: [], moroccoShare: null, recipientRegions: [{ code: '189', vocabulary: '1', percentage: 100 }], status: 'completed' });

		// IDRC: Benin 23 %, Cameroon 23 %, Morocco 24 %, Senegal 30 %; Aidsfonds: ten countries, 10 % each
		expect(input(IDRC)).toMatchObject({ moroccoShare: 24, countries: ['BJ', 'CM', 'SN'], countryShares: [{ country: 'BJ', percentage: 23 }, { country: 'CM', percentage: 23 }, { country: 'SN', percentage: 30 }] });
		expect(input(AIDSFONDS)).toMatchObject({ moroccoShare: 10, countries: ['BF', 'BI', 'EG', 'KE', 'MZ', 'NG', 'UG', 'ZA', 'ZW'] });
		// the money: IDRC's commitment (an expenditure reversed and booked again changes nothing); UNDP's two budgets
		expect(input(IDRC).budget).toEqual({ total: 1_236_400, currency: 'CAD' });
		expect(input(UNDP)).toMatchObject({
			budget: { total: 288_000, currency: 'USD' },
			yearlyAmounts: [
				{ organisation: null, year: 2020, currency: 'USD', amount: 287_500 },
				{ organisation: null, year: 2021, currency: 'USD', amount: 500 }
			]
		});
		// the four IATI roles as published (IOM accountable, Japan its funder; AECID funds, AIDA implements, is accountable and extends)
		expect(byId.get(IOM)!.activity!.organisations.map((entry) => [entry.ref, entry.role])).toEqual([
			['XM-DAC-47066', 'accountable'],
			['XM-DAC-701-2', 'funder']
		]);
		expect(byId.get(AECID)!.activity!.organisations.map((entry) => entry.role)).toEqual(['funder', 'implementer', 'accountable', 'extending']);
		// the State Department's purchase for the prison administration's academy: national, completed
		expect(input(US)).toMatchObject({ nationalScope: true, status: 'completed', actualEnd: '2020-09-08' });
		// AFD's youth programme and its two financings, each saying which whole it is part of
		expect([AFD, AFD_LOAN, AFD_GRANT].map((identifier) => byId.get(identifier)!.activity!.parentRef)).toEqual([null, AFD, AFD]);
		expect(byId.get(AFD_LOAN)!.problems.find((problem) => problem.code === 'part_of')).toMatchObject({ severity: 'warning', values: { ref: AFD } });
		// the IOM office's point is not where the activity is: placed in Rabat with the warning to check it
		expect(input(IOM)).toMatchObject({ provinces: ['MA-RAB'] });
		expect(byId.get(IOM)!.problems.map((problem) => problem.code)).toContain('place_from_point');
	});

	it('a partner imports the file first: proposals only, nothing public; a part whose whole is not in the Atlas waits unlinked', async () => {
		const { preview, outcomes } = await importAndApply(partner, 'dportal-ma-2021.xml', fs.readFileSync(file));
		expect(preview.activities.every((activity) => activity.state === 'new')).toBe(true);
		expect(ALL.map((identifier) => outcomes.get(identifier)?.outcome)).toEqual(ALL.map(() => 'proposed'));
		expect(await initiativesOf(ALL)).toEqual([]);
		baseline = await totalEur();
		const proposals = await app.database.db
			.select({ data: moderationProposal.data })
			.from(moderationProposal)
			.where(inArray(moderationProposal.id, ALL.map((identifier) => outcomes.get(identifier)!.proposalId!)));
		expect(proposals).toHaveLength(ALL.length);
		const loan = proposals.find((proposal) => (proposal.data as { iatiIdentifier: string }).iatiIdentifier === AFD_LOAN)!;
		expect((loan.data as { partOf?: unknown }).partOf ?? null).toBeNull();
	}, 300_000);

	it('then a moderator publishes it: one initiative per activity, the partner’s proposals attached to them and approved, the parts linked', async () => {
		const { outcomes } = await importAndApply(moderator, 'dportal-ma-2021.xml', fs.readFileSync(file));
		expect(ALL.map((identifier) => outcomes.get(identifier)?.outcome)).toEqual(ALL.map(() => 'created'));
		const published = await initiativesOf(ALL);
		expect(published.map((row) => row.identifier).sort()).toEqual([...ALL].sort());

		// the partner's proposals became proposals of change of the published initiatives: none waits on nothing
		const waiting = await app.database.db
			.select({ id: moderationProposal.id, subjectId: moderationProposal.subjectId, data: moderationProposal.data })
			.from(moderationProposal)
			.where(eq(moderationProposal.status, 'pending'));
		expect(waiting).toHaveLength(ALL.length);
		expect(waiting.filter((proposal) => !proposal.subjectId)).toEqual([]);
		const iom = published.find((row) => row.identifier === IOM)!;
		const iomProposal = waiting.find((proposal) => proposal.subjectId === iom.id)!;
		const approved = await approveProposal(contextFor(app.database.db, moderator), iomProposal.id);
		expect(approved.initiative).toMatchObject({ id: iom.id, version: 2 });
		// every other one too: none is stuck, and approving the partner's loan does not undo its link to the programme
		for (const proposal of waiting.filter((entry) => entry.id !== iomProposal.id)) await approveProposal(contextFor(app.database.db, moderator), proposal.id);
		expect(await app.database.db.select({ id: moderationProposal.id }).from(moderationProposal).where(eq(moderationProposal.status, 'pending'))).toEqual([]);

		// AFD's financings are parts of the programme, which lists them
		const programme = await getInitiative(app.database.db, await slugOf(AFD));
		expect(programme.parts.map((part) => part.slug).sort()).toEqual([await slugOf(AFD_LOAN), await slugOf(AFD_GRANT)].sort());
		expect((await getInitiative(app.database.db, await slugOf(AFD_GRANT))).partOf).toMatchObject({ slug: programme.slug, relation: 'component' });
	}, 300_000);

	it('says where each one is: never "outside Morocco", the shares and other recipients on the page', async () => {
		const { items } = await searchInitiatives(app.database.db, InitiativeQuery.parse({ pageSize: 100, sample: 'include' }));
		const slugs = new Set((await initiativesOf(ALL)).map((row) => row.slug));
		const ours = items.filter((item) => slugs.has(item.slug));
		expect(ours).toHaveLength(ALL.length);
		expect(ours.filter((item) => !item.nationalScope && !item.regions.length && placeWithoutRegion(item) === 'none_in_morocco')).toEqual([]);
		const idrc = await getInitiative(app.database.db, await slugOf(IDRC));
		expect(idrc).toMatchObject({ moroccoShare: 24, countries: ['BJ', 'CM', 'SN'], nationalScope: false, regions: [] });
		expect(placeWithoutRegion(idrc)).toBe('place_unknown');
		expect((await getInitiative(app.database.db, await slugOf(US))).nationalScope).toBe(true);
		// a page that only names other countries, without Morocco's share, is outside Morocco
		expect(placeWithoutRegion({ countries: ['SN'], moroccoShare: null, mayConcernMorocco: false })).toBe('none_in_morocco');
	});

	it('counts the money once and for Morocco: the shares applied, the parts inside their whole, a new currency once its rate is known', async () => {
		// Canadian dollars have no rate yet: IDRC's budget is counted as unknown, not as 0 and not as if in euros
		const idrcStats = () => atlasStats(app.database.db, 'status', { q: 'emplois décents Afrique francophone', sample: 'include' });
		expect((await idrcStats()).rows.find((row) => row.count)).toMatchObject({ budgetEur: 0, budgetUnknown: 1 });
		// the moderator adds it (the ECB's 2020 annual average): the budget converts, Morocco's 24 % is counted
		await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'CAD', year: 2020 }, { perEur: 1.53, checked: true, source: 'ECB euro foreign exchange reference rates, annual average 2020' });
		const idrc = await getInitiative(app.database.db, await slugOf(IDRC));
		expect(idrc.budget.eur).toBeCloseTo(1_236_400 / 1.53, 2);
		expect((await idrcStats()).rows.reduce((sum, row) => sum + row.budgetEur, 0)).toBeCloseTo((idrc.budget.eur! * 24) / 100, 1);

		const every = await Promise.all(ALL.map(async (identifier) => getInitiative(app.database.db, await slugOf(identifier))));
		const bySlug = new Map(every.map((item) => [item.slug, item]));
		// what each family adds: the whole when it has a budget (its parts are in it), each at Morocco's share
		const expected = every
			.filter((item) => !item.partOf || !bySlug.get(item.partOf.slug)?.budget.eur)
			.reduce((sum, item) => sum + ((item.budget.eur ?? 0) * (item.moroccoShare ?? 100)) / 100, 0);
		expect((await totalEur()) - baseline).toBeCloseTo(expected, 1);
		// AFD: 150 M€ once, not 311.8 M€ (the programme, its loan and its grant added up)
		const afd = (await atlasStats(app.database.db, 'status', { q: 'Insertion économique des Jeunes', sample: 'include' })).rows;
		expect(afd.reduce((sum, row) => sum + row.budgetEur, 0)).toBeCloseTo(150_000_000, 1);
		expect(afd.reduce((sum, row) => sum + row.count, 0)).toBe(3);
		// Aidsfonds: 10 % of 62.9 M€
		expect(await totalEur({ q: 'Love Alliance' })).toBeCloseTo(6_290_370, 1);
	});

	it('exports them as the publishers said them, and the export comes back unchanged (IATI, then CSV)', async () => {
		const xml = await exportToBuffer(app.database.db, { format: 'iati', lang: 'fr', filters: { sample: 'include' } });
		const exported = await parseIatiFile(bytesOf(xml), { maxBytes: 50 * 1024 * 1024, maxActivities: 1000 });
		const byId = new Map(exported.activities.map((activity) => [activity.identifier!, activity]));
		const input = (identifier: string) => byId.get(identifier)!.activity!.input;
		// no foreign recipient made Moroccan, no share lost
		expect(input(IDRC)).toMatchObject({ moroccoShare: 24, countries: ['BJ', 'CM', 'SN'] });
		expect(input(AIDSFONDS)).toMatchObject({ moroccoShare: 10 });
		expect(input(AECID)).toMatchObject({ recipientRegions: [{ code: '189', vocabulary: '1', percentage: 100 }], status: 'completed' });
		expect(byId.get(AECID)!.activity!.organisations.map((entry) => entry.role).sort()).toEqual(['accountable', 'extending', 'funder', 'implementer']);
		expect([AFD_LOAN, AFD_GRANT].map((identifier) => byId.get(identifier)!.activity!.parentRef)).toEqual([AFD, AFD]);
		expect(xml.toString('utf8')).toContain(`<related-activity ref="${AFD_LOAN}" type="2"/>`);

		const versionsBefore = await versions();
		const again = await importAndApply(moderator, 'atlas-export.xml', xml);
		expect(ALL.map((identifier) => again.outcomes.get(identifier)?.outcome)).toEqual(ALL.map(() => 'unchanged'));
		expect(await versions()).toBe(versionsBefore);

		const csv = await exportToBuffer(app.database.db, { format: 'csv', lang: 'fr', filters: { sample: 'include' } });
		const ctx = contextFor(app.database.db, moderator);
		const tableImport = await createTableImport(ctx, { fileName: 'atlas-export.csv', bytes: new Uint8Array(csv), kind: 'csv' });
		await saveMapping(ctx, tableImport, (await getImport(ctx, tableImport, {})).import.mapping!);
		const preview = await getImport(ctx, tableImport, { pageSize: 100 });
		await applyImport(ctx, applyEnvOf(app), tableImport, { only: { positions: preview.activities.map((activity) => activity.position) } });
		await app.settle();
		const outcomes = (await getImport(ctx, tableImport, { pageSize: 100 })).activities.map((activity) => activity.outcome);
		expect(new Set(outcomes)).toEqual(new Set(['unchanged']));
		expect(await versions()).toBe(versionsBefore);
		// the parts are still linked after both round trips
		expect((await getInitiative(app.database.db, await slugOf(AFD_LOAN))).partOf?.slug).toBe(await slugOf(AFD));
		expect(
			(await app.database.db.execute(sql`select count(*)::int as n from initiative where upper(iati_identifier) in ${ALL.map((id) => id.toUpperCase())}`)) as unknown as {
				rows: { n: number }[];
			}
		).toMatchObject({ rows: [{ n: ALL.length }] });
	}, 300_000);
});
