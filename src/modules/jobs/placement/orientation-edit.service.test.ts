// Orientation sessions changed and cancelled after creation (issue 10, item 7) against the database: the
// seats never below the people registered, seats added going to the waiting list, a new day or place told
// to everyone in their language, the cancellation keeping the registrations (cancelled), each person told,
// every change audited; agency staff on their own agency's sessions only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { instantToLocalDateTime } from '../../../platform/time-zone.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';
import { createCampaign } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { departureCounts } from './departure-space.ts';
import { jobsSpace } from '../my-space.ts';
import { recordReturn } from './circular.service.ts';
import type { App } from '../../../platform/app.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import { PATCH as changeSessionApi } from '../routes/api/v1/placement/orientation-sessions/[id]/+server.ts';
import { POST as cancelSessionApi } from '../routes/api/v1/placement/orientation-sessions/[id]/cancellation/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
import { placementOrientationRegistration as registration, placementOrientationSession as session } from './departure.table.ts';
import { cancelSession, createSession, mySessions, recordAttendance, registerByStaff, registerMyself, updateSession } from './orientation.service.ts';

let app: TestApp;
let division: Actor;
let rabat: Person;
let outsider: Person;
let agencies: { id: string; name: string }[];
let people: Person[];
const sent: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void sent.push(message) };
const NOW = new Date('2027-02-01T10:00:00Z');

async function problems(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return (failure as AppError).fields.map((field) => `${field.path}:${field.messageKey}`);
}

