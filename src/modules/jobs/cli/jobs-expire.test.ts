import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { runJobsExpire } from './jobs-expire.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => {
	await app.close();
});

it('marks past offers expired, says how many, and records each in the audit trail', async () => {
	const db = app.database.db;
	const [org] = await db.insert(organisation).values({ slug: 'expire-cli', name: 'Expire CLI', type: 'employer' }).returning();
	const employer = (await aPerson(db, { role: 'partner', organisationIds: [org.id], email: 'e@example.ma', name: 'E' })).actor;
	const { userId } = employer;
	const counsellor = { userId: 'c', role: 'counsellor' as const, organisationIds: [] };
	const web = { actorUserId: userId, actorLabel: null, channel: 'web' as const };
	const then = new Date('2027-01-05T10:00:00Z');
	const offer = await createOffer(contextFor(db, employer, { audit: web }), org.id, {
		title: 'Ouvrier agricole',
		description: 'Récolte des agrumes, saison 2027.',
		occupationCode: '9211',
		regionCode: 'MA-09',
		city: 'Taroudant',
		contractType: 'seasonal',
		workingTime: 'full_time',
		closingDate: '2027-01-31'
	});
	await publishOffer(contextFor(db, employer, { audit: web, now: () => then }), offer.id);
	await approveOffer(contextFor(db, { ...counsellor, userId }, { audit: web, now: () => then }), offer.id);

	const lines: string[] = [];
	const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(`ERR ${text}`) };
	expect(await runJobsExpire(io, { database: app.database, now: new Date('2027-01-31T12:00:00Z') })).toBe(0);
	expect(lines.pop()).toBe('No job offer to expire.');
	expect(await runJobsExpire(io, { database: app.database, now: new Date('2027-02-02T12:00:00Z') })).toBe(0);
	expect(lines.pop()).toBe('1 job offer marked expired.');
	const [row] = await db.select().from(jobOffer).where(eq(jobOffer.id, offer.id));
	expect(row.status).toBe('expired');
	const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, offer.id), eq(auditEvent.action, 'job_offer.expire')));
	expect(event.channel).toBe('cli');
	expect(event.actorLabel).toContain('jobs:expire');
});
