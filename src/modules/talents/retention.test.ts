import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { proposeNew } from '../../platform/moderation/moderation.service.ts';
import { missionProposals } from './missions/missions.service.ts';
import { mission, missionMessage } from './missions/missions.table.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest } from './mentoring/mentoring.table.ts';
import { myMentoring } from './mentoring/mentoring.service.ts';
import { saveProfile } from './profile.service.ts';
import { talentsModule } from './manifest.ts';
import { applyTalentsRetention, conversationsDeletedOn, MENTORING_MESSAGE_MONTHS, MISSION_CONVERSATION_MONTHS } from './retention.ts';

let app: TestApp;
let talent: Person;
let mentee: Person;
const now = new Date('2031-03-15T04:00:00Z');
const monthsAgo = (months: number) => {
	const date = new Date(now);
	date.setUTCMonth(date.getUTCMonth() - months);
	return date;
};
const ids: Record<string, string> = {};
const requests: Record<string, string> = {};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [council] = await db.insert(organisation).values({ slug: 'conseil-retention', name: 'Conseil (test)', type: 'local_authority', country: 'MA' }).returning();
	const moderator = await aPerson(db, { role: 'moderator' });
	talent = await aPerson(db);
	mentee = await aPerson(db);
	await saveProfile(contextFor(db, talent), { hostCountry: 'FR', skills: ['health'], consentLevel: 'public', cardFields: ['name'] });
	// missions in each state, closed at different times; each with a conversation
	const missions: [string, 'completed' | 'cancelled' | 'ongoing', number][] = [
		['completed-long-ago', 'completed', MISSION_CONVERSATION_MONTHS + 1],
		['cancelled-long-ago', 'cancelled', MISSION_CONVERSATION_MONTHS + 6],
		['completed-recently', 'completed', MISSION_CONVERSATION_MONTHS - 1],
		['ongoing-for-years', 'ongoing', 30]
	];
	for (const [name, status, months] of missions) {
		const result = await proposeNew(contextFor(db, moderator), missionProposals, {
			organisationId: council.id,
			title: { fr: `Mission ${name}` },
			context: { fr: 'Un besoin de la région.' },
			region: 'MA-02',
			sector: 'health',
			skills: ['health'],
			mode: 'remote',
			remoteHoursPerMonth: 4
		});
		ids[name] = result.published!.id;
		await db.update(mission).set({ status, statusAt: monthsAgo(months) }).where(eq(mission.id, ids[name]));
		await db.insert(missionMessage).values([
			{ missionId: ids[name], talentUserId: talent.actor.userId, fromTalent: false, authorUserId: moderator.actor.userId, body: 'Bonjour, êtes-vous disponible ?', createdAt: monthsAgo(months + 2) },
			{ missionId: ids[name], talentUserId: talent.actor.userId, fromTalent: true, authorUserId: talent.actor.userId, body: 'Oui, à partir du mois prochain.', createdAt: monthsAgo(months + 1) }
		]);
	}
	// mentoring requests finished at different times, and one under way
	const [offer] = await db.insert(mentoringOffer).values({ mentorUserId: talent.actor.userId, skills: ['health'], hoursPerMonth: 2, capacity: 3 }).returning();
	const asked: [string, 'ended' | 'declined' | 'withdrawn' | 'accepted', Partial<typeof mentoringRequest.$inferInsert>][] = [
		['ended-long-ago', 'ended', { endedAt: monthsAgo(MENTORING_MESSAGE_MONTHS + 1), reason: 'Objectif atteint.', endedBy: 'mentor' }],
		['declined-long-ago', 'declined', { answeredAt: monthsAgo(MENTORING_MESSAGE_MONTHS + 2), reason: 'Pas disponible cette année.' }],
		['withdrawn-long-ago', 'withdrawn', { endedAt: monthsAgo(MENTORING_MESSAGE_MONTHS + 3) }],
		['ended-recently', 'ended', { endedAt: monthsAgo(MENTORING_MESSAGE_MONTHS - 1), reason: 'Fin du stage.', endedBy: 'mentee' }],
		['accepted-long-ago', 'accepted', { answeredAt: monthsAgo(24) }]
	];
	for (const [name, status, values] of asked) {
		const [row] = await db
			.insert(mentoringRequest)
			.values({ offerId: offer.id, mentorUserId: talent.actor.userId, menteeUserId: mentee.actor.userId, message: `Bonjour, je voudrais être accompagnée (${name}).`, status, createdAt: monthsAgo(30), updatedAt: monthsAgo(1), ...values })
			.returning();
		requests[name] = row.id;
		// the mentorings that were accepted have their conversation
		if (status === 'ended' || status === 'accepted') {
			await db.insert(mentoringMessage).values([
				{ requestId: row.id, authorUserId: mentee.actor.userId, fromMentor: false, body: `Bonjour, merci d’avoir accepté (${name}).`, createdAt: monthsAgo(20) },
				{ requestId: row.id, authorUserId: talent.actor.userId, fromMentor: true, body: 'Avec plaisir, parlons mardi.', createdAt: monthsAgo(19) }
			]);
		}
	}
});
afterAll(async () => app?.close());

