import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent, getEvent, listEvents, updateEvent } from './event.service.ts';
import { eventIcs } from './ics.ts';
import { instantToMoroccoTime, moroccoTimeToInstant } from './time.ts';

let app: TestApp;
let editor: Actor;
let member: Actor;
const now = () => new Date('2026-12-04T12:00:00Z');

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}:${JSON.stringify(error.fields ?? [])}`;
		throw error;
	}
};

const seminar = (over: Record<string, unknown> = {}) => ({
	title: { fr: 'Séminaire sur l’insertion des migrants', ar: 'ندوة حول إدماج المهاجرين' },
	description: { fr: 'Deux jours d’échanges.' },
	startsAt: '2027-01-20T09:00',
	endsAt: '2027-01-20T17:30',
	place: 'Oujda',
	organisers: ['expertise-france'],
	status: 'published',
	participantCategories: ['moroccan_public_institution'],
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const { organisation } = await import('../../../platform/accounts/accounts.table.ts');
	await app.database.db.insert(organisation).values({ slug: 'expertise-france', name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR' }).onConflictDoNothing();
	const person = await aPerson(app.database.db, { email: 'events-editor@test.ma', role: 'member' });
	editor = { ...person.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
	member = (await aPerson(app.database.db, { email: 'member@test.ma', role: 'member' })).actor;
});
afterAll(async () => app?.close());

describe('events', () => {
	it('holds SHARAKA’s final event (15–16 November 2017, Rabat) as a real past event with its sources and its synthesis', async () => {
		const visitor = contextFor(app.database.db, null, { now });
		const past = await listEvents(visitor, { when: 'past' });
		const final = past.find((row) => row.slug === 'evenement-final-sharaka-2017');
		expect(final).toMatchObject({ isSample: false, status: 'published', place: expect.stringContaining('Rabat'), documents: ['synthese-evenement-cloture-sharaka-2017'] });
		expect(instantToMoroccoTime(final!.startsAt)).toBe('2017-11-15T00:00');
		expect(final!.sources.map((source) => source.citation).join(' ')).toContain('04/12/2017');
	});

	it('lets a Knowledge editor create an event, times entered in Morocco, audited; a member is refused', async () => {
		expect(await refusal(createEvent(contextFor(app.database.db, member, { now }), seminar()))).toMatch(/^forbidden/);
		const row = await createEvent(contextFor(app.database.db, editor, { now }), seminar());
		expect(row.slug).toBe('seminaire-sur-l-insertion-des-migrants');
		// stored as the instant of that time in Morocco, read back as entered
		expect(row.startsAt).toEqual(moroccoTimeToInstant('2027-01-20T09:00'));
		expect(instantToMoroccoTime(row.startsAt)).toBe('2027-01-20T09:00');
		const audit = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'knowledge_event.create'), eq(auditEvent.resourceId, row.id)));
		expect(audit).toHaveLength(1);
	});

	it('refuses an end before the start, no place nor link, an unknown organiser or document: localised field problems, nothing stored', async () => {
		const ctx = contextFor(app.database.db, editor, { now });
		const before = (await listEvents(ctx, { when: 'upcoming' })).length;
		expect(await refusal(createEvent(ctx, seminar({ endsAt: '2027-01-19T10:00' })))).toContain('"path":"endsAt"');
		expect(await refusal(createEvent(ctx, seminar({ place: undefined })))).toContain('"path":"place"');
		expect(await refusal(createEvent(ctx, seminar({ organisers: ['nobody'] })))).toContain('"path":"organisers.0"');
		expect(await refusal(createEvent(ctx, seminar({ documents: ['no-such-document'] })))).toContain('"path":"documents.0"');
		expect((await listEvents(ctx, { when: 'upcoming' })).length).toBe(before);
	});

	it('keeps drafts for the editors: a visitor neither lists nor opens them', async () => {
		const draft = await createEvent(contextFor(app.database.db, editor, { now }), seminar({ title: { fr: 'Atelier en préparation' }, status: 'draft' }));
		const visitor = contextFor(app.database.db, null, { now });
		expect((await listEvents(visitor)).map((row) => row.slug)).not.toContain(draft.slug);
		expect(await refusal(getEvent(visitor, draft.slug))).toMatch(/^not_found/);
		expect((await listEvents(contextFor(app.database.db, editor, { now }))).map((row) => row.slug)).toContain(draft.slug);
		// published, it is everyone's
		await updateEvent(contextFor(app.database.db, editor, { now }), draft.slug, seminar({ title: { fr: 'Atelier en préparation' }, status: 'published' }));
		expect((await getEvent(visitor, draft.slug)).status).toBe('published');
	});

	it('lists upcoming events soonest first and filters by participants’ category and organiser', async () => {
		const ctx = contextFor(app.database.db, editor, { now });
		await createEvent(ctx, seminar({ title: { fr: 'Table ronde plus tôt' }, startsAt: '2027-01-05T10:00', endsAt: '2027-01-05T12:00', organisers: [], participantCategories: ['media'] }));
		const visitor = contextFor(app.database.db, null, { now });
		const upcoming = await listEvents(visitor);
		expect(upcoming[0].slug).toBe('table-ronde-plus-tot');
		expect((await listEvents(visitor, { category: 'media' })).map((row) => row.slug)).toEqual(['table-ronde-plus-tot']);
		expect((await listEvents(visitor, { organiser: 'expertise-france' })).map((row) => row.slug)).not.toContain('table-ronde-plus-tot');
	});

	it('gives the event as an iCalendar file a calendar reads: UTC times, escaped text, folded lines', async () => {
		const row = await getEvent(contextFor(app.database.db, null, { now }), 'seminaire-sur-l-insertion-des-migrants');
		const ics = eventIcs({ ...row, place: 'Oujda, Maroc' }, 'ar', 'https://sharaka.test/ar/knowledge/events/x', now());
		const utc = row.startsAt.toISOString().replace(/[-:]/g, '').slice(0, 15);
		expect(ics).toContain(`DTSTART:${utc}Z\r\n`);
		expect(ics).toContain('SUMMARY:ندوة حول إدماج المهاجرين\r\n');
		expect(ics).toContain('LOCATION:Oujda\\, Maroc\r\n');
		expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
	});

	it('follows Morocco’s offsets: UTC in November 2017, UTC+1 in January 2024', () => {
		expect(moroccoTimeToInstant('2017-11-15T09:00').toISOString()).toBe('2017-11-15T09:00:00.000Z');
		expect(moroccoTimeToInstant('2024-01-20T09:00').toISOString()).toBe('2024-01-20T08:00:00.000Z');
		expect(instantToMoroccoTime(new Date('2024-01-20T08:00:00Z'))).toBe('2024-01-20T09:00');
	});
});

describe('the event page', () => {
	it('names the final event’s synthesis and describes it as a schema.org Event that took place in Rabat', async () => {
		const { eventPage } = await import('./event.service.ts');
		const { eventJsonLd } = await import('./json-ld.ts');
		const { row, documents } = await eventPage(contextFor(app.database.db, null, { now }), 'evenement-final-sharaka-2017');
		expect(documents.map((entry) => entry.slug)).toEqual(['synthese-evenement-cloture-sharaka-2017']);
		const ld = eventJsonLd(row, 'https://sharaka.test/fr/knowledge/events/evenement-final-sharaka-2017', []);
		expect(ld).toMatchObject({ '@type': 'Event', startDate: '2017-11-15T00:00:00.000Z', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });
		expect(ld.location).toEqual([expect.objectContaining({ '@type': 'Place', name: expect.stringContaining('Rabat') })]);
	});
});
