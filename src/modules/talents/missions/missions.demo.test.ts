import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { loadActor, asRole } from '../../../platform/accounts/actor.ts';
import { listProposals } from '../../../platform/moderation/moderation.service.ts';
import { getMission, listMissions, missionProposals, organisationMissions } from './missions.service.ts';
import { regionContributions } from '../../../platform/kernel/regions.ts';
import { missionsForMe, profileViews, rankTalents } from './candidates.service.ts';
import { DEMO_INSTITUTION_EMAIL } from './missions.demo.ts';

let app: TestApp;
const actorOf = async (email: string) => {
	const [row] = await app.database.db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, email));
	return loadActor(app.database.db, row.id, asRole(row.role));
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
});
afterAll(async () => app?.close());

describe('the missions’ demo data', () => {
	it('has sample missions in every state, and proposals for the moderators', async () => {
		const all = await listMissions(app.database.db, { status: 'all' });
		expect(all.items.every((item) => item.isSample)).toBe(true);
		expect(new Set(all.items.map((item) => item.status))).toEqual(new Set(['open', 'matched', 'ongoing', 'completed', 'cancelled']));
		const moderator = await actorOf('moderator@demo.sharaka.ma');
		expect((await listProposals(contextFor(app.database.db, moderator), missionProposals)).total).toBe(1);
	});

	it('puts the completed mission in a real Atlas initiative of its region, which the region’s page shows with it', async () => {
		const db = app.database.db;
		const [completed] = (await listMissions(db, { status: 'completed' })).items;
		const detail = await getMission(db, completed.slug, 'fr');
		expect(detail.region).toBe('MA-02');
		expect(detail.initiative).toMatchObject({ slug: 'primo-oriental', lang: 'fr' });
		expect(detail.initiative!.title).toMatch(/^PRIMO/);
		// the Oriental's page in the Atlas: the sample, badged, with PRIMO's page linked
		const [section] = (await regionContributions(db, 'MA-02', 'ar')).filter((entry) => entry.module === 'talents');
		const item = section.items.find((entry) => entry.path === `/talents/missions/${completed.slug}`)!;
		expect(item).toMatchObject({ isSample: true, linked: [{ path: '/atlas/initiatives/primo-oriental', isSample: false }] });
		// and the initiative's filter finds it
		expect((await listMissions(db, { initiative: 'primo-oriental', status: 'all' })).items.map((entry) => entry.slug)).toEqual([completed.slug]);
	});

	it('lets the demo institution walk its missions and the explained ranking', async () => {
		const clerk = await actorOf(DEMO_INSTITUTION_EMAIL);
		const mine = await organisationMissions(contextFor(app.database.db, clerk));
		expect(mine.missions.length).toBe(3);
		expect(mine.proposals.map((entry) => entry.status).sort()).toEqual(['changes_requested', 'pending']);
		const slug = mine.missions.find((entry) => entry.status === 'open')!.slug;
		const ranking = await rankTalents(contextFor(app.database.db, clerk), slug);
		expect(ranking.total).toBeGreaterThan(50);
		expect(ranking.items[0].match.score).toBeGreaterThanOrEqual(ranking.items.at(-1)!.match.score);
	});

	it('shows the demo member a contact request and who looked at her profile', async () => {
		const member = await actorOf('member@demo.sharaka.ma');
		const found = await missionsForMe(contextFor(app.database.db, member));
		expect(found.mine.map((entry) => entry.standing.contact)).toContain('requested');
		expect(found.fitting.length).toBeGreaterThan(0);
		expect((await profileViews(contextFor(app.database.db, member))).map((entry) => entry.kind).sort()).toEqual(['details', 'ranking']);
	});
});
