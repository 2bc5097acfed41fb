import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent, getEvent } from './event.service.ts';
import { eventFailure, eventFormChoices, eventFormValues, eventFromForm } from './event-form.ts';

let app: TestApp;
let editor: Actor;

const formOf = (fields: Record<string, string | string[]>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
	return form;
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	editor = (await aPerson(app.database.db, { role: 'moderator' })).actor;
});
afterAll(async () => app?.close());

describe('the editors’ event form', () => {
	const typed = {
		title_fr: 'Rencontre régionale de Béni Mellal',
		title_ar: 'اللقاء الجهوي لبني ملال',
		title_en: '',
		description_fr: 'Une journée sur la réintégration.',
		description_ar: '',
		description_en: '',
		startsAt: '2027-05-12T09:00',
		endsAt: '2027-05-12T16:30',
		place: 'Béni Mellal',
		onlineUrl: '',
		status: 'published',
		registrationOpen: 'on',
		capacity: '60',
		sources: 'Programme de la rencontre | https://example.org/programme\nCompte rendu à paraître',
		organisers: ['mdcmre'],
		participantCategories: ['moroccan_public_institution', 'civil_society_private_university'],
		documents: [],
		// a Talents network's page lists the event (platform link)
		links: ['talents.network:reseau-competences-dmk-allemagne']
	};

	it('creates the event the editor typed (times in Morocco, sources with their links) and gives the same values back to edit it', async () => {
		const { input } = eventFromForm(formOf(typed));
		const row = await createEvent(contextFor(app.database.db, editor), input);
		expect(row).toMatchObject({ slug: 'rencontre-regionale-de-beni-mellal', registrationOpen: true, capacity: 60, place: 'Béni Mellal', onlineUrl: null });
		expect(row.sources).toEqual([{ citation: 'Programme de la rencontre', url: 'https://example.org/programme' }, { citation: 'Compte rendu à paraître' }]);
		expect(eventFormValues(await getEvent(contextFor(app.database.db, editor), row.slug))).toEqual(typed);
		const choices = await eventFormChoices(app.database.db, 'ar');
		expect(choices.organisers.map((choice) => choice.value)).toContain('mdcmre');
		expect(choices.statuses.find((choice) => choice.value === 'draft')?.label).toMatch(/\p{Script=Arabic}/u);
	});

	it('shows a refusal on the fields typed: the French title, the end, the capacity', async () => {
		const form = formOf({ ...typed, title_fr: '', title_ar: '', endsAt: '2027-05-11T09:00', capacity: '0' });
		const { values, input } = eventFromForm(form);
		const refusal = await createEvent(contextFor(app.database.db, editor), input).then(
			() => null,
			(failure: unknown) => eventFailure('fr', failure, form, values)
		);
		expect(refusal?.status).toBe(400);
		expect(Object.keys(refusal!.data.errors).sort()).toEqual(['capacity', 'endsAt', 'title_fr']);
		expect(refusal!.data.values.endsAt).toBe('2027-05-11T09:00');
	});
});

describe('the events list as open data', () => {
	it('gives one row per event in the reader’s language, with the places of those taking registrations', async () => {
		const { eventRows } = await import('./events-export.ts');
		const rows = await eventRows(contextFor(app.database.db, null, { now: () => new Date('2027-01-01T00:00:00Z') }), { when: 'upcoming' }, 'ar');
		expect(rows[0][0]).toBe('المعرف');
		const beniMellal = rows.find((row) => row[0] === 'rencontre-regionale-de-beni-mellal')!;
		expect(beniMellal.slice(1, 4)).toEqual(['اللقاء الجهوي لبني ملال', '2027-05-12T09:00', '2027-05-12T16:30']);
		expect(beniMellal.slice(9, 13)).toEqual(['نعم', '60', '0', '0']);
		// the final event is past: not in the upcoming list
		expect(rows.some((row) => row[0] === 'evenement-final-sharaka-2017')).toBe(false);
	});
});
