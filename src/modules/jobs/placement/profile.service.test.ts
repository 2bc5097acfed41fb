// A candidate's self-declared sex for the placement statistics (issue 10, item 9) against the database:
// optional ("prefer not to say" is an answer, no answer is "not stated"), changed and withdrawn, a field
// error when nothing is chosen, audited without the answer, counted by the statistics, exported and erased
// with the account; the API as a token's request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { placementCampaign, placementCandidate, placementProfile } from './campaigns.table.ts';
import { myPlacementProfile, setMyPlacementProfile } from './profile.service.ts';
import { placementStatistics } from './statistics.service.ts';
import { GET as profileApi, PUT as saveProfileApi } from '../routes/api/v1/placement/my-profile/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let nadia: Person;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	nadia = await aPerson(db, { role: 'member', name: 'Nadia' });
	const [campaign] = await db.insert(placementCampaign).values({ title: 'Fraises', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 10 }).returning();
	await db.insert(placementCandidate).values({ campaignId: campaign.id, userId: nadia.actor.userId, stage: 'registered' });
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

const me = () => contextFor(app.database.db, nadia);

describe('the declared sex', () => {
	it('is not stated until she answers; nothing chosen is a field error, nothing saved', async () => {
		expect(await myPlacementProfile(me())).toEqual({ sex: null, updatedAt: null });
		await expect(setMyPlacementProfile(me(), { sex: '' })).rejects.toMatchObject({ code: 'invalid_input', fields: [expect.objectContaining({ path: 'sex' })] });
		await expect(setMyPlacementProfile(me(), { sex: 'other' })).rejects.toMatchObject({ code: 'invalid_input' });
		expect(await app.database.db.select().from(placementProfile)).toEqual([]);
	});

	it('is saved, changed and withdrawn; the audit trail says it changed, never the answer; the statistics count it', async () => {
		expect((await setMyPlacementProfile(me(), { sex: 'female' })).sex).toBe('female');
		expect((await placementStatistics(app.database.db, { suppress: false })).breakdowns.sex).toEqual([expect.objectContaining({ key: 'female', candidates: 1 })]);
		expect((await setMyPlacementProfile(me(), { sex: 'prefer_not_to_say' })).sex).toBe('prefer_not_to_say');
		expect((await placementStatistics(app.database.db, { suppress: false })).breakdowns.sex).toEqual([expect.objectContaining({ key: 'unknown', candidates: 1 })]);
		expect(await setMyPlacementProfile(me(), { sex: null })).toEqual({ sex: null, updatedAt: null });
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_profile.update'));
		expect(events).toHaveLength(3);
		const trail = JSON.stringify(events.map((event) => [event.before, event.after]));
		expect(trail).not.toMatch(/female|prefer_not/);
	});

	it('goes through the API with a token: read, saved, 400 without an answer, 401 without a token', async () => {
		expect(await (await saveProfileApi(apiEvent(nadia, { method: 'PUT', json: { sex: 'male' } }))).json()).toMatchObject({ sex: 'male' });
		expect(await (await profileApi(apiEvent(nadia))).json()).toMatchObject({ sex: 'male' });
		expect((await saveProfileApi(apiEvent(nadia, { method: 'PUT', json: {} }))).status).toBe(400);
		expect((await profileApi(apiEvent(null))).status).toBe(401);
	});

	it('is in her data export and goes with her account', async () => {
		const exported = (await exportMyData(me())) as Record<string, unknown>;
		expect(exported.placementProfile).toMatchObject({ sex: 'male' });
		await deleteMyAccount(me(), app);
		expect(await app.database.db.select().from(placementProfile).where(eq(placementProfile.userId, nadia.actor.userId))).toEqual([]);
	});
});
