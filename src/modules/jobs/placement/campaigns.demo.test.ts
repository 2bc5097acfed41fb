// The campaigns' demo data loads fast, once, badged: a seasonal campaign split across five agencies with
// 300 sample candidates spread over the stages, within each agency's share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { loadCampaignsDemoData, SAMPLE_CANDIDATE_DOMAIN } from './campaigns.data.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove } from './campaigns.table.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(() => app.close());

describe('the campaigns’ demo data', () => {
	// (its speed is not asserted here: timings belong to benchmarks, and a loaded CI machine made this one fail)
	it('loads a sample seasonal campaign with 300 candidates, once', async () => {
		const db = app.database.db;
		await loadCampaignsDemoData(db);
		await loadCampaignsDemoData(db);
		const campaigns = await db.select().from(placementCampaign);
		expect(campaigns).toHaveLength(1);
		expect(campaigns[0]).toMatchObject({ isSample: true, channel: 'seasonal', positions: 600 });
		const quotas = await db.select().from(placementCampaignQuota);
		expect(quotas).toHaveLength(5);
		expect(quotas.reduce((sum, quota) => sum + quota.positions, 0)).toBe(600);
		const people = await db.select({ id: user.id }).from(user).where(like(user.email, `%@${SAMPLE_CANDIDATE_DOMAIN}`));
		expect(people).toHaveLength(300);
		const byStage = await db.select({ stage: placementCandidate.stage, n: sql<number>`count(*)::int` }).from(placementCandidate).groupBy(placementCandidate.stage);
		expect(byStage.length).toBeGreaterThanOrEqual(12);
		// every agency's preselected people within its share
		const filled = await db
			.select({ agencyId: placementCandidate.agencyId, n: sql<number>`count(*)::int` })
			.from(placementCandidate)
			.where(sql`${placementCandidate.exitReason} is null and ${placementCandidate.stage} <> 'registered'`)
			.groupBy(placementCandidate.agencyId);
		for (const row of filled) expect(row.n).toBeLessThanOrEqual(quotas.find((quota) => quota.agencyId === row.agencyId)!.positions);
		const [someone] = await db.select({ id: placementCandidate.id, stage: placementCandidate.stage }).from(placementCandidate).where(eq(placementCandidate.stage, 'arrived')).limit(1);
		const history = await db.select({ to: placementCandidateMove.toStage }).from(placementCandidateMove).where(eq(placementCandidateMove.candidateId, someone.id));
		expect(history.map((move) => move.to).at(-1)).toBe('arrived');
	});
});
