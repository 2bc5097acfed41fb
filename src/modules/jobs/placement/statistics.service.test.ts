// Placement statistics (issue 10, item 9) against the database: offers and positions, candidates,
// departures and returns by host country, sector, channel, agency, region of origin, declared sex and year; counts of
// people from 1 to 4 suppressed in public outputs (with the next smallest cell of the breakdown), shown to
// the division; samples left out unless asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { user, organisation } from '../../../platform/accounts/accounts.table.ts';
import { suppressBreakdown, suppressed } from '../../../platform/statistics/small-counts.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { placementCampaign, placementCandidate, placementCandidateMove, placementProfile } from './campaigns.table.ts';
import { placementStatistics, statisticsRows } from './statistics.service.ts';

let app: TestApp;
let agencies: { id: string; regionCode: string }[];

/** n people of a campaign from an agency, the first `departed` of them departed in 2026 and the first `returned` back. */
async function people(campaignId: string, agencyId: string | null, n: number, departed: number, returned: number, isSample = false) {
	const db = app.database.db;
	const users = Array.from({ length: n }, () => ({ id: crypto.randomUUID(), email: `${crypto.randomUUID()}@example.ma`, name: 'Personne' }));
	await db.insert(user).values(users);
	const rows = await db
		.insert(placementCandidate)
		.values(users.map((row, index) => ({ campaignId, userId: row.id, agencyId, stage: index < returned ? ('returned' as const) : index < departed ? ('departed' as const) : ('preselected' as const), isSample, createdAt: new Date('2026-02-01T10:00:00Z') })))
		.returning({ id: placementCandidate.id });
	const batchId = crypto.randomUUID();
	const moves = rows.flatMap((row, index) => [
		...(index < departed ? [{ candidateId: row.id, fromStage: 'orientation', toStage: 'departed', eventOn: '2026-03-10', batchId }] : []),
		...(index < returned ? [{ candidateId: row.id, fromStage: 'arrived', toStage: 'returned', eventOn: '2027-07-20', batchId }] : [])
	]);
	if (moves.length) await db.insert(placementCandidateMove).values(moves);
	return users.map((row) => row.id);
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	agencies = await db.select({ id: agency.id, regionCode: agency.regionCode }).from(agency).orderBy(asc(agency.name));
	const [employer] = await db.select({ id: organisation.id }).from(organisation).limit(1);
	// an offer abroad in Germany (nurses: ISCO major group 2), 10 positions; a draft that does not count
	const offers: (typeof jobOffer.$inferInsert)[] = [
		{ organisationId: employer.id, title: 'Infirmiers', description: '…', occupationCode: '2221', hostCountry: 'DE', channel: 'individual', city: 'Stuttgart', contractType: 'cdi', workingTime: 'full_time', positions: 10, closingDate: '2027-12-31', status: 'published', publishedAt: new Date('2026-01-15T10:00:00Z') },
		{ organisationId: employer.id, title: 'Brouillon', description: '…', occupationCode: '2221', hostCountry: 'DE', channel: 'individual', city: 'Berlin', contractType: 'cdi', workingTime: 'full_time', positions: 50, closingDate: '2027-12-31', status: 'draft' }
	];
	await db.insert(jobOffer).values(offers);
	const [campaign] = await db.insert(placementCampaign).values({ title: 'Fraises', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 100 }).returning();
	const [sample] = await db.insert(placementCampaign).values({ title: 'Exemple', hostCountry: 'IT', hostRegion: 'Sicile', channel: 'seasonal', positions: 100, isSample: true }).returning();
	const first = await people(campaign.id, agencies[0].id, 7, 6, 5);
	const second = await people(campaign.id, agencies[1].id, 3, 1, 0);
	// declared sexes: the first agency's six who left are women, two men (one who left), one prefers not to say, one did not answer
	await db.insert(placementProfile).values([
		...first.slice(0, 6).map((userId) => ({ userId, sex: 'female' as const })),
		{ userId: first[6], sex: 'male' as const },
		{ userId: second[0], sex: 'male' as const },
		{ userId: second[1], sex: 'prefer_not_to_say' as const }
	]);
	await people(sample.id, agencies[0].id, 20, 20, 0, true);
}, 300_000);
afterAll(() => app.close());

describe('the small-count rule', () => {
	it('hides 1 to 4, shows 0 and 5 and more', () => {
		expect([0, 1, 4, 5, 12].map(suppressed)).toEqual([0, null, null, 5, 12]);
	});
	it('hides the next smallest cell when only one was hidden, so the total does not give it back', () => {
		const rows = suppressBreakdown(
			[
				{ key: 'a', n: 10 },
				{ key: 'b', n: 3 },
				{ key: 'c', n: 8 },
				{ key: 'd', n: 0 }
			],
			['n']
		);
		expect(rows.map((row) => row.n)).toEqual([10, null, null, 0]);
		// two hidden already: nothing more
		expect(suppressBreakdown([{ n: 2 }, { n: 3 }, { n: 9 }], ['n']).map((row) => row.n)).toEqual([null, null, 9]);
	});
});