const edit = (overrides: Record<string, unknown> = {}) => ({ date: '2027-02-10', time: '09:30', place: 'Agence ANAPEC Rabat, salle 2', capacity: 2, language: 'ar', waitingList: 'on', ...overrides });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	agencies = await db.select({ id: agency.id, name: agency.name }).from(agency).orderBy(asc(agency.name));
	const person = (await aPerson(db, { role: 'member' })).actor;
	division = { ...person, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	rabat = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values({ agencyId: agencies[0].id, userId: rabat.actor.userId });
	outsider = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values({ agencyId: agencies[5].id, userId: outsider.actor.userId });
	people = [];
	for (let index = 0; index < 4; index++) people.push(await aPerson(db, { role: 'member', locale: index === 0 ? 'ar' : index === 1 ? 'en' : 'fr', email: `edit${index}@example.ma` }));
	const ctx = contextFor(db, division, { now: () => NOW });
	const campaign = await createCampaign(ctx, { title: 'Fraises 2027', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 100, seasonStartsOn: '2027-03-01', seasonEndsOn: '2027-06-30', quotas: [{ agencyId: agencies[0].id, positions: 50 }] });
	for (const who of people) await db.insert(placementCandidate).values({ campaignId: campaign.id, userId: who.actor.userId, agencyId: agencies[0].id, stage: 'visa_granted' });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

describe('changing a session', () => {
	let sessionId: string;
	it('refuses seats below those registered, a day past, neither place nor link — nothing changed; another agency answers not found', async () => {
		const db = app.database.db;
		const staff = contextFor(db, rabat, { now: () => NOW, mailer });
		sessionId = (await createSession(staff, { agencyId: agencies[0].id, hostCountry: 'ES', ...edit() })).id;
		await registerMyself(contextFor(db, people[0], { now: () => NOW }), sessionId);
		await registerMyself(contextFor(db, people[1], { now: () => NOW }), sessionId);
		await registerMyself(contextFor(db, people[2], { now: () => NOW }), sessionId);
		expect(await problems(updateSession(staff, sessionId, edit({ capacity: 1, date: '2027-01-20', place: '' })))).toEqual(['date:field_date_future', 'place:field_place_or_link', 'capacity:field_capacity_below_registered']);
		const [unchanged] = await db.select().from(session).where(eq(session.id, sessionId));
		expect(unchanged.capacity).toBe(2);
		await expect(updateSession(contextFor(db, outsider, { now: () => NOW }), sessionId, edit())).rejects.toMatchObject({ code: 'not_found' });
		await expect(cancelSession(contextFor(db, outsider, { now: () => NOW }), sessionId)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('gives added seats to the first people waiting and tells everyone of a new day and place in their language, audited', async () => {
		const db = app.database.db;
		sent.length = 0;
		const result = await updateSession(contextFor(db, rabat, { now: () => NOW, mailer }), sessionId, edit({ date: '2027-02-12', time: '14:00', place: 'Agence ANAPEC Rabat, salle 5', onlineUrl: 'https://visio.example.ma/seance', capacity: 3 }));
		expect(result).toMatchObject({ promoted: 1, told: 3 });
		expect(result.changed).toEqual(['startsAt', 'place', 'onlineUrl', 'capacity']);
		expect(instantToLocalDateTime(result.session.startsAt)).toBe('2027-02-12T14:00');
		const rows = await db.select().from(registration).where(eq(registration.sessionId, sessionId));
		expect(rows.map((row) => row.status).sort()).toEqual(['registered', 'registered', 'registered']);
		// the one who got a seat is told so; the others get the change, each in their language
		expect(sent.map((mail) => [mail.to, mail.language]).sort()).toEqual([['edit0@example.ma', 'ar'], ['edit1@example.ma', 'en'], ['edit2@example.ma', 'fr']]);
		expect(sent.find((mail) => mail.to === 'edit2@example.ma')!.subject).toContain('place');
		expect(sent.find((mail) => mail.to === 'edit0@example.ma')!.text).toContain('salle 5');
		expect(sent.find((mail) => mail.to === 'edit1@example.ma')!.subject).toContain('changed');
		const [audit] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_orientation_session.update'), eq(auditEvent.resourceId, sessionId)));
		expect(audit.before).toMatchObject({ capacity: 2, place: 'Agence ANAPEC Rabat, salle 2', onlineUrl: null });
		expect(audit.after).toMatchObject({ capacity: 3, place: 'Agence ANAPEC Rabat, salle 5' });
		// seats only: nobody is e-mailed
		sent.length = 0;
		expect(await updateSession(contextFor(db, division, { now: () => NOW, mailer }), sessionId, edit({ date: '2027-02-12', time: '14:00', place: 'Agence ANAPEC Rabat, salle 5', onlineUrl: 'https://visio.example.ma/seance', capacity: 4 }))).toMatchObject({ changed: ['capacity'], told: 0, promoted: 0 });
		expect(sent).toEqual([]);
	});

	it('cancels a session: registrations kept as cancelled, each person told in their language, audited; then nothing more', async () => {
		const db = app.database.db;
		sent.length = 0;
		expect(await cancelSession(contextFor(db, rabat, { now: () => NOW, mailer }), sessionId)).toEqual({ cancelled: 3, told: 3 });
		const [found] = await db.select().from(session).where(eq(session.id, sessionId));
		expect(found.status).toBe('cancelled');
		const rows = await db.select().from(registration).where(eq(registration.sessionId, sessionId));
		expect(rows.map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
		expect(sent.map((mail) => [mail.to, mail.language]).sort()).toEqual([['edit0@example.ma', 'ar'], ['edit1@example.ma', 'en'], ['edit2@example.ma', 'fr']]);
		expect(sent.find((mail) => mail.to === 'edit2@example.ma')!.subject).toContain('annulée');
		expect(sent.find((mail) => mail.to === 'edit0@example.ma')!.subject).toContain('إلغاء');
		const [audit] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_orientation_session.cancel'), eq(auditEvent.resourceId, sessionId)));
		expect(audit.after).toMatchObject({ status: 'cancelled', registrationIds: expect.arrayContaining(rows.map((row) => row.id)) });
		// a cancelled session takes no change, no second cancellation, no registration, no attendance
		expect(await problems(updateSession(contextFor(db, rabat, { now: () => NOW }), sessionId, edit()))).toEqual(['date:field_session_started']);
		expect(await problems(cancelSession(contextFor(db, rabat, { now: () => NOW }), sessionId))).toEqual(['sessionId:field_session_started']);
		expect(await problems(registerByStaff(contextFor(db, rabat, { now: () => NOW }), sessionId, { email: 'edit3@example.ma' }))).toEqual(['sessionId:field_session_closed']);
		expect(await problems(recordAttendance(contextFor(db, rabat, { now: () => new Date('2027-02-13T10:00:00Z') }), sessionId, { attended: [] }))).toEqual(['attended:field_session_closed']);
		// it leaves the candidates' pages
		expect((await mySessions(contextFor(db, people[0], { now: () => NOW }))).some((item) => item.id === sessionId)).toBe(false);
	});

	it('refuses to change or cancel a session once started', async () => {
		const db = app.database.db;
		const created = await createSession(contextFor(db, division, { now: () => NOW }), { agencyId: '', hostCountry: 'ES', ...edit({ date: '2027-02-03' }) });
		const later = contextFor(db, division, { now: () => new Date('2027-02-03T12:00:00Z') });
		expect(await problems(updateSession(later, created.id, edit({ date: '2027-02-20' })))).toEqual(['date:field_session_started']);
		expect(await problems(cancelSession(later, created.id))).toEqual(['sessionId:field_session_started']);
	});
});

describe('my space: sessions this week, returns to record, follow-ups due', () => {
	it('counts what waits, scoped as the pages are, each entry with its count and link', async () => {
		const db = app.database.db;
		const at = { now: () => NOW };
		// sessions: one of Rabat's within the week, one later; the division's own started-later one (2027-02-03) and the cancelled one above
		await createSession(contextFor(db, rabat, at), { agencyId: agencies[0].id, hostCountry: 'ES', ...edit({ date: '2027-02-05' }) });
		await createSession(contextFor(db, rabat, at), { agencyId: agencies[0].id, hostCountry: 'ES', ...edit({ date: '2027-02-20' }) });
		// a season over (2026) with two workers arrived, one of whom has her return recorded; a long-term campaign with one arrived 3 months ago
		const division_ = contextFor(db, division, at);
		const past = await createCampaign(division_, { title: 'Fraises 2026', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 10, seasonStartsOn: '2026-03-01', seasonEndsOn: '2026-06-30', quotas: [{ agencyId: agencies[0].id, positions: 10 }] });
		const longTerm = await createCampaign(division_, { title: 'Soignants', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'mass', positions: 10, quotas: [{ agencyId: agencies[0].id, positions: 10 }] });
		const arrive = async (campaignId: string, who: Person, on: string) => {
			const [row] = await db.insert(placementCandidate).values({ campaignId, userId: who.actor.userId, agencyId: agencies[0].id, stage: 'arrived', stageOn: on }).returning();
			await db.insert(placementCandidateMove).values({ candidateId: row.id, fromStage: 'departed', toStage: 'arrived', eventOn: on, batchId: crypto.randomUUID() });
			return row.id;
		};
		await arrive(past.id, people[0], '2026-03-05');
		const back = await arrive(past.id, people[1], '2026-03-05');
		await recordReturn(contextFor(db, rabat, at), past.id, { candidateId: back, outcome: 'on_time', returnedOn: '2026-06-30' });
		await arrive(longTerm.id, people[2], '2026-11-01');
		await arrive(longTerm.id, people[3], '2026-12-20');
		expect(await departureCounts(contextFor(db, rabat, at))).toEqual({ sessionsThisWeek: 1, returnsToRecord: 1, returnsCampaignId: past.id, followUpsDue: 1 });
		expect(await departureCounts(division_)).toMatchObject({ sessionsThisWeek: 2, returnsToRecord: 1, followUpsDue: 1 });
		expect(await departureCounts(contextFor(db, outsider, at))).toEqual({ sessionsThisWeek: 0, returnsToRecord: 0, returnsCampaignId: null, followUpsDue: 0 });
		const links = await jobsSpace(contextFor(db, rabat, at));
		expect(links.filter((link) => link.titleKey.startsWith('departure.space_'))).toEqual([
			{ path: '/jobs/placement/orientation', titleKey: 'departure.space_sessions', waiting: { count: 1, key: 'departure.space_sessions_week' } },
			{ path: `/jobs/placement/campaigns/${past.id}/returns`, titleKey: 'departure.space_returns', waiting: { count: 1, key: 'departure.space_returns_count' } },
			{ path: '/jobs/placement/follow-ups', titleKey: 'departure.space_follow_ups', waiting: { count: 1, key: 'departure.space_follow_ups_count' } }
		]);
	});
});

describe('the sessions API', () => {
	it('changes a session (400 on `capacity` below those registered, 404 for another agency) and cancels it', async () => {
		const db = app.database.db;
		const created = await createSession(contextFor(db, rabat), { agencyId: agencies[0].id, hostCountry: 'ES', ...edit({ date: '2099-03-10' }) });
		await registerByStaff(contextFor(db, rabat), created.id, { email: 'edit3@example.ma' });
		const params = { id: created.id };
		const below = await changeSessionApi(apiEvent(rabat, { method: 'PATCH', params, json: edit({ date: '2099-03-10', capacity: 0 }) }));
		expect(below.status).toBe(400);
		expect((await changeSessionApi(apiEvent(outsider, { method: 'PATCH', params, json: edit({ date: '2099-03-11' }) }))).status).toBe(404);
		const changed = await changeSessionApi(apiEvent(rabat, { method: 'PATCH', params, json: edit({ date: '2099-03-11', waitingList: false }) }));
		expect(changed.status).toBe(200);
		expect(await changed.json()).toMatchObject({ changed: ['startsAt', 'waitingList'], told: 1, promoted: 0, status: 'open' });
		const cancelled = await cancelSessionApi(apiEvent(rabat, { method: 'POST', params }));
		expect(cancelled.status).toBe(201);
		expect(await cancelled.json()).toMatchObject({ cancelled: 1 });
		expect((await cancelSessionApi(apiEvent(rabat, { method: 'POST', params }))).status).toBe(400);
	});
});
