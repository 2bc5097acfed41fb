// Mission statistics: public counts by status, sector, region and host country, under 5 suppressed (with the
// next smallest cell when one alone is hidden), real missions unless the samples are asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import type { App } from '../../../platform/app.ts';
import { saveProfile } from '../profile.service.ts';
import { GET as statisticsApi } from '../routes/api/v1/talents/missions/statistics/+server.ts';
import { mission, missionCandidate } from './missions.table.ts';
import { missionStatistics } from './statistics.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const [council] = await db.insert(organisation).values({ slug: 'conseil-stats-test', name: 'Conseil (test)', type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	const row = (index: number, over: Partial<typeof mission.$inferInsert> = {}) => ({
		slug: `mission-stats-${index}`,
		organisationId: council.id,
		title: { fr: `Mission ${index}` },
		context: { fr: 'Un besoin.' },
		region: 'MA-02',
		sector: 'health',
		mode: 'remote' as const,
		...over
	});
	// seven open health missions in the Oriental, two completed education missions in Tanger-Tétouan-Al Hoceïma, one sample
	const missions = await db
		.insert(mission)
		.values([
			...Array.from({ length: 7 }, (_, index) => row(index)),
			row(7, { status: 'completed', sector: 'education', region: 'MA-01' }),
			row(8, { status: 'completed', sector: 'education', region: 'MA-01' }),
			row(9, { isSample: true, sector: 'water' })
		])
		.returning({ id: mission.id });
	const people = await Promise.all(['BE', 'DE', 'FR'].map(async (country) => {
		const person = await aPerson(db);
		await saveProfile(contextFor(db, person), { hostCountry: country });
		return person.actor.userId;
	}));
	const [belgium, germany, france] = people as [string, string, string];
	await db.insert(missionCandidate).values([
		// Belgium: selected in five missions; Germany: six; France: one, and only interested in another
		...missions.slice(0, 5).map((entry) => ({ missionId: entry.id, talentUserId: belgium, selected: true })),
		...missions.slice(0, 6).map((entry) => ({ missionId: entry.id, talentUserId: germany, selected: true })),
		{ missionId: missions[6]!.id, talentUserId: france, selected: true },
		{ missionId: missions[0]!.id, talentUserId: france, interested: true }
	]);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('mission statistics', () => {
	it('count the real missions by status, sector, region and host country, suppressing counts under 5 and the next smallest cell', async () => {
		const statistics = await missionStatistics(app.database.db, {});
		expect(statistics.total).toBe(9);
		// completed (2) is hidden, and with it open (7), the next smallest: the total would give it back
		expect(statistics.byStatus).toEqual([
			{ value: 'open', missions: null },
			{ value: 'matched', missions: 0 },
			{ value: 'ongoing', missions: 0 },
			{ value: 'completed', missions: null },
			{ value: 'cancelled', missions: 0 }
		]);
		expect(statistics.bySector.find((row) => row.value === 'health')).toEqual({ value: 'health', missions: null });
		expect(statistics.bySector.find((row) => row.value === 'water')).toEqual({ value: 'water', missions: 0 });
		expect(statistics.byRegion).toEqual([
			{ value: 'MA-01', missions: null },
			{ value: 'MA-02', missions: null }
		]);
		// a mission counts once in each of its selected talents' countries; France's one hides Belgium's five
		expect(statistics.byHostCountry).toEqual([
			{ value: 'BE', missions: null },
			{ value: 'DE', missions: 6 },
			{ value: 'FR', missions: null }
		]);
	});

	it('count the demo’s samples only when asked, and are open data with their API', async () => {
		const withSamples = await missionStatistics(app.database.db, { samples: 'include' });
		expect(withSamples).toMatchObject({ total: 10, samplesIncluded: true });
		const answer = await (await statisticsApi(apiEvent(null, { search: '' }))).json();
		expect(answer).toMatchObject({ total: 9, samplesIncluded: false, byHostCountry: [{ value: 'BE', missions: null }, { value: 'DE', missions: 6 }, { value: 'FR', missions: null }] });
		expect((await statisticsApi(apiEvent(null, { search: '?samples=all' }))).status).toBe(400);
	});
});