describe('placement statistics', () => {
	it('counts offers and positions, people, departures and returns by each dimension; samples and drafts left out', async () => {
		const stats = await placementStatistics(app.database.db, { suppress: false });
		expect(stats.total).toEqual({ offers: 1, positions: 10, candidates: 10, departures: 7, returns: 5 });
		expect(stats.breakdowns.country).toEqual([
			{ key: 'ES', offers: 0, positions: 0, candidates: 10, departures: 7, returns: 5 },
			{ key: 'DE', offers: 1, positions: 10, candidates: 0, departures: 0, returns: 0 }
		]);
		expect(stats.breakdowns.sector.find((row) => row.key === '2')).toMatchObject({ offers: 1, positions: 10 });
		// the campaign has no offer: its people's sector is not known
		expect(stats.breakdowns.sector.find((row) => row.key === 'unknown')).toMatchObject({ candidates: 10 });
		expect(stats.breakdowns.agency.map((row) => [row.key, row.candidates, row.departures, row.returns])).toEqual([
			[agencies[0].id, 7, 6, 5],
			[agencies[1].id, 3, 1, 0]
		]);
		// an agency's person has no offer figure (offers have no agency)
		expect(stats.breakdowns.agency[0].offers).toBeNull();
		expect(stats.breakdowns.region.reduce((sum, row) => sum + (row.candidates ?? 0), 0)).toBe(10);
		// by declared sex: "prefer not to say" and no answer together; offers have none
		expect(stats.breakdowns.sex.map((row) => [row.key, row.offers, row.candidates, row.departures, row.returns])).toEqual([
			['female', null, 6, 6, 5],
			['male', null, 2, 1, 0],
			['unknown', null, 2, 0, 0]
		]);
		// people by year of entry, departures and returns by the year of the event
		expect(stats.breakdowns.year).toEqual([
			{ key: '2026', offers: 1, positions: 10, candidates: 10, departures: 7, returns: 0 },
			{ key: '2027', offers: 0, positions: 0, candidates: 0, departures: 0, returns: 5 }
		]);
	});

	it('suppresses counts of people from 1 to 4 in public outputs (and the cell that would give one back)', async () => {
		const stats = await placementStatistics(app.database.db);
		expect(stats.suppressed).toBe(true);
		const [first, second] = stats.breakdowns.agency;
		expect([first.candidates, second.candidates]).toEqual([null, null]);
		expect([first.departures, second.departures]).toEqual([null, null]);
		expect([first.returns, second.returns]).toEqual([5, 0]);
		// by sex: 2 men, 2 not stated hidden; one man who left hidden, and so the women who left too
		expect(stats.breakdowns.sex.map((row) => [row.key, row.candidates, row.departures, row.returns])).toEqual([
			['female', 6, null, 5],
			['male', null, null, 0],
			['unknown', null, 0, 0]
		]);
		expect(stats.total).toMatchObject({ candidates: 10, departures: 7, returns: 5 });
	});

	it('adds the samples when asked', async () => {
		const stats = await placementStatistics(app.database.db, { samples: true, suppress: false });
		expect(stats.total).toMatchObject({ candidates: 30, departures: 27 });
		expect(stats.breakdowns.country.find((row) => row.key === 'IT')).toMatchObject({ candidates: 20 });
	});

	it('writes the open-data rows in the reader’s language with "<5" for a suppressed count', async () => {
		const rows = await statisticsRows(app.database.db, 'fr', false);
		expect(rows[0]).toEqual(['Répartition', 'Groupe', 'Code', 'Offres', 'Postes', 'Candidats', 'Départs', 'Retours']);
		expect(rows).toContainEqual(['Par pays d’accueil', 'Espagne', 'ES', '0', '0', '10', '7', '5']);
		expect(rows.filter((row) => row[0] === 'Par agence').map((row) => row[5])).toEqual(['<5', '<5']);
		expect(rows.filter((row) => row[0] === 'Par sexe').map((row) => [row[1], row[2], row[3], row[5]])).toEqual([
			['Femmes', 'female', '', '6'],
			['Hommes', 'male', '', '<5'],
			['Non déclaré', 'unknown', '', '<5']
		]);
		const arabic = await statisticsRows(app.database.db, 'ar', false);
		expect(arabic).toContainEqual([expect.any(String), 'إسبانيا', 'ES', '0', '0', '10', '7', '5']);
	});
});
