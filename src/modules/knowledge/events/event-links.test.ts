import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { eventsLinkedTo } from '../../../platform/kernel/links.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent, eventPage, updateEvent } from './event.service.ts';
import { eventFormChoices, eventFormValues } from './event-form.ts';

let app: TestApp;
let editor: Actor;
const now = () => new Date('2026-12-04T12:00:00Z');
const network = 'talents.network:ingenieurs-canada';

const meeting = (over: Record<string, unknown> = {}) => ({
	title: { fr: 'Rencontre des ingénieurs', en: 'Engineers’ meeting' },
	startsAt: '2027-02-10T18:00',
	endsAt: '2027-02-10T20:00',
	onlineUrl: 'https://visio.example.org/rencontre',
	status: 'published',
	...over
});

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path) };
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	// a Talents network (this module does not import Talents: a row)
	await app.database.db.execute(sql`insert into talents.network (slug, kind, name, skill) values ('ingenieurs-canada', 'skill', '{"fr": "Ingénieurs au Canada", "ar": "المهندسون في كندا"}'::jsonb, 'engineering')`);
	const person = await aPerson(app.database.db, { email: 'links-editor@test.ma', role: 'member' });
	editor = { ...person.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
});
afterAll(async () => app?.close());

describe('an event’s links to the Talents networks', () => {
	it('are offered by the form, through the platform’s link target of the Talents module', async () => {
		const choices = await eventFormChoices(app.database.db, 'ar');
		const networks = choices.links.find((group) => group.choices.some((choice) => choice.value === network));
		expect(networks?.choices.find((choice) => choice.value === network)).toMatchObject({ label: 'المهندسون في كندا' });
	});

	it('are checked: a network that is not there, or another kind, is refused; a real one is kept', async () => {
		const ctx = contextFor(app.database.db, editor, { now });
		expect(await refusal(createEvent(ctx, meeting({ links: [network, 'talents.network:absent', 'atlas.initiative:sharaka'] })))).toEqual({ code: 'invalid_input', fields: ['links.1', 'links.2'] });
		const created = await createEvent(ctx, meeting({ links: [network, network] }));
		expect(created.links).toEqual([network]);
		expect(eventFormValues(created).links).toEqual([network]);
		// the network's page finds it through the platform, in the reader's language
		const linked = await eventsLinkedTo(app.database.db, network, 'en', { now: now() });
		expect(linked.upcoming).toEqual([expect.objectContaining({ title: 'Engineers’ meeting', lang: 'en', online: true, cancelled: false, path: `/knowledge/events/${created.slug}` })]);
		// and the event's page names the network, in the reader's language when it has one
		const page = await eventPage(contextFor(app.database.db, null, { now, language: 'ar' }), created.slug);
		expect(page.linked).toEqual([expect.objectContaining({ value: network, label: 'المهندسون في كندا', lang: 'ar', path: '/talents/networks/ingenieurs-canada' })]);
		// unlinked again: the network's page no longer lists it
		await updateEvent(ctx, created.slug, meeting({ links: [] }));
		expect((await eventsLinkedTo(app.database.db, network, 'en', { now: now() })).upcoming).toEqual([]);
	});
});
