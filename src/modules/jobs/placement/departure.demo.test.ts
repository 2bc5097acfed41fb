// The demo's circular migration (issue 10, item 8): the sample season's returns (on time, early, not returned)
// and those still to record, the follow-ups at 3 and 12 months of the sample long-term programme (done, late and
// due this week), the statistics with the samples counting returns and declared sexes; loaded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { asRole, loadActor } from '../../../platform/accounts/actor.ts';
import { SAMPLE_CAMPAIGN_TITLE } from './campaigns.data.ts';
import { placementCampaign } from './campaigns.table.ts';
import { dueFollowUps, seasonReturns } from './circular.service.ts';
import { loadDepartureDemoData } from './departure.data.ts';
import { placementFollowUp, placementReturn } from './departure.table.ts';
import { DEMO_DIVISION_EMAIL } from './placement.data.ts';
import { placementStatistics } from './statistics.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
}, 300_000);
afterAll(() => app.close());

describe('the demo’s returns and follow-ups', () => {
	it('fills the returns page, the follow-ups page and the statistics (with the samples), once', async () => {
		const db = app.database.db;
		const [division] = await db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, DEMO_DIVISION_EMAIL));
		const ctx = contextFor(db, await loadActor(db, division.id, asRole(division.role)));
		const [season] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, SAMPLE_CAMPAIGN_TITLE)));
		const { rows } = await seasonReturns(ctx, season.id);
		// recorded on time, early or not returned, and some still to record (null)
		expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(['on_time', 'early', 'did_not_return', null]));

		const followUps = await db.select({ months: placementFollowUp.months }).from(placementFollowUp).where(eq(placementFollowUp.isSample, true));
		expect(followUps.filter((row) => row.months === 3).length).toBeGreaterThanOrEqual(5);
		expect(followUps.filter((row) => row.months === 12)).toHaveLength(2);
		const due = await dueFollowUps(ctx);
		expect(due.some((row) => row.months === 3 && row.late)).toBe(true);
		expect(due.some((row) => row.months === 12 && !row.late)).toBe(true);

		const stats = await placementStatistics(db, { samples: true });
		expect(stats.total.returns).toBeGreaterThan(4);
		expect(stats.breakdowns.sex.find((row) => row.key === 'female')?.candidates).toBeGreaterThan(4);

		const counts = async () => [(await db.select().from(placementReturn)).length, (await db.select().from(placementFollowUp)).length];
		const before = await counts();
		await loadDepartureDemoData(db);
		expect(await counts()).toEqual(before);
	});
});
