import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { loadActor } from '../../../platform/accounts/actor.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { listEntryReferrals } from '../../../platform/casework/casework.service.ts';
import { agencyFollowUp } from './follow-up.caseload.ts';
import { loadDemoDataIfEmpty } from '../../../platform/demo/demo.ts';
import { listAgencySeekers, openFollowUp } from './follow-up.service.ts';
import { SeekerListQuery } from './counsellors.schemas.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };

async function demoActor(email: string) {
	const [row] = await app.database.db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, email));
	return loadActor(app.database.db, row.id, row.role);
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
}, 120_000);
afterAll(async () => {
	await app.close();
});

describe('the demo', () => {
	it('gives the demo counsellor the Rabat agency and sample people to follow, with sample notes, appointments and a referral', async () => {
		const counsellor = await demoActor('counsellor@demo.sharaka.ma');
		const list = await listAgencySeekers(contextFor(app.database.db, counsellor, { audit: web }), SeekerListQuery.parse({}));
		expect(list.agencies.map((row) => row.slug)).toEqual(['anapec-rabat']);
		expect(list.items.length).toBeGreaterThan(0);
		const files = await Promise.all(list.items.map((item) => openFollowUp(contextFor(app.database.db, counsellor, { audit: web }), item.id)));
		expect(files.some((file) => file.notes.some((note) => note.isSample))).toBe(true);
		expect(files.some((file) => file.appointments.some((entry) => entry.isSample && entry.status === 'planned'))).toBe(true);
		const partner = await demoActor('partner@demo.sharaka.ma');
		const referrals = await listEntryReferrals(contextFor(app.database.db, partner, { audit: web }), agencyFollowUp);
		expect(referrals.some((item) => item.isSample && item.status === 'sent' && item.team.name === 'ANAPEC Rabat')).toBe(true);
	});
});
