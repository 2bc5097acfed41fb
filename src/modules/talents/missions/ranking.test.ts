import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { proposeNew } from '../../../platform/moderation/moderation.service.ts';
import { generateTalents } from '../generate.ts';
import { talentProfile } from '../talents.table.ts';
import { institutionLevels } from '../talents.model.ts';
import { expressInterest, rankTalents, RANKING_PAGE } from './candidates.service.ts';
import { explainMissionMatch } from './matching.ts';
import { missionProposals } from './missions.service.ts';
import { mission, missionCandidate } from './missions.table.ts';

// The ranking scores only the profiles that may reach the page (candidates.service.ts): each page must be the
// one scoring every profile gives, in the same order, ties included.

let app: TestApp;
let clerk: Person;
const missions: { slug: string; id: string }[] = [];

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const some = <T,>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];

const variants = [
	{ skills: ['health'], occupationCode: '2211', sector: 'health', languages: [{ language: 'fr', level: 'B2' }], mode: 'remote', remoteHoursPerMonth: 6, region: 'MA-02' },
	{ skills: ['digital', 'teaching'], occupationCode: '2512', sector: 'education', languages: [], mode: 'hybrid', remoteHoursPerMonth: 4, durationDays: 5, region: 'MA-06' },
	{ skills: ['health', 'teaching', 'management'], occupationCode: null, sector: 'health', languages: [{ language: 'en', level: 'C1' }, { language: 'ar', level: 'B1' }], mode: 'on_site', durationDays: 10, region: 'MA-01' },
	{ skills: ['finance', 'management', 'digital', 'law'], occupationCode: '2411', sector: 'finance', languages: [{ language: 'es', level: 'B2' }], mode: 'remote', remoteHoursPerMonth: 3, region: 'MA-01' },
	// nothing of it in common with anyone: every profile is scored
	{ skills: ['agriculture'], occupationCode: '6111', sector: 'agriculture', languages: [{ language: 'de', level: 'C1' }], mode: 'on_site', durationDays: 3, region: 'MA-12' }
];

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [council] = await db.insert(organisation).values({ slug: 'conseil-classement', name: 'Conseil (classement)', type: 'local_authority', country: 'MA' }).returning();

	clerk = await aPerson(db, { role: 'partner', organisationIds: [council.id] });
	const moderator = await aPerson(db, { role: 'moderator' });
	await generateTalents(contextFor(db, null), 300, { prefix: 'classement' });
	// close to the missions below, so that the page's last place scores high and most profiles are left out unscored
	const profiles = await db.select({ userId: talentProfile.userId }).from(talentProfile);
	for (const { userId } of profiles) {
		await db
			.update(talentProfile)
			.set({
				skills: some(['health', 'digital', 'teaching', 'finance', 'management'], 3),
				occupationCode: pick(['2211', '2212', '2221', '2512', '2511', '2411', null]),
				sectors: some(['health', 'education', 'finance'], 2),
				languages: some(['fr', 'en', 'es', 'ar'], 3).map((language) => ({ language, level: pick(['A2', 'B1', 'B2', 'C1', 'C2', null]) })),
				remoteHoursPerMonth: pick([null, 2, 4, 8]),
				contributions: some(['expert_mission', 'remote_mentoring'], 2) as never,
				missionWindows: pick([null, 'été']),
				originRegion: pick(['MA-02', 'MA-06', 'MA-01']),
				// many ties, broken by the last change then the id
				updatedAt: new Date(Date.UTC(2030, 0, 1 + Math.floor(random() * 4)))
			})
			.where(eq(talentProfile.userId, userId));
	}
	for (const [index, facts] of variants.entries()) {
		const result = await proposeNew(contextFor(db, moderator), missionProposals, { organisationId: council.id, title: { fr: `Classement ${index}` }, context: { fr: 'Un besoin.' }, ...facts });
		missions.push(result.published!);
	}
}, 120_000);
afterAll(async () => app?.close());

/** Every visible profile scored, in the ranking's order. */
async function everyProfile(missionId: string, slug: string) {
	const db = app.database.db;
	const [row] = await db.select().from(mission).where(eq(mission.slug, slug));
	const interested = new Set((await db.select({ userId: missionCandidate.talentUserId }).from(missionCandidate).where(and(eq(missionCandidate.missionId, missionId), eq(missionCandidate.interested, true)))).map((entry) => entry.userId));
	const profiles = (await db.select().from(talentProfile)).filter((profile) => (institutionLevels as readonly string[]).includes(profile.consentLevel ?? '') || interested.has(profile.userId));
	return profiles
		.map((profile) => ({ id: profile.userId, score: explainMissionMatch(row, profile).score, updatedAt: profile.updatedAt.getTime() }))
		.sort((a, b) => b.score - a.score || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('the ranking of many profiles', () => {
	it('gives each page as scoring every profile would, in the same order', async () => {
		// a talent at the MDCMRE-only level who comes forward is ranked too
		const db = app.database.db;
		const [hidden] = await db.select({ userId: talentProfile.userId }).from(talentProfile).where(eq(talentProfile.consentLevel, 'mdcmre')).limit(1);
		await expressInterest(contextFor(db, { userId: hidden.userId, role: 'member', organisationIds: [], grants: [] }), missions[0].slug, { note: 'Disponible.' });
		for (const { id, slug } of missions) {
			const expected = await everyProfile(id, slug);
			for (const page of [1, 2, 3, 9]) {
				const ranking = await rankTalents(contextFor(db, clerk), slug, page);
				expect(ranking.total).toBe(expected.length);
				const want = expected.slice((page - 1) * RANKING_PAGE, page * RANKING_PAGE);
				expect({ slug, page, got: ranking.items.map((item) => [item.id, item.match.score]) }).toEqual({ slug, page, got: want.map((entry) => [entry.id, entry.score]) });
			}
		}
		expect((await everyProfile(missions[0].id, missions[0].slug)).some((entry) => entry.id === hidden.userId)).toBe(true);
	});
});

