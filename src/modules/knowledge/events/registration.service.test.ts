import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent } from './event.service.ts';
import { eventRegistration } from './event.table.ts';
import { moroccoTimeToInstant } from './time.ts';
import { knowledgePersonalData } from '../personal-data.ts';
import { knowledgeSpace } from '../my-space.ts';
import { cancelMyRegistration, cancelRegistration, checkIn, myRegistrations, sendEventReminders, eventRegistrations, registerForEvent, registrationByToken, stripOldRegistrations } from './registration.service.ts';

let app: TestApp;
let editor: Actor;
let member: Actor;
let today = new Date('2027-01-10T12:00:00Z');
// each reading of the clock a second later: registrations have an order, as in life
const now = () => (today = new Date(today.getTime() + 1000));
const asVisitor = (language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, null, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test', language });
const asEditor = () => contextFor(app.database.db, editor, { now });

const person = (n: number, over: Record<string, unknown> = {}) => ({
	name: `Participant ${n}`,
	email: `participant${n}@example.ma`,
	category: 'civil_society_private_university',
	consent: 'on',
	...over
});

/** The raw .eml files sent to one address since the start. */
const rawMailsTo = async (address: string) => (await app.outbox()).filter((raw) => readMail(raw).to.includes(address));
const tokenIn = (raw: string) => /\/knowledge\/events\/registration\/([A-Za-z0-9_-]+)/.exec(readMail(raw).text)![1];

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const editorPerson = await aPerson(app.database.db, { email: 'registrations-editor@test.ma', role: 'member' });
	editor = { ...editorPerson.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
	member = (await aPerson(app.database.db, { email: 'registrations-member@test.ma', role: 'member' })).actor;
	await createEvent(asEditor(), {
		title: { fr: 'Atelier régional de l’Oriental', ar: 'الورشة الجهوية للشرق' },
		startsAt: '2027-02-01T09:00',
		endsAt: '2027-02-01T17:00',
		place: 'Oujda',
		status: 'published',
		registrationOpen: 'on',
		capacity: '2'
	});
	await createEvent(asEditor(), { title: { fr: 'Conférence sans inscription' }, startsAt: '2027-02-02T09:00', endsAt: '2027-02-02T12:00', place: 'Rabat', status: 'published' });
});
afterAll(async () => app?.close());

