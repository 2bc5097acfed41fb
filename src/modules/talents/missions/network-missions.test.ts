// A completed mission shows on the network page of its talents' networks: the count (any consent, suppressed
// under 5) and the list (only through members whose public card shows their missions, never naming them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { saveProfile, setConsent, listPublicCards } from '../profile.service.ts';
import { createNetwork, getNetworkPage, joinNetwork } from '../networks.service.ts';
import { insertMission } from './missions.service.ts';
import { missionCandidate } from './missions.table.ts';

let app: TestApp;
let council: { id: string };
const people: Person[] = [];

async function aCompletedMission(title: string, talents: Person[], status: 'completed' | 'ongoing' = 'completed') {
	const ctx = contextFor(app.database.db, null);
	const created = await insertMission(
		ctx,
		{ organisationId: council.id, title: { fr: title }, context: { fr: 'Contexte.' }, region: 'MA-04', sector: 'health', skills: ['health'], occupationCode: null, languages: [], mode: 'remote', startsOn: null, endsOn: null, durationDays: null, remoteHoursPerMonth: 4, travelCovered: false, stayCovered: false, conditions: {} },
		{ userId: null, organisationId: council.id, comment: null },
		{ status }
	);
	for (const talent of talents) await app.database.db.insert(missionCandidate).values({ missionId: created.id, talentUserId: talent.actor.userId, selected: true, contact: 'accepted' });
	return created.slug;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[council] = await db.insert(organisation).values({ slug: 'conseil-oriental-test', name: 'Conseil test', type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	await createNetwork(contextFor(db, null), { slug: 'sante-test', kind: 'skill', name: { fr: 'Santé' }, skill: 'health', joining: 'open' });
	for (const [index, cardFields] of [['name', 'missions'], ['name'], [], [], [], []].entries()) {
		const person = await aPerson(db, { name: `Talent ${index}` });
		await saveProfile(contextFor(db, person), { hostCountry: 'FR', skills: ['health'] });
		await setConsent(contextFor(db, person), { level: index < 2 ? 'public' : 'institutions', cardFields });
		await joinNetwork(contextFor(db, person), 'sante-test');
		people.push(person);
	}
});
afterAll(async () => app?.close());

describe('completed missions on the network page', () => {
	it('counts them only from 5, and lists only those of members whose card shows their missions', async () => {
		const shown = await aCompletedMission('Télé-expertise en cardiologie', [people[0]!, people[2]!]);
		await aCompletedMission('Former les sages-femmes', [people[1]!]);
		await aCompletedMission('Hygiène hospitalière', [people[3]!]);
		await aCompletedMission('Encore en cours', [people[0]!], 'ongoing');
		let page = await getNetworkPage(app.database.db, 'sante-test');
		expect(page.completedMissions).toBeNull();
		expect(page.missionsShown.map((entry) => entry.slug)).toEqual([shown]);
		expect(JSON.stringify(page.missionsShown)).not.toContain('Talent 0');
		await aCompletedMission('Urgences pédiatriques', [people[4]!]);
		await aCompletedMission('Dossier patient numérique', [people[5]!, people[0]!]);
		page = await getNetworkPage(app.database.db, 'sante-test');
		expect(page.completedMissions).toBe(5);
		expect(page.missionsShown).toHaveLength(2);
		// and on the talent's public card, when it shows missions completed
		const card = (await listPublicCards(app.database.db, {})).items.find((item) => item.id === people[0]!.actor.userId);
		expect(card?.completedMissions).toBe(2);
	});
});
