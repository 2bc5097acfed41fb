// The mobility caseload's demo data: the demo counsellor (division's grant) finds their sample qualified
// candidates with needs and an appointment, one candidate left to take; my space counts them; all badged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { asRole, loadActor } from '../../../platform/accounts/actor.ts';
import { caseNeed } from '../../../platform/casework/casework.table.ts';
import { caseloadCounts, listCaseload } from './mobility.service.ts';
import { loadMobilityDemoData } from './mobility.data.ts';
import { placementCaseAssignment } from './mobility.table.ts';
import { DEMO_DIVISION_EMAIL } from './placement.data.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
});
afterAll(() => app.close());

describe('the mobility caseload’s demo data', () => {
	it('gives the demo counsellor three sample candidates with needs and an appointment, one to take, once', async () => {
		const db = app.database.db;
		await loadMobilityDemoData(db);
		expect(await db.select().from(placementCaseAssignment)).toHaveLength(3);
		expect((await db.select().from(caseNeed)).every((row) => row.isSample)).toBe(true);
		const [counsellor] = await db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, DEMO_DIVISION_EMAIL));
		const ctx = contextFor(db, await loadActor(db, counsellor.id, asRole(counsellor.role)));
		const mine = await listCaseload(ctx, {});
		expect(mine.items).toHaveLength(3);
		expect(mine.items.every((item) => item.isSample && item.opportunities.length > 0)).toBe(true);
		expect(mine.items.filter((item) => item.nextAppointment)).toHaveLength(1);
		expect((await listCaseload(ctx, { show: 'unassigned' })).items.length).toBeGreaterThanOrEqual(1);
		expect(await caseloadCounts(ctx)).toEqual({ candidates: 3, withOpenNeeds: 2, appointmentsThisWeek: 1 });
	});
});
