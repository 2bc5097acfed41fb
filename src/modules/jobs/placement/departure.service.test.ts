// Pre-departure preparation and circular migration (issue 10, items 7–8) against the database: a session's
// capacity, waiting list and refusal; who may register; attendance moving people to "orientation
// attended"; reminders in each person's language; seasonal returns, the re-hire decision, the invitation
// accepted into the next season's pipeline; follow-ups due 3 and 12 months after arrival; export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { placementStaff } from './placement-staff.fixture.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { systemContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { agencyCounsellor } from '../counsellors/counsellors.table.ts';
import type { PipelineStage } from './campaigns.model.ts';
import { createCampaign } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { addMonths } from './departure.model.ts';
import { instantToLocalDateTime } from '../../../platform/time-zone.ts';
import { placementOrientationRegistration } from './departure.table.ts';
import { cancelMyRegistration, cancelRegistrationByStaff, createSession, mySessions, recordAttendance, registerByStaff, registerMyself, sendOrientationReminders, sessionDetail } from './orientation.service.ts';
import { answerInvitation, decideEligibility, dueFollowUps, eligibleReturnees, eraseCircular, exportCircular, inviteReturnees, myInvitations, recordFollowUp, recordReturn, seasonReturns } from './circular.service.ts';

let app: TestApp;
let division: Actor;
let rabat: Person;
let outsider: Person;
let agencies: { id: string; name: string }[];
let people: Person[];
const sent: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void sent.push(message) };
const NOW = new Date('2027-02-01T10:00:00Z');
const at = (iso: string) => () => new Date(iso);

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}
const problems = async (work: Promise<unknown>) => (await refusal(work)).fields.map((field) => `${field.path}:${field.messageKey}`);

/** Puts a person in a campaign at a stage (as if moved there), with an arrival day when they arrived. */
async function place(campaignId: string, who: Person, stage: PipelineStage, agencyId: string | null, arrivedOn?: string) {
	const db = app.database.db;
	const [row] = await db.insert(placementCandidate).values({ campaignId, userId: who.actor.userId, agencyId, stage, stageOn: arrivedOn ?? null }).returning();
	if (arrivedOn) await db.insert(placementCandidateMove).values({ candidateId: row.id, fromStage: 'departed', toStage: 'arrived', eventOn: arrivedOn, batchId: crypto.randomUUID() });
	return row.id;
}

const sessionInput = (overrides: Record<string, unknown> = {}) => ({
	agencyId: agencies[0].id,
	hostCountry: 'ES',
	date: '2027-02-10',
	time: '09:30',
	place: 'Agence ANAPEC Rabat, salle 2',
	capacity: 2,
	language: 'ar',
	waitingList: 'on',
	...overrides
});

let season2027: string;
let season2028: string;
let nurses: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	({ agencies, division, rabat } = await placementStaff(db));
	outsider = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values({ agencyId: agencies[5].id, userId: outsider.actor.userId });
	people = [];
	for (let index = 0; index < 6; index++) people.push(await aPerson(db, { role: 'member', locale: index === 0 ? 'ar' : 'fr', email: `worker${index}@example.ma` }));
	const ctx = contextFor(db, division, { now: () => NOW });
	const seasonal = (title: string, from: string, to: string) => ({ title, hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 100, seasonStartsOn: from, seasonEndsOn: to, quotas: [{ agencyId: agencies[0].id, positions: 50 }] });
	season2027 = (await createCampaign(ctx, seasonal('Fraises 2027', '2027-03-01', '2027-06-30'))).id;
	season2028 = (await createCampaign(ctx, seasonal('Fraises 2028', '2028-03-01', '2028-06-30'))).id;
	nurses = (await createCampaign(ctx, { title: 'Infirmiers Stuttgart', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 10 })).id;
});
afterAll(() => app.close());

