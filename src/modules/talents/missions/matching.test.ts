import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, not } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson } from '../../../platform/testing/people.ts';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { contributions, missionModes, sectors, skills } from '../talents.model.ts';
import { talentProfile } from '../talents.table.ts';
import { explainMissionMatch, mayScoreAtLeast, missionScoreSql, missionWeights, type MissionFacts } from './matching.ts';

// The ranking orders profiles in the database (missionScoreSql) and each result explains its score
// (explainMissionMatch): both must give the same number for every pair, or a result would show reasons
// that do not add up to its place in the list.

let app: TestApp;
const ids: string[] = [];

// a small deterministic generator, so that a failure can be replayed
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const some = <T,>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(values)))];
const occupations = ['2211', '2212', '2221', '2142', '2512', '2310', '1120', null];
const regionsUsed = ['MA-01', 'MA-02', 'MA-05', 'MA-06', null];
const languagesUsed = ['fr', 'ar', 'en', 'de', 'es'];

beforeAll(async () => {
	app = await createTestApp();
	for (let index = 0; index < 60; index++) {
		const person = await aPerson(app.database.db);
		ids.push(person.actor.userId);
		await app.database.db.insert(talentProfile).values({
			userId: person.actor.userId,
			hostCountry: 'DE',
			occupationCode: pick(occupations),
			skills: some(skills, 4),
			sectors: some(sectors, 3),
			languages: some(languagesUsed, 3).map((language) => ({ language, level: random() < 0.15 ? null : pick(cefrLevels) })),
			contributions: some(contributions, 2),
			remoteHoursPerMonth: random() < 0.3 ? null : Math.floor(random() * 20),
			missionWindows: random() < 0.5 ? null : pick(['', '  ', 'juillet et août']),
			originRegion: pick(regionsUsed),
			consentLevel: 'institutions'
		});
	}
});
afterAll(async () => app?.close());

function aMission(): MissionFacts {
	return {
		skills: some(skills, 5).concat(pick(skills)),
		occupationCode: pick(occupations),
		sector: pick(sectors),
		languages: some(languagesUsed, 3).map((language) => ({ language, level: pick(cefrLevels) })),
		mode: pick(missionModes),
		remoteHoursPerMonth: random() < 0.3 ? null : 1 + Math.floor(random() * 15),
		region: pick(regionsUsed) ?? 'MA-03'
	};
}

describe('the mission score', () => {
	it('is the same in the database and in the explanation, for many pairs', async () => {
		const profiles = await app.database.db.select().from(talentProfile).where(inArray(talentProfile.userId, ids));
		for (let round = 0; round < 25; round++) {
			const mission = aMission();
			const scored = await app.database.db.select({ userId: talentProfile.userId, score: missionScoreSql(mission) }).from(talentProfile).where(inArray(talentProfile.userId, ids));
			const byUser = new Map(scored.map((row) => [row.userId, row.score]));
			for (const profile of profiles) {
				const explained = explainMissionMatch(mission, profile);
				expect({ round, mission, user: profile.userId, score: byUser.get(profile.userId) }).toEqual({ round, mission, user: profile.userId, score: explained.score });
				expect(explained.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(explained.score);
				expect(explained.score).toBeGreaterThanOrEqual(0);
				expect(explained.score).toBeLessThanOrEqual(100);
			}
		}
	});

	// the ranking leaves out the profiles that cannot reach the page (candidates.service.ts): never one that can
	it('leaves out, for a floor, only profiles that score less', async () => {
		const db = app.database.db;
		const mine = inArray(talentProfile.userId, ids);
		let prunedSome = false;
		for (let round = 0; round < 12; round++) {
			const mission = aMission();
			const score = missionScoreSql(mission);
			const sizes: number[] = [];
			for (const floor of [0, 20, 40, 50, 55, 60, 65, 70, 75, 80, 90, 100]) {
				const condition = mayScoreAtLeast(mission, floor);
				if (!condition) continue;
				const missed = await db.select({ userId: talentProfile.userId, score }).from(talentProfile).where(and(mine, not(condition)));
				expect({ round, mission, floor, missed: missed.filter((row) => row.score >= floor) }).toEqual({ round, mission, floor, missed: [] });
				prunedSome ||= missed.length > 0;
				sizes.push(ids.length - missed.length);
			}
			// a higher floor never lets more profiles through
			expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		}
		expect(prunedSome).toBe(true);
	});

	it('gives full marks to a perfect fit, and explains each criterion', async () => {
		const mission: MissionFacts = { skills: ['health'], occupationCode: '2211', sector: 'health', languages: [{ language: 'fr', level: 'B2' }], mode: 'remote', remoteHoursPerMonth: 4, region: 'MA-02' };
		const perfect = explainMissionMatch(mission, { skills: ['health'], occupationCode: '2211', sectors: ['health'], languages: [{ language: 'fr', level: 'C1' }], remoteHoursPerMonth: 6, missionWindows: null, contributions: [], originRegion: 'MA-02' });
		expect(perfect.score).toBe(100);
		expect(perfect.reasons.map((reason) => [reason.code, reason.points])).toEqual([
			['skills_common', missionWeights.skills],
			['occupation_unit', 20],
			['sector_same', 10],
			['language_met', 20],
			['remote_enough', 10],
			['origin_same', 10]
		]);
		// one level below counts half; another occupation of the same sub-major group some
		const partial = explainMissionMatch(mission, { skills: [], occupationCode: '2240', sectors: [], languages: [{ language: 'fr', level: 'B1' }], remoteHoursPerMonth: 2, missionWindows: null, contributions: [], originRegion: null });
		expect(partial.reasons.map((reason) => [reason.code, reason.points])).toEqual([
			['skills_none', 0],
			['occupation_sub_major', 8],
			['sector_other', 0],
			['language_partial', 10],
			['remote_some', 5],
			['origin_other', 0]
		]);
		const [row] = await app.database.db.select({ score: missionScoreSql(mission) }).from(talentProfile).where(eq(talentProfile.userId, ids[0]));
		expect(typeof row.score).toBe('number');
	});
});