describe('the talents’ retention job', () => {
	it('is a nightly job of the module', () => {
		expect(talentsModule.jobs?.retention).toMatchObject({ descriptionKey: 'talents.job_retention', schedule: '40 3 * * *' });
	});

	it('deletes closed missions’ conversations after 12 months and finished mentoring messages and conversations after 6, audited once per run', async () => {
		const db = app.database.db;
		const result = await applyTalentsRetention(contextFor(db, null, { now: () => now }));
		expect(result).toEqual({ missionMessages: 4, missions: [ids['completed-long-ago'], ids['cancelled-long-ago']].sort(), mentoringRequests: 3, mentoringMessages: 2, mentoringConversations: 1, newsImages: 0 });
		const left = await db.select({ missionId: missionMessage.missionId }).from(missionMessage);
		expect(new Set(left.map((row) => row.missionId))).toEqual(new Set([ids['completed-recently'], ids['ongoing-for-years']]));
		// the missions themselves stay
		expect(await db.select({ id: mission.id }).from(mission).where(inArray(mission.id, Object.values(ids)))).toHaveLength(4);
		const rows = await db.select().from(mentoringRequest).orderBy(asc(mentoringRequest.createdAt));
		const byId = new Map(rows.map((row) => [row.id, row]));
		for (const name of ['ended-long-ago', 'declined-long-ago', 'withdrawn-long-ago']) expect(byId.get(requests[name]), name).toMatchObject({ message: null, reason: null });
		// the request itself, how and when it ended, stays
		expect(byId.get(requests['ended-long-ago'])).toMatchObject({ status: 'ended', endedBy: 'mentor' });
		expect(byId.get(requests['ended-recently'])).toMatchObject({ message: expect.stringContaining('ended-recently'), reason: 'Fin du stage.' });
		expect(byId.get(requests['accepted-long-ago'])!.message).toContain('accepted-long-ago');
		// the conversation of the mentoring ended long ago goes; the one that just ended and the one under way stay
		const conversations = await db.select({ requestId: mentoringMessage.requestId }).from(mentoringMessage);
		expect(new Set(conversations.map((row) => row.requestId))).toEqual(new Set([requests['ended-recently'], requests['accepted-long-ago']]));
		// both sides still see the request, without its message
		const mine = await myMentoring(contextFor(db, mentee));
		expect(mine.asMentee.find((entry) => entry.id === requests['declined-long-ago'])).toMatchObject({ status: 'declined', message: null, reason: null });
		// one audit event for the run, with counts, never the words
		const audited = await db.select().from(auditEvent).where(eq(auditEvent.action, 'talents.retention'));
		expect(audited).toHaveLength(1);
		expect(audited[0]).toMatchObject({ actorUserId: null, resourceType: 'talents', after: { missionMessages: 4, mentoringRequests: 3, mentoringMessages: 2, mentoringConversations: 1, months: { missionConversations: 12, mentoringMessages: 6 } } });
		expect(JSON.stringify(audited[0].after)).not.toContain('Bonjour');
	});

	it('finds nothing more on the next run, and still records it', async () => {
		const db = app.database.db;
		expect(await applyTalentsRetention(contextFor(db, null, { now: () => now }))).toEqual({ missionMessages: 0, missions: [], mentoringRequests: 0, mentoringMessages: 0, mentoringConversations: 0, newsImages: 0 });
		expect(await db.select().from(auditEvent).where(eq(auditEvent.action, 'talents.retention'))).toHaveLength(2);
		// two months later, the mission completed 11 months ago has its turn
		const later = new Date(now);
		later.setUTCMonth(later.getUTCMonth() + 2);
		const next = await applyTalentsRetention(contextFor(db, null, { now: () => later }));
		expect(next.missions).toEqual([ids['completed-recently']]);
		// and the mentoring that ended 5 months ago has its conversation deleted
		expect(next).toMatchObject({ mentoringMessages: 2, mentoringConversations: 1 });
	});

	it('tells the pages when a closed mission’s conversations go', () => {
		expect(conversationsDeletedOn({ status: 'completed', statusAt: '2030-01-31T10:00:00.000Z' })).toBe('2031-01-31T10:00:00.000Z');
		expect(conversationsDeletedOn({ status: 'cancelled', statusAt: new Date('2030-06-01T00:00:00Z') })).toBe('2031-06-01T00:00:00.000Z');
		expect(conversationsDeletedOn({ status: 'ongoing', statusAt: new Date() })).toBeNull();
	});
});
