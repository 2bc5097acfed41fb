import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent } from './event.service.ts';
import { instantToMoroccoTime } from './time.ts';
import { addSession, programmeOf, removeSession, sessionFromForm } from './programme.service.ts';

let app: TestApp;
let editor: Actor;
let member: Actor;
let eventId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	editor = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	member = (await aPerson(app.database.db, { role: 'member' })).actor;
	eventId = (await createEvent(contextFor(app.database.db, editor), { title: { fr: 'Séminaire de deux jours' }, startsAt: '2027-04-20T09:00', endsAt: '2027-04-21T17:00', place: 'Rabat', status: 'published' })).id;
});
afterAll(async () => app?.close());

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};

describe('an event’s programme', () => {
	it('takes sessions within the event from its editors, in order of time, speakers one per line', async () => {
		const ctx = contextFor(app.database.db, editor);
		await addSession(ctx, 'seminaire-de-deux-jours', sessionFromForm(form({ session_title_fr: 'Table ronde sur la recherche', session_title_ar: 'مائدة مستديرة حول البحث', kind: 'round_table', sessionStartsAt: '2027-04-21T10:00', sessionEndsAt: '2027-04-21T12:00', room: 'Salle 2', speakers: 'Une chercheuse (université)\n\nUn expert (OIM)' })));
		await addSession(ctx, 'seminaire-de-deux-jours', sessionFromForm(form({ session_title_fr: 'Plénière d’ouverture', kind: 'plenary', sessionStartsAt: '2027-04-20T09:30', sessionEndsAt: '2027-04-20T11:00', room: '', speakers: '' })));
		const programme = await programmeOf(app.database.db, eventId);
		expect(programme.map((session) => [session.kind, session.room, session.speakers])).toEqual([
			['plenary', null, []],
			['round_table', 'Salle 2', ['Une chercheuse (université)', 'Un expert (OIM)']]
		]);
		// entered and shown in Morocco's time
		expect(instantToMoroccoTime(programme[0].startsAt)).toBe('2027-04-20T09:30');
	});

	it('refuses a session outside the event, without a title or ending before it starts, and anyone but its editors; nothing is kept', async () => {
		const ctx = contextFor(app.database.db, editor);
		const session = { title: { fr: 'Visite' }, kind: 'visit', startsAt: '2027-04-22T09:00', endsAt: '2027-04-22T10:00', speakers: [] };
		expect(await refusalWithReason(addSession(ctx, 'seminaire-de-deux-jours', session))).toBe('invalid_input:startsAt,endsAt');
		expect(await refusalWithReason(addSession(ctx, 'seminaire-de-deux-jours', { ...session, title: {}, startsAt: '2027-04-21T09:00', endsAt: '2027-04-21T08:00' }))).toBe('invalid_input:title,endsAt');
		expect(await refusalOf(addSession(contextFor(app.database.db, member), 'seminaire-de-deux-jours', { ...session, startsAt: '2027-04-21T09:00', endsAt: '2027-04-21T10:00' }))).toBe('forbidden');
		expect(await programmeOf(app.database.db, eventId)).toHaveLength(2);
	});

	it('lets its editors remove a session; an unknown one is not found', async () => {
		const [first] = await programmeOf(app.database.db, eventId);
		expect(await refusalOf(removeSession(contextFor(app.database.db, member), 'seminaire-de-deux-jours', first.id))).toBe('forbidden');
		await removeSession(contextFor(app.database.db, editor), 'seminaire-de-deux-jours', first.id);
		expect(await refusalOf(removeSession(contextFor(app.database.db, editor), 'seminaire-de-deux-jours', first.id))).toBe('not_found');
		expect((await programmeOf(app.database.db, eventId)).map((session) => session.kind)).toEqual(['round_table']);
	});
});
