import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { saveProfile, setConsent } from '../profile.service.ts';
import { GET as listOffers } from '../routes/api/v1/talents/mentoring/offers/+server.ts';
import { GET as getOwn, PUT as putOwn } from '../routes/api/v1/talents/mentoring/offer/+server.ts';
import { GET as listRequests, POST as ask } from '../routes/api/v1/talents/mentoring/requests/+server.ts';
import { POST as act } from '../routes/api/v1/talents/mentoring/requests/[id]/+server.ts';
import { GET as readConversation, POST as write } from '../routes/api/v1/talents/mentoring/requests/[id]/messages/+server.ts';
import { GET as exportOffers } from '../routes/[lang=lang]/talents/mentoring/export/+server.ts';

let app: TestApp;
let talent: Person;
let youth: Person;
let other: Person;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
const offer = { skills: ['digital'], languages: ['fr', 'ar'], remote: true, hoursPerMonth: 4, capacity: 1, about: 'Apprendre à coder et trouver un premier stage.', aboutLanguage: 'fr' };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	talent = await aPerson(app.database.db, { name: 'Rim Développeuse' });
	youth = await aPerson(app.database.db, { name: 'Ali Étudiant', locale: 'ar' });
	other = await aPerson(app.database.db);
	await saveProfile(contextFor(app.database.db, talent), { hostCountry: 'CA', skills: ['digital'] });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the mentoring API', () => {
	it('keeps a talent’s offer, refusing bad input with localised fields; listed only with the public card', async () => {
		const wrong = await putOwn(apiEvent(talent, { method: 'PUT', json: { ...offer, skills: [], capacity: 0 }, language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['capacity', 'skills']);
		expect((await putOwn(apiEvent(youth, { method: 'PUT', json: offer }))).status).toBe(409);
		const saved = await putOwn(apiEvent(talent, { method: 'PUT', json: offer }));
		expect(saved.status).toBe(200);
		expect(await saved.json()).toMatchObject({ listed: false, offer: { skills: ['digital'], capacity: 1 } });
		expect((await (await listOffers(apiEvent(null))).json()).total).toBe(0);
		await setConsent(contextFor(app.database.db, talent), { level: 'public', cardFields: ['name'] });
		expect(await (await getOwn(apiEvent(talent))).json()).toMatchObject({ listed: true });
		const list = await (await listOffers(apiEvent(null, { search: '?skill=digital&remote=yes' }))).json();
		expect(list.items).toHaveLength(1);
		expect(list.items[0].mentor).toMatchObject({ name: 'Rim Développeuse', hostCountry: null });
		expect((await listOffers(apiEvent(null, { search: '?remote=maybe' }))).status).toBe(400);
		// open data: the same rows, the talent as the card shows them
		const csv = await (await exportOffers(apiEvent(null, { search: '?format=csv&skill=digital' }))).text();
		expect(csv.split('\n')[0]).toMatch(/^\uFEFF?id,mentor,mentor_host_country,skills/);
		expect(csv).toContain('Rim Développeuse');
		expect(csv).not.toContain(talent.email);
		const xlsx = await exportOffers(apiEvent(null, { search: '?format=xlsx' }));
		expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
	});

	it('takes a request with a token, answers it, and refuses what the rules forbid', async () => {
		const [{ id: offerId }] = (await (await listOffers(apiEvent(null))).json()).items;
		expect((await ask(apiEvent(null, { method: 'POST', json: { offerId, message: 'Bonjour, je voudrais apprendre.' } }))).status).toBe(401);
		expect((await ask(apiEvent(talent, { method: 'POST', json: { offerId, message: 'Je me demande à moi-même.' } }))).status).toBe(409);
		const created = await ask(apiEvent(youth, { method: 'POST', json: { offerId, message: 'أود تعلم البرمجة والعثور على تدريب.' } }));
		expect(created.status).toBe(201);
		const request = await created.json();
		expect(request).toMatchObject({ side: 'mentee', status: 'requested', mentor: { name: 'Rim Développeuse' } });
		const twice = await ask(apiEvent(youth, { method: 'POST', json: { offerId, message: 'Je redemande encore une fois.' } }));
		expect(twice.status).toBe(409);
		expect((await twice.json()).error.details).toMatchObject({ reason: 'already_asked' });
		expect((await act(apiEvent(other, { method: 'POST', json: { action: 'accept' }, params: { id: request.id } }))).status).toBe(403);
		const accepted = await act(apiEvent(talent, { method: 'POST', json: { action: 'accept' }, params: { id: request.id } }));
		expect(await accepted.json()).toMatchObject({ side: 'mentor', status: 'accepted', mentee: { name: 'Ali Étudiant' } });
		const full = await ask(apiEvent(other, { method: 'POST', json: { offerId, message: 'Une place pour moi aussi ?' } }));
		expect(full.status).toBe(409);
		expect((await full.json()).error.details).toMatchObject({ reason: 'capacity_full' });
		const mine = await (await listRequests(apiEvent(youth))).json();
		expect(mine.asMentee[0]).toMatchObject({ status: 'accepted', mentor: { name: 'Rim Développeuse' } });
		expect(JSON.stringify(mine)).not.toContain(talent.email);
		// the conversation: both sides write with their token; nobody else reads it
		const written = await write(apiEvent(youth, { method: 'POST', json: { body: 'شكرا! هل يناسبكم يوم السبت؟' }, params: { id: request.id } }));
		expect(written.status).toBe(201);
		expect(await written.json()).toMatchObject({ open: true, messages: [{ side: 'mentee', mine: true, body: 'شكرا! هل يناسبكم يوم السبت؟' }] });
		expect((await write(apiEvent(youth, { method: 'POST', json: { body: '' }, params: { id: request.id } }))).status).toBe(400);
		expect((await write(apiEvent(other, { method: 'POST', json: { body: 'Bonjour' }, params: { id: request.id } }))).status).toBe(403);
		expect((await readConversation(apiEvent(other, { params: { id: request.id } }))).status).toBe(403);
		expect((await readConversation(apiEvent(null, { params: { id: request.id } }))).status).toBe(401);
		const read = await (await readConversation(apiEvent(talent, { params: { id: request.id } }))).json();
		expect(read).toMatchObject({ request: { side: 'mentor', messages: 1 }, messages: [{ side: 'mentee', mine: false, author: 'Ali Étudiant' }] });
		const ended = await act(apiEvent(youth, { method: 'POST', json: { action: 'end', reason: 'Merci !' }, params: { id: request.id } }));
		expect(await ended.json()).toMatchObject({ status: 'ended', endedBy: 'mentee', reason: 'Merci !' });
		const closed = await write(apiEvent(talent, { method: 'POST', json: { body: 'Bonne continuation !' }, params: { id: request.id } }));
		expect(closed.status).toBe(409);
		expect((await closed.json()).error.details).toMatchObject({ reason: 'not_accepted' });
	});
});
