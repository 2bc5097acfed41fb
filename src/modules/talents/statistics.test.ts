// The module's statistics API: talents, networks, missions and mentoring in one answer, every count under 5
// suppressed (with the next smallest cell when one alone is hidden), real records unless the samples are asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { saveProfile, setConsent } from './profile.service.ts';
import { createNetwork, joinNetwork } from './networks.service.ts';
import { missionStatistics } from './missions/statistics.ts';
import { mentoringOffer, mentoringRequest } from './mentoring/mentoring.table.ts';
import { talentProfile } from './talents.table.ts';
import { talentsStatistics } from './statistics.ts';
import { GET as statisticsApi } from './routes/api/v1/talents/statistics/+server.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	await createNetwork(contextFor(db, null), { slug: 'sante-belgique', kind: 'skill', name: { fr: 'Santé en Belgique' }, skill: 'health', joining: 'open' });
	await createNetwork(contextFor(db, null), { slug: 'exemple-allemagne', kind: 'territory', name: { fr: 'Allemagne (exemple)' }, country: 'DE', joining: 'open' }, { isSample: true });
	// seven talents in Belgium (health), six in France (digital), two in Germany (digital); one sample in France
	const places: [string, string, number][] = [
		['BE', 'health', 7],
		['FR', 'digital', 6],
		['DE', 'digital', 2]
	];
	const userIds: string[] = [];
	for (const [country, skill, n] of places) {
		for (let index = 0; index < n; index++) {
			const person = await aPerson(db);
			await saveProfile(contextFor(db, person), { hostCountry: country, skills: [skill], contributions: country === 'BE' ? ['remote_mentoring', 'teaching'] : ['investment'] });
			if (country === 'BE') await joinNetwork(contextFor(db, person), 'sante-belgique');
			userIds.push(person.actor.userId);
		}
	}
	const sample = await aPerson(db);
	await saveProfile(contextFor(db, sample), { hostCountry: 'FR', skills: ['digital'] });
	await db.update(talentProfile).set({ isSample: true }).where(eq(talentProfile.userId, sample.actor.userId));
	// mentoring: the Belgian talents offer it with a public card; six requests, two accepted
	const mentors = userIds.slice(0, 6);
	for (const userId of mentors) await setConsent(contextFor(db, { userId, role: 'member', organisationIds: [] }), { level: 'public', cardFields: ['name'] });
	const offers = await db
		.insert(mentoringOffer)
		.values(mentors.map((mentorUserId) => ({ mentorUserId, skills: ['health'], hoursPerMonth: 2, capacity: 2 })))
		.returning();
	const youth = await aPerson(db);
	await db.insert(mentoringRequest).values(offers.map((offer, index) => ({ offerId: offer.id, mentorUserId: offer.mentorUserId, menteeUserId: youth.actor.userId, message: 'Bonjour, pouvez-vous m’aider ?', status: index < 2 ? ('accepted' as const) : ('requested' as const) })));
	// one offer is of a talent without the public card: kept, not listed
	await db.update(talentProfile).set({ consentLevel: 'institutions' }).where(inArray(talentProfile.userId, [mentors[5]!]));
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Talents statistics API', () => {
	it('counts the talents by host country, skill and contribution, hiding counts under 5 and the next smallest when one alone is hidden', async () => {
		const stats = await talentsStatistics(app.database.db, {});
		expect(stats.samplesIncluded).toBe(false);
		expect(stats.talents.total).toBe(15);
		// Germany (2) is hidden, and France (6), the next smallest, with it: the total would give Germany back
		expect(stats.talents.byHostCountry).toEqual([
			{ value: 'BE', talents: 7 },
			{ value: 'DE', talents: null },
			{ value: 'FR', talents: null }
		]);
		expect(stats.talents.bySkill).toEqual([
			{ value: 'digital', talents: 8 },
			{ value: 'health', talents: 7 }
		]);
		// every kind of contribution, zero included
		expect(stats.talents.byContribution).toContainEqual({ value: 'business_creation', talents: 0 });
		expect(stats.talents.byContribution).toContainEqual({ value: 'investment', talents: 8 });
		expect(stats.talents.byContribution).toContainEqual({ value: 'remote_mentoring', talents: 7 });
	});

	it('counts networks (never suppressed: they are not people) and their members (suppressed), the missions as their page does, and the mentoring', async () => {
		const db = app.database.db;
		const stats = await talentsStatistics(db, {});
		// the two real networks of the reference data, and the test's
		expect(stats.networks).toEqual({ total: 3, byKind: [{ value: 'territory', networks: 1 }, { value: 'skill', networks: 2 }], members: 7 });
		const { samplesIncluded: _samples, ...missions } = await missionStatistics(db, {});
		expect(stats.missions).toEqual(missions);
		// five offers listed; requests: two accepted (hidden, and the next smallest non-zero with them)
		expect(stats.mentoring.offersListed).toBe(5);
		expect(stats.mentoring.requestsByStatus).toEqual([
			{ value: 'requested', requests: null },
			{ value: 'accepted', requests: null },
			{ value: 'declined', requests: 0 },
			{ value: 'withdrawn', requests: 0 },
			{ value: 'ended', requests: 0 }
		]);
	});

	it('counts the demo’s samples only when asked, through the API, and refuses a wrong parameter', async () => {
		const answer = await statisticsApi(apiEvent(null, { search: '?samples=include' }));
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
		const stats = await answer.json();
		expect(stats).toMatchObject({ samplesIncluded: true, talents: { total: 16 }, networks: { total: 4 } });
		expect(stats.talents.byHostCountry).toContainEqual({ value: 'FR', talents: 7 });
		const wrong = await statisticsApi(apiEvent(null, { search: '?samples=all', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error.details.fields[0].path).toBe('samples');
	});
});