describe('registration for an event', () => {
	it('confirms people within the capacity and e-mails each the code, the personal link and the calendar file in their language', async () => {
		const first = await registerForEvent(asVisitor('ar'), 'atelier-regional-de-l-oriental', person(1));
		expect(first).toMatchObject({ status: 'confirmed', emailed: true });
		expect(first.code).toMatch(/^[A-Z2-9]{6}$/);
		const [raw] = await rawMailsTo('participant1@example.ma');
		const mail = readMail(raw);
		expect(mail.language).toBe('ar');
		expect(mail.text).toContain(first.code);
		expect(tokenIn(raw)).toBe(first.token);
		// the calendar invitation goes with it
		const [calendar] = mail.attachments;
		expect(calendar).toMatchObject({ filename: 'atelier-regional-de-l-oriental.ics', contentType: expect.stringContaining('text/calendar') });
		// 9:00 in Morocco, in UTC as the tz database of the server gives Morocco's offset
		expect(calendar.content).toContain(`DTSTART:${moroccoTimeToInstant('2027-02-01T09:00').toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
		expect(calendar.content).toContain('SUMMARY:الورشة الجهوية للشرق');
		expect(await registrationByToken(app.database.db, first.token)).toMatchObject({ status: 'confirmed', code: first.code, name: 'Participant 1', position: null });
		expect((await registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(2))).status).toBe('confirmed');
	});

	it('puts people on the waiting list once the places are taken, in order, without a calendar file or a code', async () => {
		const third = await registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(3));
		const fourth = await registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(4));
		expect([third.status, fourth.status]).toEqual(['waiting', 'waiting']);
		expect(await registrationByToken(app.database.db, fourth.token)).toMatchObject({ status: 'waiting', position: 2, code: null });
		const [raw] = await rawMailsTo('participant3@example.ma');
		expect(readMail(raw).attachments).toEqual([]);
		expect(readMail(raw).text).not.toContain(third.code);
	});

	it('refuses a second registration of the same e-mail (in any case), bad input, and an event without registration; nothing is kept', async () => {
		const count = async () => (await app.database.db.select().from(eventRegistration)).length;
		const before = await count();
		expect(await refusalWithReason(registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(1, { email: 'PARTICIPANT1@example.ma' })))).toBe('conflict:already_registered');
		expect(await refusalWithReason(registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(9, { consent: undefined, email: 'not-an-email' })))).toBe('invalid_input:email,consent');
		expect(await refusalWithReason(registerForEvent(asVisitor(), 'conference-sans-inscription', person(9)))).toBe('conflict:registration_closed');
		expect(await refusalOf(registerForEvent(asVisitor(), 'no-such-event', person(9)))).toBe('not_found');
		expect(await count()).toBe(before);
	});

	it('gives a cancelled place to the first person waiting, who gets the confirmation with the calendar file; the canceller’s name and e-mail go', async () => {
		const [raw] = await rawMailsTo('participant1@example.ma');
		expect(await cancelRegistration(asVisitor(), tokenIn(raw))).toEqual({ promoted: true });
		// the link of the cancelled registration no longer opens anything
		expect(await registrationByToken(app.database.db, tokenIn(raw))).toBeNull();
		const mails = await rawMailsTo('participant3@example.ma');
		expect(mails).toHaveLength(2);
		expect(readMail(mails[1]).attachments.map((file) => file.filename)).toEqual(['atelier-regional-de-l-oriental.ics']);
		expect(await registrationByToken(app.database.db, tokenIn(mails[1]))).toMatchObject({ status: 'confirmed', name: 'Participant 3' });
		const [waitingMail] = await rawMailsTo('participant4@example.ma');
		expect(await registrationByToken(app.database.db, tokenIn(waitingMail))).toMatchObject({ status: 'waiting', position: 1 });
		const cancelled = await app.database.db.select().from(eventRegistration).where(eq(eventRegistration.status, 'cancelled'));
		expect(cancelled).toHaveLength(1);
		expect(cancelled[0]).toMatchObject({ name: null, email: null, category: 'civil_society_private_university' });
		// the same e-mail may register again (it waits now)
		expect((await registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(1))).status).toBe('waiting');
	});

	it('reminds the confirmed people the day before, once each, in their language with their code; not the people waiting', async () => {
		const job = () => sendEventReminders(contextFor(app.database.db, null, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test' }));
		today = new Date('2027-01-30T08:00:00Z');
		expect(await job()).toBe(0);
		today = new Date('2027-01-31T10:00:00Z');
		expect(await job()).toBe(2);
		expect(await job()).toBe(0);
		const reminders = (await app.outbox()).map(readMail).filter((mail) => mail.text.includes('https://sharaka.test/fr/knowledge/events/atelier-regional-de-l-oriental') && /Demain/.test(mail.subject));
		expect(reminders.map((mail) => mail.to).sort()).toEqual(['participant2@example.ma', 'participant3@example.ma']);
		const list = await eventRegistrations(asEditor(), 'atelier-regional-de-l-oriental');
		const second = list.registrations.find((entry) => entry.name === 'Participant 2')!;
		expect(reminders.find((mail) => mail.to.includes('participant2'))!.text).toContain(second.code);
	});

	it('lets the organisers list, count by category and check people in by code, once; others are refused', async () => {
		expect(await refusalOf(eventRegistrations(contextFor(app.database.db, member, { now }), 'atelier-regional-de-l-oriental'))).toBe('forbidden');
		const list = await eventRegistrations(asEditor(), 'atelier-regional-de-l-oriental');
		expect(list.registrations.map((entry) => [entry.name, entry.status])).toEqual([
			['Participant 2', 'confirmed'],
			['Participant 3', 'confirmed'],
			['Participant 4', 'waiting'],
			['Participant 1', 'waiting']
		]);
		expect(list.places).toMatchObject({ capacity: 2, confirmed: 2, waiting: 2, left: 0 });
		expect(list.byCategory.find((row) => row.category === 'civil_society_private_university')).toEqual({ category: 'civil_society_private_university', confirmed: 2, waiting: 2, checkedIn: 0 });
		const [second, , fourth] = list.registrations;
		today = new Date('2027-02-01T08:45:00Z');
		expect(await refusalOf(checkIn(contextFor(app.database.db, member, { now }), 'atelier-regional-de-l-oriental', { code: second.code }))).toBe('forbidden');
		expect(await checkIn(asEditor(), 'atelier-regional-de-l-oriental', { code: second.code.toLowerCase() })).toMatchObject({ name: 'Participant 2' });
		expect(await refusalWithReason(checkIn(asEditor(), 'atelier-regional-de-l-oriental', { code: second.code }))).toBe('conflict:already_checked_in');
		expect(await refusalWithReason(checkIn(asEditor(), 'atelier-regional-de-l-oriental', { code: fourth.code }))).toBe('conflict:registration_waiting');
		expect(await refusalWithReason(checkIn(asEditor(), 'atelier-regional-de-l-oriental', { code: 'ZZZZZZ' }))).toBe('conflict:unknown_code');
		expect((await eventRegistrations(asEditor(), 'atelier-regional-de-l-oriental')).checkedIn).toBe(1);
		const trail = await app.database.db.select().from(auditEvent).where(and(like(auditEvent.action, 'knowledge_event_registration.%'), eq(auditEvent.action, 'knowledge_event_registration.check_in')));
		expect(trail).toHaveLength(1);
		// nobody registers once the event has started
		today = new Date('2027-02-01T10:00:00Z');
		expect(await refusalWithReason(registerForEvent(asVisitor(), 'atelier-regional-de-l-oriental', person(7)))).toBe('conflict:registration_closed');
	});

	it('gives a signed-in person their registration in their data export; deleting the account cancels it and strips them', async () => {
		today = new Date('2027-01-20T12:00:00Z');
		await createEvent(asEditor(), { title: { fr: 'Table ronde des diasporas' }, startsAt: '2027-03-02T09:00', endsAt: '2027-03-02T12:00', place: 'Rabat', status: 'published', registrationOpen: 'on' });
		const signedIn = contextFor(app.database.db, member, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test' });
		const { token } = await registerForEvent(signedIn, 'table-ronde-des-diasporas', person(5, { email: 'registrations-member@test.ma' }));
		// My registrations: theirs alone, with the code; cancelling one there frees it (another person's id: not found)
		const waitingForWorkshop = await registerForEvent(signedIn, 'atelier-regional-de-l-oriental', person(6, { email: 'registrations-member@test.ma' }));
		expect(waitingForWorkshop.status).toBe('waiting');
		const mine = await myRegistrations(signedIn);
		expect(mine.map((entry) => [entry.event.slug, entry.status])).toEqual([
			['atelier-regional-de-l-oriental', 'waiting'],
			['table-ronde-des-diasporas', 'confirmed']
		]);
		expect(mine[1].code).toMatch(/^[A-Z2-9]{6}$/);
		expect((await knowledgeSpace(signedIn)).find((link) => link.path === '/knowledge/events/mine')?.waiting?.count).toBe(2);
		expect(await refusalOf(cancelMyRegistration(contextFor(app.database.db, editor, { now }), mine[0].id))).toBe('not_found');
		expect(await refusalOf(myRegistrations(contextFor(app.database.db, null, { now })))).toBe('unauthenticated');
		expect(await cancelMyRegistration(signedIn, mine[0].id)).toEqual({ promoted: false });
		expect((await myRegistrations(signedIn)).map((entry) => entry.event.slug)).toEqual(['table-ronde-des-diasporas']);
		const exported = (await knowledgePersonalData.export(app.database.db, member)) as { eventRegistrations: { event: { slug: string }; status: string; email: string }[] };
		expect(exported.eventRegistrations).toEqual([expect.objectContaining({ event: expect.objectContaining({ slug: 'table-ronde-des-diasporas' }), status: 'confirmed', email: 'registrations-member@test.ma' })]);
		await app.database.db.transaction((tx) => knowledgePersonalData.erase(tx, member.userId, today, { files: app.files }));
		expect(await registrationByToken(app.database.db, token)).toBeNull();
		expect(((await knowledgePersonalData.export(app.database.db, member)) as { eventRegistrations: unknown[] }).eventRegistrations).toEqual([]);
	});

	it('keeps only category, status and attendance a year after the event', async () => {
		expect(await stripOldRegistrations(app.database.db, new Date('2027-06-01T00:00:00Z'))).toBe(0);
		// the Oriental workshop's four people still named (the round table's registration went with the account)
		expect(await stripOldRegistrations(app.database.db, new Date('2028-02-02T00:00:00Z'))).toBe(4);
		const rows = await app.database.db.select().from(eventRegistration);
		expect(rows.every((row) => row.name === null && row.email === null && row.tokenHash === null)).toBe(true);
		expect(rows.filter((row) => row.checkedInAt !== null)).toHaveLength(1);
		// attributed to the system, with the count and never who
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'knowledge_event.registrations_retention'));
		expect(trail.map((entry) => [entry.actorLabel, (entry.after as { stripped: number }).stripped])).toEqual([['system', 4]]);
		expect(JSON.stringify(trail)).not.toContain('@');
	});
});
