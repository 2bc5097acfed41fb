import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { loadActor, asRole } from '../../../platform/accounts/actor.ts';
import { removeSampleTalents, SAMPLE_TALENT_DOMAIN } from '../generate.ts';
import { listOffers, mentoringConversation, myMentoring } from './mentoring.service.ts';
import { listSchemes } from '../young/support-schemes.ts';
import { listAssociations, listHouses, networkAssociations } from '../directories/directories.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest } from './mentoring.table.ts';
import { networkAnnouncement } from '../talents.table.ts';
import { listNews } from '../news.service.ts';

let app: TestApp;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
	// the whole demo: over a minute on a busy machine
}, 180_000);
afterAll(async () => app?.close());

describe('the mentoring’s demo data', () => {
	it('lists badged offers of sample talents and requests in every state, both sides seeing theirs', async () => {
		const db = app.database.db;
		const listed = await listOffers(db, {});
		expect(listed.total).toBeGreaterThan(10);
		expect(listed.items.every((item) => item.isSample)).toBe(true);
		const requests = await db.select().from(mentoringRequest);
		expect(new Set(requests.map((row) => row.status))).toEqual(new Set(['requested', 'accepted', 'declined', 'withdrawn', 'ended']));
		const [young] = await db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, `jeune-1@${SAMPLE_TALENT_DOMAIN}`));
		const mine = await myMentoring(contextFor(db, await loadActor(db, young.id, asRole(young.role))));
		expect(mine.asMentee[0]).toMatchObject({ status: 'accepted', isSample: true, messages: 3 });
		// the accepted and ended mentorings have a few messages of their conversation, both sides writing
		const conversation = await mentoringConversation(contextFor(db, await loadActor(db, young.id, asRole(young.role))), mine.asMentee[0].id);
		expect(conversation.messages.map((message) => [message.side, message.mine])).toEqual([
			['mentee', true],
			['mentor', false],
			['mentee', true]
		]);
		expect(await db.select().from(mentoringMessage)).toHaveLength(7);
		// three fictional support schemes on the young generations' page
		const schemes = await listSchemes(db, {}, 'fr');
		expect(schemes.total).toBe(3);
		expect(schemes.items.every((item) => item.isSample)).toBe(true);
		// the directories: two sample houses and a desk, three sample associations in sample networks, all badged
		const houses = await listHouses(db, {}, 'fr');
		expect(houses.items.map((item) => item.kind).sort()).toEqual(['desk', 'house', 'house']);
		const associations = await listAssociations(db, {}, 'fr');
		expect(associations.total).toBe(3);
		expect([...houses.items, ...associations.items].every((item) => item.isSample)).toBe(true);
		expect(associations.items.flatMap((item) => item.networks.map((network) => network.slug))).toContain('exemple-talents-belgique');
		expect((await networkAssociations(db, 'exemple-talents-belgique', 'ar')).total).toBe(1);
		// the networks' news: published items written in French, Arabic and English, one announcement kept for the members
		const digital = await listNews(db, 'exemple-numerique');
		expect(digital.total).toBe(2);
		const published = [digital, await listNews(db, 'exemple-sante'), await listNews(db, 'exemple-talents-ile-de-france')].flatMap((page) => page.items);
		expect(new Set(published.flatMap((item) => Object.keys(item.title)))).toEqual(new Set(['fr', 'ar', 'en']));
		expect((await db.select().from(networkAnnouncement)).filter((row) => !row.published)).toHaveLength(1);
		// loading the demo again adds nothing
		await loadDemoDataIfEmpty(db);
		expect((await listOffers(db, {})).total).toBe(listed.total);
	});

	it('goes with `talents:remove-samples`, the sample young people too', async () => {
		const db = app.database.db;
		await removeSampleTalents(contextFor(db, null));
		expect(await db.select().from(mentoringOffer)).toEqual([]);
		expect(await db.select().from(mentoringRequest)).toEqual([]);
		expect(await db.select().from(mentoringMessage)).toEqual([]);
		expect((await listSchemes(db, {}, 'fr')).total).toBe(0);
		expect((await listHouses(db, {}, 'fr')).total).toBe(0);
		expect((await listAssociations(db, {}, 'fr')).total).toBe(0);
		expect(await db.select().from(networkAnnouncement)).toEqual([]);
		expect(await db.select().from(user).where(like(user.email, `jeune-%@${SAMPLE_TALENT_DOMAIN}`))).toEqual([]);
	});
});