describe('orientation sessions', () => {
	let sessionId: string;
	it('refuses a session in the past, without place nor link, or for another agency — nothing saved', async () => {
		const ctx = contextFor(app.database.db, rabat, { now: () => NOW });
		expect(await problems(createSession(ctx, sessionInput({ date: '2027-01-10', place: '', agencyId: agencies[5].id })))).toEqual(['agencyId:field_choice', 'date:field_date_future', 'place:field_place_or_link']);
		expect(await problems(createSession(ctx, sessionInput({ onlineUrl: 'http://visio.example.ma' })))).toEqual(['onlineUrl:field_url']);
		const created = await createSession(ctx, sessionInput());
		sessionId = created.id;
		// read in Morocco's time (UTC+0 or +1 according to the season)
		expect(instantToLocalDateTime(created.startsAt)).toBe('2027-02-10T09:30');
		await expect(sessionDetail(contextFor(app.database.db, outsider, { now: () => NOW }), sessionId)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('takes candidates of a campaign for the country, up to its seats, then the waiting list; refuses others', async () => {
		const db = app.database.db;
		await place(season2027, people[0], 'visa_granted', agencies[0].id);
		await place(season2027, people[1], 'selected', agencies[0].id);
		await place(season2027, people[2], 'visa_granted', agencies[0].id);
		await place(nurses, people[3], 'visa_granted', null);
		const me = (who: Person) => contextFor(db, who, { now: () => NOW, mailer });
		expect((await registerMyself(me(people[0]), sessionId)).registration.status).toBe('registered');
		expect((await registerMyself(me(people[0]), sessionId)).already).toBe(true);
		// a candidate for Germany is not for a session on Spain
		expect(await problems(registerMyself(me(people[3]), sessionId))).toEqual(['sessionId:field_session_not_yours']);
		// staff register by e-mail
		expect((await registerByStaff(contextFor(db, rabat, { now: () => NOW }), sessionId, { email: 'worker1@example.ma' })).registration.status).toBe('registered');
		expect(await problems(registerByStaff(contextFor(db, rabat, { now: () => NOW }), sessionId, { email: 'nobody@example.ma' }))).toEqual(['email:field_no_account']);
		// full: the waiting list
		expect((await registerMyself(me(people[2]), sessionId)).registration.status).toBe('waiting');
		const view = await mySessions(me(people[2]));
		expect(view).toMatchObject([{ id: sessionId, seatsLeft: 0, mine: { status: 'waiting' } }]);
		// the session has begun: closed
		expect(await problems(registerMyself(contextFor(db, people[4], { now: at('2027-02-10T11:00:00Z') }), sessionId))).toEqual(['sessionId:field_session_closed']);
	});

	it('refuses when full and without waiting list', async () => {
		const db = app.database.db;
		const small = await createSession(contextFor(db, division, { now: () => NOW }), sessionInput({ agencyId: '', capacity: 1, waitingList: '' }));
		await registerMyself(contextFor(db, people[0], { now: () => NOW }), small.id);
		expect(await problems(registerMyself(contextFor(db, people[2], { now: () => NOW }), small.id))).toEqual(['sessionId:field_session_full']);
	});

	it('gives a freed seat to the first waiting, who is told in their language; reminds each person once in their language', async () => {
		const db = app.database.db;
		sent.length = 0;
		await cancelMyRegistration(contextFor(db, people[1], { now: () => NOW, mailer }), sessionId);
		const [promoted] = await db.select().from(placementOrientationRegistration).where(and(eq(placementOrientationRegistration.sessionId, sessionId), eq(placementOrientationRegistration.userId, people[2].actor.userId)));
		expect(promoted.status).toBe('registered');
		expect(sent.map((mail) => mail.to)).toEqual(['worker2@example.ma']);
		sent.length = 0;
		expect(await sendOrientationReminders(db, systemContext(), { mailer }, new Date('2027-02-07T06:00:00Z'))).toBe(0);
		expect(await sendOrientationReminders(db, systemContext(), { mailer }, new Date('2027-02-09T10:00:00Z'))).toBe(3);
		expect(await sendOrientationReminders(db, systemContext(), { mailer }, new Date('2027-02-09T11:00:00Z'))).toBe(0);
		const arabic = sent.find((mail) => mail.to === 'worker0@example.ma')!;
		expect(arabic.language).toBe('ar');
		expect(arabic.subject).toContain('تذكير');
		expect(sent.find((mail) => mail.to === 'worker2@example.ma')!.subject).toContain('Rappel');
	});

	it('records attendance from half an hour before the start; those whose visa is granted move to "orientation attended"', async () => {
		const db = app.database.db;
		const seats = await db.select().from(placementOrientationRegistration).where(and(eq(placementOrientationRegistration.sessionId, sessionId), eq(placementOrientationRegistration.status, 'registered')));
		const worker0 = seats.find((seat) => seat.userId === people[0].actor.userId)!;
		expect(await problems(recordAttendance(contextFor(db, rabat, { now: () => NOW }), sessionId, { attended: [worker0.id] }))).toEqual(['attended:field_session_not_started']);
		// 09:30 in Morocco is 08:30 UTC: the door opens at 08:00
		expect(await problems(recordAttendance(contextFor(db, rabat, { now: at('2027-02-10T07:59:00Z') }), sessionId, { attended: [worker0.id] }))).toEqual(['attended:field_session_not_started']);
		sent.length = 0;
		const result = await recordAttendance(contextFor(db, rabat, { now: at('2027-02-10T12:00:00Z'), mailer }), sessionId, { attended: [worker0.id] });
		expect(result).toEqual({ attended: 1, absent: 1, moved: 1 });
		// the one who took the step is told, in her language (Arabic); the absent one is not
		expect(sent.map((mail) => [mail.to, mail.language])).toEqual([['worker0@example.ma', 'ar']]);
		expect(sent[0].text).toContain(translate('ar', 'campaigns.next_orientation'));
		const [moved] = await db.select().from(placementCandidate).where(eq(placementCandidate.id, worker0.candidateId));
		expect(moved).toMatchObject({ stage: 'orientation', stageOn: '2027-02-10' });
		const history = await db.select().from(placementCandidateMove).where(eq(placementCandidateMove.candidateId, worker0.candidateId));
		expect(history.at(-1)).toMatchObject({ fromStage: 'visa_granted', toStage: 'orientation' });
		const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_orientation_session.attendance'));
		expect(audit.resourceId).toBe(sessionId);
		const view = await mySessions(contextFor(db, people[0], { now: at('2027-02-10T12:00:00Z') }));
		expect(view.find((item) => item.id === sessionId)?.mine).toEqual({ status: 'registered', attended: true });
	});
});

describe('cancelling one registration', () => {
	it('lets staff cancel a person’s seat at her request: the first person waiting takes it and is told; audited; not another agency’s, not once started', async () => {
		const db = app.database.db;
		const staffCtx = (now = NOW) => contextFor(db, rabat, { now: () => now, mailer });
		const one = await createSession(staffCtx(), sessionInput({ date: '2027-02-12', capacity: 1 }));
		const seat = (await registerMyself(contextFor(db, people[1], { now: () => NOW }), one.id)).registration;
		const waiting = (await registerMyself(contextFor(db, people[2], { now: () => NOW }), one.id)).registration;
		expect(waiting.status).toBe('waiting');
		await expect(cancelRegistrationByStaff(contextFor(db, outsider, { now: () => NOW }), one.id, seat.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(cancelRegistrationByStaff(staffCtx(), one.id, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
		sent.length = 0;
		expect(await cancelRegistrationByStaff(staffCtx(), one.id, seat.id)).toEqual({ promoted: true });
		const rows = await db.select().from(placementOrientationRegistration).where(eq(placementOrientationRegistration.sessionId, one.id));
		expect(Object.fromEntries(rows.map((row) => [row.userId, row.status]))).toEqual({ [people[1].actor.userId]: 'cancelled', [people[2].actor.userId]: 'registered' });
		// the e-mail that already exists for a freed seat, in the person's language
		expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([['worker2@example.ma', expect.any(String)]]);
		const [audit] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_orientation_registration.cancel'), eq(auditEvent.resourceId, one.id)));
		expect(audit.after).toMatchObject({ registrationId: seat.id, byStaff: true, promoted: waiting.id });
		expect(audit.actorUserId).toBe(rabat.actor.userId);
		// cancelled already: nothing to cancel
		await expect(cancelRegistrationByStaff(staffCtx(), one.id, seat.id)).rejects.toMatchObject({ code: 'not_found' });
		// once the session has started, neither staff nor the person cancel (attendance is recorded instead)
		const started = new Date('2027-02-12T10:00:00Z');
		expect(await problems(cancelRegistrationByStaff(staffCtx(started), one.id, waiting.id))).toEqual([':field_session_started']);
		expect(await problems(cancelMyRegistration(contextFor(db, people[2], { now: () => started }), one.id))).toEqual(['sessionId:field_session_started']);
	});
});

describe('seasonal returns and the next season', () => {
	let back: string;
	let early: string;
	let gone: string;
	it('records returns once, on time or early with a reason, or not returned; only after arrival', async () => {
		const db = app.database.db;
		back = await place(season2027, people[4], 'arrived', agencies[0].id, '2027-03-02');
		early = await place(season2027, people[5], 'arrived', agencies[0].id, '2027-03-02');
		const notYet = (await db.select().from(placementCandidate).where(and(eq(placementCandidate.userId, people[1].actor.userId), eq(placementCandidate.campaignId, season2027))))[0].id;
		gone = await place(season2027, (await aPerson(db, { role: 'member' })), 'arrived', agencies[0].id, '2027-03-02');
		const ctx = contextFor(db, rabat, { now: at('2027-07-05T10:00:00Z') });
		expect(await problems(recordReturn(ctx, season2027, { candidateId: early, outcome: 'early', returnedOn: '' }))).toEqual(['returnedOn:field_required', 'earlyReason:field_required']);
		expect(await problems(recordReturn(ctx, season2027, { candidateId: notYet, outcome: 'on_time', returnedOn: '2027-07-01' }))).toEqual(['candidateId:field_return_not_arrived']);
		sent.length = 0;
		const told = contextFor(db, rabat, { now: at('2027-07-05T10:00:00Z'), mailer });
		await recordReturn(told, season2027, { candidateId: back, outcome: 'on_time', returnedOn: '2027-07-01' });
		await recordReturn(told, season2027, { candidateId: early, outcome: 'early', returnedOn: '2027-05-10', earlyReason: 'family' });
		await recordReturn(told, season2027, { candidateId: gone, outcome: 'did_not_return' });
		// those back home are told of the stage in their language; nobody is told of a return that did not happen
		expect(sent.map((mail) => mail.to).sort()).toEqual(['worker4@example.ma', 'worker5@example.ma']);
		expect(sent[0]).toMatchObject({ language: 'fr' });
		expect(sent[0].subject).toContain(translate('fr', 'campaigns.stage_returned'));
		expect(await problems(recordReturn(ctx, season2027, { candidateId: back, outcome: 'on_time', returnedOn: '2027-07-01' }))).toEqual(['candidateId:field_return_recorded']);
		const [row] = await db.select().from(placementCandidate).where(eq(placementCandidate.id, back));
		expect(row).toMatchObject({ stage: 'returned', stageOn: '2027-07-01' });
		const { rows } = await seasonReturns(ctx, season2027);
		expect(rows.filter((item) => item.outcome).map((item) => item.outcome).sort()).toEqual(['did_not_return', 'early', 'on_time']);
		// another agency's staff do not see the campaign
		await expect(seasonReturns(contextFor(db, outsider), season2027)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('lets staff decide re-hire (not for someone who did not return), and a later season invites the eligible', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, rabat, { now: at('2027-07-06T10:00:00Z'), mailer });
		expect(await problems(decideEligibility(ctx, season2027, { candidateId: gone, eligible: 'yes' }))).toEqual(['candidateId:field_return_missing']);
		await decideEligibility(ctx, season2027, { candidateId: back, eligible: 'yes' });
		await decideEligibility(ctx, season2027, { candidateId: early, eligible: 'no' });
		const [row] = await db.select().from(placementCandidate).where(eq(placementCandidate.id, back));
		expect(row.eligibleNextSeason).toBe(true);
		const invitees = await eligibleReturnees(ctx, season2028);
		expect(invitees.map((item) => item.candidateId)).toEqual([back]);
		// the same season does not invite itself
		expect(await eligibleReturnees(ctx, season2027)).toEqual([]);
		sent.length = 0;
		expect(await inviteReturnees(ctx, season2028, [back])).toEqual({ invited: 1, sent: 1 });
		expect(sent[0]).toMatchObject({ to: 'worker4@example.ma', language: 'fr' });
		expect(sent[0].subject).toContain('Fraises 2028');
		expect(await eligibleReturnees(ctx, season2028)).toEqual([]);
		expect(await problems(inviteReturnees(ctx, season2028, [early]))).toEqual(['candidateIds:field_choice']);
	});

	it('accepting puts the returnee in the new campaign, preselected through their agency; an answer is final', async () => {
		const db = app.database.db;
		const me = contextFor(db, people[4], { now: at('2027-12-01T10:00:00Z') });
		const [invitation] = await myInvitations(me);
		expect(invitation).toMatchObject({ status: 'invited', campaign: { id: season2028 } });
		await expect(answerInvitation(contextFor(db, people[5]), invitation.id, true)).rejects.toMatchObject({ code: 'not_found' });
		expect(await answerInvitation(me, invitation.id, true)).toMatchObject({ accepted: true, stage: 'preselected' });
		const [entry] = await db.select().from(placementCandidate).where(and(eq(placementCandidate.userId, people[4].actor.userId), eq(placementCandidate.campaignId, season2028)));
		expect(entry).toMatchObject({ stage: 'preselected', agencyId: agencies[0].id });
		const moves = await db.select().from(placementCandidateMove).where(eq(placementCandidateMove.candidateId, entry.id)).orderBy(asc(placementCandidateMove.at));
		expect(moves.map((move) => move.toStage)).toEqual(['registered', 'preselected']);
		await expect(answerInvitation(me, invitation.id, false)).rejects.toMatchObject({ code: 'conflict' });
	});
});

describe('follow-ups of long-term departures', () => {
	it('lists those due within 14 days or late, records the 3-month one and then shows the 12-month one', async () => {
		const db = app.database.db;
		const nurse = await aPerson(db, { role: 'member', email: 'nurse@example.ma' });
		const id = await place(nurses, nurse, 'arrived', null, '2027-01-31');
		expect(addMonths('2027-01-31', 3)).toBe('2027-04-30');
		const early = await dueFollowUps(contextFor(db, division, { now: at('2027-04-01T10:00:00Z') }));
		expect(early.find((row) => row.candidateId === id)).toBeUndefined();
		const due = await dueFollowUps(contextFor(db, division, { now: at('2027-04-20T10:00:00Z') }));
		expect(due.find((row) => row.candidateId === id)).toMatchObject({ months: 3, dueOn: '2027-04-30', late: false });
		// agency staff do not see the division's people
		expect((await dueFollowUps(contextFor(db, rabat, { now: at('2027-04-20T10:00:00Z') }))).find((row) => row.candidateId === id)).toBeUndefined();
		const ctx = contextFor(db, division, { now: at('2027-05-03T10:00:00Z') });
		expect(await problems(recordFollowUp(ctx, { candidateId: id, months: 12, doneOn: '2027-05-02', outcome: 'in_job' }))).toEqual(['months:field_follow_up_not_due']);
		const saved = await recordFollowUp(ctx, { candidateId: id, months: 3, doneOn: '2027-05-02', outcome: 'in_job', note: 'Bien installée' });
		expect(saved).toMatchObject({ dueOn: '2027-04-30', outcome: 'in_job' });
		const [row] = await db.select().from(placementCandidate).where(eq(placementCandidate.id, id));
		expect(row.stage).toBe('follow_up_3');
		const later = await dueFollowUps(contextFor(db, division, { now: at('2028-01-25T10:00:00Z') }));
		expect(later.find((item) => item.candidateId === id)).toMatchObject({ months: 12, dueOn: '2028-01-31' });
	});
});

describe('personal data', () => {
	it('exports and erases a person’s registrations, returns, invitations and follow-ups', async () => {
		const db = app.database.db;
		const exported = await exportCircular(db, people[4].actor.userId);
		expect(exported.placementReturns).toHaveLength(1);
		expect(exported.placementInvitations).toHaveLength(1);
		const erased = await db.transaction((tx) => eraseCircular(tx, people[0].actor.userId));
		expect(erased.registrations).toBe(2);
		expect(await db.select().from(placementOrientationRegistration).where(eq(placementOrientationRegistration.userId, people[0].actor.userId))).toEqual([]);
	});
});
