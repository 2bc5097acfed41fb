// Mobility counsellors' caseload through the API and the export (issue 10, item 6), as a token's requests:
// a counsellor lists her candidates (stage, needs open and done, next appointment) and opens one's file;
// another counsellor's candidate is 404, `show=all` is the division's (400 for her), no grant is 403; each
// read is in the audit trail; the export's rows are the same list, every candidate (the browser spec downloads it).
// Writing to a file (needs, appointments, notes) with the pages' checks and audit; the programmes' referrals API
// lists a mobility counsellor's referral to the programme's partners, who answer it through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { caseAppointment, caseDocument, caseNeed, caseNote, caseReferral } from '../../../platform/casework/casework.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { addCaseNeed, updateCaseNeed } from '../../../platform/casework/case-needs.ts';
import { addCaseNote, planAppointment, refer } from '../../../platform/casework/casework.service.ts';
import { instantToLocalDateTime } from '../../../platform/time-zone.ts';
import { createCampaign } from './campaigns.service.ts';
import { placementCandidate } from './campaigns.table.ts';
import { placementFollowUp } from './mobility.caseload.ts';
import { caseloadExportRows } from './mobility-export.ts';
import { assignCandidate } from './mobility.service.ts';
import { GET as caseloadApi } from '../routes/api/v1/placement/caseload/+server.ts';
import { GET as fileApi } from '../routes/api/v1/placement/caseload/[id]/+server.ts';
import { POST as needsApi } from '../routes/api/v1/placement/caseload/[id]/needs/+server.ts';
import { POST as appointmentsApi } from '../routes/api/v1/placement/caseload/[id]/appointments/+server.ts';
import { POST as notesApi } from '../routes/api/v1/placement/caseload/[id]/notes/+server.ts';
import { PUT as needApi } from '../routes/api/v1/placement/caseload/[id]/needs/[needId]/+server.ts';
import { PATCH as appointmentApi } from '../routes/api/v1/placement/caseload/[id]/appointments/[appointmentId]/+server.ts';
import { POST as referApi } from '../routes/api/v1/placement/caseload/[id]/referrals/+server.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import { aPdf } from '../../../platform/testing/pdf.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import { caseDocumentDownload, caseFilePageActions, myCaseDocumentDownload } from '../../../platform/casework/casework.web.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { GET as referralsApi } from '../routes/api/v1/referrals/+server.ts';
import { PATCH as answerApi } from '../routes/api/v1/referrals/[id]/+server.ts';
import { GET as documentsApi, POST as addDocumentApi } from '../routes/api/v1/placement/caseload/[id]/documents/+server.ts';
import { DELETE as deleteDocumentApi, GET as documentApi } from '../routes/api/v1/placement/caseload/[id]/documents/[documentId]/+server.ts';
import { GET as myDocumentsApi } from '../routes/api/v1/placement/my-documents/+server.ts';
import { GET as myDocumentApi } from '../routes/api/v1/placement/my-documents/[documentId]/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let division: Caller;
let amina: Caller;
let karim: Caller;
let outsider: Person;
let people: Person[];

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const staff = async (name: string, role: string): Promise<Caller> => {
		const person = await aPerson(db, { role: 'member', name });
		await db.insert(accessGrant).values({ userId: person.actor.userId, module: 'jobs', role });
		return { actor: { ...person.actor, grants: [{ module: 'jobs', role, organisationId: null, scope: null }] }, email: person.email };
	};
	division = await staff('Division API', 'placement_division');
	amina = await staff('Amina API', 'placement_counsellor');
	karim = await staff('Karim API', 'placement_counsellor');
	outsider = await aPerson(db, { role: 'counsellor' });
	people = [];
	for (let index = 0; index < 3; index++) people.push(await aPerson(db, { role: 'member', name: `Qualifiée API ${index}`, email: `api-qualified${index}@example.ma` }));
	const nurses = (await createCampaign(contextFor(db, division.actor), { title: 'Infirmières Munich', hostCountry: 'DE', hostRegion: 'Bavière', channel: 'individual', positions: 5 })).id;
	await db.insert(placementCandidate).values([
		{ campaignId: nurses, userId: people[0].actor.userId, stage: 'interview' },
		{ campaignId: nurses, userId: people[1].actor.userId, stage: 'registered' },
		{ campaignId: nurses, userId: people[2].actor.userId, stage: 'preselected' }
	]);
	await assignCandidate(contextFor(db, division.actor), people[0].actor.userId, { counsellorUserId: amina.actor.userId });
	await assignCandidate(contextFor(db, division.actor), people[1].actor.userId, { counsellorUserId: karim.actor.userId });
	const mine = contextFor(db, amina.actor);
	const first = people[0].actor.userId;
	await addCaseNeed(mine, placementFollowUp, first, { kind: 'language_course', dueOn: '2099-01-31', note: 'B2' });
	const done = await addCaseNeed(mine, placementFollowUp, first, { kind: 'documents', note: '' });
	await updateCaseNeed(mine, placementFollowUp, first, done.id, { status: 'done', note: '' });
	await planAppointment(mine, placementFollowUp, first, { startsAt: instantToLocalDateTime(new Date(Date.now() + 3 * 86_400_000)), mode: 'video', purpose: 'Préparer l’entretien' });
	await addCaseNote(mine, placementFollowUp, first, { body: 'Note privée API' });
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

const body = async (response: Response) => ({ status: response.status, json: await response.json() });

describe('the caseload API', () => {
	it('lists the counsellor’s own candidates with stage, needs open and done, next appointment; the list read is audited', async () => {
		const { status, json } = await body(await caseloadApi(apiEvent(amina)));
		expect(status).toBe(200);
		expect(json.show).toBe('mine');
		expect(json.items).toHaveLength(1);
		const [item] = json.items;
		expect(item).toMatchObject({ id: people[0].actor.userId, name: 'Qualifiée API 0', needsDone: 1, counsellor: { id: amina.actor.userId }, way: 'division' });
		expect(item.opportunities).toEqual([expect.objectContaining({ title: 'Infirmières Munich', hostCountry: 'DE', stage: 'interview', exitReason: null })]);
		expect(item.needs).toEqual([{ kind: 'language_course', status: 'open', dueOn: '2099-01-31' }]);
		expect(Date.parse(item.nextAppointment)).toBeGreaterThan(Date.now());
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.actorUserId, amina.actor.userId), like(auditEvent.action, '%read%')));
		expect(reads.length).toBeGreaterThan(0);
	});

	it('gives those nobody follows, and all only to the division (a field error for a counsellor); no grant is 403', async () => {
		const unassigned = await body(await caseloadApi(apiEvent(amina, { search: '?show=unassigned' })));
		expect(unassigned.json.items.map((row: { id: string }) => row.id)).toEqual([people[2].actor.userId]);
		const refused = await body(await caseloadApi(apiEvent(amina, { search: '?show=all' })));
		expect(refused.status).toBe(400);
		expect(refused.json.error.details.fields).toEqual([expect.objectContaining({ path: 'show' })]);
		expect((await body(await caseloadApi(apiEvent(amina, { search: '?stage=nowhere' })))).status).toBe(400);
		expect((await body(await caseloadApi(apiEvent(division, { search: '?show=all' })))).json.items).toHaveLength(3);
		expect((await caseloadApi(apiEvent(outsider))).status).toBe(403);
		expect((await caseloadApi(apiEvent(null))).status).toBe(401);
	});

	it('opens the file of her candidate (notes included, audited); another counsellor’s is 404', async () => {
		const params = { id: people[0].actor.userId };
		const { status, json } = await body(await fileApi(apiEvent(amina, { params })));
		expect(status).toBe(200);
		expect(json).toMatchObject({ person: { id: people[0].actor.userId, email: 'api-qualified0@example.ma' }, mine: true, counsellor: { id: amina.actor.userId } });
		expect(json.needs.map((need: { kind: string; status: string }) => `${need.kind}:${need.status}`)).toEqual(['language_course:open', 'documents:done']);
		expect(json.appointments).toEqual([expect.objectContaining({ mode: 'video', status: 'planned', purpose: 'Préparer l’entretien' })]);
		expect(json.notes).toEqual([expect.objectContaining({ body: 'Note privée API', mine: true })]);
		expect(json.referrals).toEqual([]);
		const [read] = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.actorUserId, amina.actor.userId), eq(auditEvent.resourceId, people[0].actor.userId)));
		expect(read).toBeDefined();
		expect((await fileApi(apiEvent(karim, { params }))).status).toBe(404);
		expect((await fileApi(apiEvent(karim, { params: { id: 'nobody' } }))).status).toBe(404);
		expect((await fileApi(apiEvent(division, { params }))).status).toBe(200);
	});
});

describe('the caseload export', () => {
	it('writes the list as the page filters it, a line per candidate, in the reader’s language', async () => {
		await expect(caseloadExportRows(contextFor(app.database.db, amina.actor, { language: 'fr' }), { show: 'all' })).rejects.toMatchObject({ code: 'invalid_input' });
		const mine = await caseloadExportRows(contextFor(app.database.db, amina.actor, { language: 'fr' }), {});
		expect(mine.rows[0]).toEqual(['Candidat', 'Opportunités (étape)', 'Besoins ouverts', 'Besoins clos', 'Prochain rendez-vous', 'Conseiller·ère', 'Exemple']);
		expect(mine.rows).toHaveLength(2);
		expect(mine.rows[1].slice(0, 4)).toEqual(['Qualifiée API 0', 'Infirmières Munich (Allemagne) — Test ou entretien', 'Cours de langue — À traiter (2099-01-31)', 1]);
		expect(mine.rows[1][5]).toBe('Amina API');
		const all = await caseloadExportRows(contextFor(app.database.db, division.actor, { language: 'ar' }), { show: 'all', stage: 'registered' });
		expect(all.rows.map((row) => row[0]).slice(1)).toEqual(['Qualifiée API 1']);
	});
});

describe('writing to a file through the API', () => {
	const count = async (table: typeof caseNeed | typeof caseAppointment | typeof caseNote, personId: string) =>
		(await app.database.db.select().from(table).where(and(eq(table.caseload, placementFollowUp.key), eq(table.personUserId, personId)))).length;

	it('adds a need to her candidate’s file, checked and audited as the page’s form; another counsellor’s candidate is 404, nothing written', async () => {
		const params = { id: people[0].actor.userId };
		const before = await count(caseNeed, params.id);
		const created = await body(await needsApi(apiEvent(amina, { method: 'POST', params, json: { kind: 'diploma_recognition', dueOn: '2099-03-01', note: 'Attestation de comparabilité' } })));
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ kind: 'diploma_recognition', status: 'open', dueOn: '2099-03-01', note: 'Attestation de comparabilité' });
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_case_need.create'), eq(auditEvent.resourceId, created.json.id)));
		expect(event).toMatchObject({ actorUserId: amina.actor.userId, channel: 'api' });
		expect(JSON.stringify(event.after)).not.toContain('comparabilité');
		const wrongKind = await body(await needsApi(apiEvent(amina, { method: 'POST', params, json: { kind: 'housing', dueOn: '2099-02-30' } })));
		expect(wrongKind.status).toBe(400);
		expect(wrongKind.json.error.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['dueOn', 'kind']);
		expect((await needsApi(apiEvent(karim, { method: 'POST', params, json: { kind: 'documents' } }))).status).toBe(404);
		expect((await needsApi(apiEvent(amina, { method: 'POST', params, body: 'kind=documents', contentType: 'application/x-www-form-urlencoded' }))).status).toBe(415);
		expect(await count(caseNeed, params.id)).toBe(before + 1);
	});

	it('plans an appointment (a time long past refused on the field) and writes a private note, audited without its text; the division on anyone’s candidate', async () => {
		const params = { id: people[0].actor.userId };
		const startsAt = instantToLocalDateTime(new Date(Date.now() + 5 * 86_400_000));
		const planned = await body(await appointmentsApi(apiEvent(amina, { method: 'POST', params, json: { startsAt, mode: 'phone', purpose: 'Suivi du visa' } })));
		expect(planned.status).toBe(201);
		expect(planned.json).toMatchObject({ mode: 'phone', purpose: 'Suivi du visa', status: 'planned', staff: 'Amina API' });
		const past = await body(await appointmentsApi(apiEvent(amina, { method: 'POST', params, json: { startsAt: '2020-01-01T10:00', mode: 'phone', purpose: 'Trop tard' } })));
		expect(past.status).toBe(400);
		expect(past.json.error.details.fields).toEqual([expect.objectContaining({ path: 'startsAt' })]);
		expect(await count(caseAppointment, params.id)).toBe(2);
		const note = await body(await notesApi(apiEvent(amina, { method: 'POST', params, json: { body: 'Très motivée (API)' } })));
		expect(note.status).toBe(201);
		expect(note.json).toMatchObject({ body: 'Très motivée (API)', author: 'Amina API' });
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_case_note.create'), eq(auditEvent.resourceId, note.json.id)));
		expect(JSON.stringify(event)).not.toContain('motivée');
		expect((await body(await notesApi(apiEvent(amina, { method: 'POST', params, json: { body: '  ' } })))).status).toBe(400);
		// Karim's candidate: not hers, the division's
		const karims = { id: people[1].actor.userId };
		expect((await notesApi(apiEvent(amina, { method: 'POST', params: karims, json: { body: 'Pas la mienne' } }))).status).toBe(404);
		expect((await notesApi(apiEvent(division, { method: 'POST', params: karims, json: { body: 'Vu par la division' } }))).status).toBe(201);
		expect(await count(caseNote, karims.id)).toBe(1);
	});
});

describe('the programmes’ referrals API', () => {
	it('lists a mobility counsellor’s referral to the programme’s partners (not to others), who answer it', async () => {
		const db = app.database.db;
		const [org] = await db.insert(organisation).values({ slug: 'mobility-programme-org', name: 'Mobility Programme Org', type: 'ngo' }).returning();
		const [other] = await db.insert(organisation).values({ slug: 'mobility-other-org', name: 'Other Programme Org', type: 'ngo' }).returning();
		const partner = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
		const otherPartner = await aPerson(db, { role: 'partner', organisationIds: [other.id] });
		const [programme] = await db
			.insert(directoryEntry)
			.values({ collection: 'jobs.programmes', organisationId: org.id, name: { fr: 'Allemand pour soignants' }, description: { fr: 'x' }, eligibility: { fr: 'x' }, services: ['training'], cities: ['Rabat'], regions: ['MA-04'], languages: ['fr'] })
			.returning();
		const sent = await refer(contextFor(db, amina.actor), placementFollowUp, people[0].actor.userId, { entryId: programme.id, message: 'Cours B2 intensif', agreed: true });
		const listed = await body(await referralsApi(apiEvent(partner)));
		expect(listed.status).toBe(200);
		expect(listed.json.items).toEqual([
			expect.objectContaining({ id: sent.id, source: 'mobility', status: 'sent', agency: expect.objectContaining({ name: 'ANAPEC' }), counsellor: 'Amina API', person: expect.objectContaining({ email: 'api-qualified0@example.ma' }) })
		]);
		expect((await body(await referralsApi(apiEvent(otherPartner)))).json.items).toEqual([]);
		expect((await body(await answerApi(apiEvent(otherPartner, { method: 'PATCH', params: { id: sent.id }, json: { status: 'accepted' } })))).status).toBe(404);
		const answered = await body(await answerApi(apiEvent(partner, { method: 'PATCH', params: { id: sent.id }, json: { status: 'accepted' } })));
		expect(answered).toEqual({ status: 200, json: { id: sent.id, status: 'accepted', changed: true } });
		expect((await body(await referralsApi(apiEvent(partner, { search: '?status=accepted' })))).json.items.map((item: { id: string }) => item.id)).toEqual([sent.id]);
	});
});

describe('moving a file on through the API: needs, appointments, referrals', () => {
	const first = () => ({ id: people[0].actor.userId });
	const mailsSince = async (before: number) => (await app.outbox()).slice(before).map(readMail);

	it('updates a need as it now stands, audited without its note; a wrong status is a 400 on the field; another counsellor or another file 404', async () => {
		const params = first();
		const [need] = await app.database.db.select().from(caseNeed).where(and(eq(caseNeed.personUserId, params.id), eq(caseNeed.kind, 'language_course')));
		const updated = await body(await needApi(apiEvent(amina, { method: 'PUT', params: { ...params, needId: need.id }, json: { status: 'in_progress', dueOn: '2099-02-28', note: 'Inscrite au Goethe-Institut' } })));
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({ id: need.id, kind: 'language_course', status: 'in_progress', dueOn: '2099-02-28', note: 'Inscrite au Goethe-Institut' });
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_case_need.update'), eq(auditEvent.resourceId, need.id)));
		expect(event).toMatchObject({ actorUserId: amina.actor.userId, channel: 'api', before: { status: 'open', dueOn: '2099-01-31' }, after: { status: 'in_progress', dueOn: '2099-02-28', fields: ['note'] } });
		expect(JSON.stringify(event)).not.toContain('Goethe');
		const wrong = await body(await needApi(apiEvent(amina, { method: 'PUT', params: { ...params, needId: need.id }, json: { status: 'finished' } })));
		expect(wrong.status).toBe(400);
		expect(wrong.json.error.details.fields).toEqual([expect.objectContaining({ path: 'status' })]);
		expect((await needApi(apiEvent(karim, { method: 'PUT', params: { ...params, needId: need.id }, json: { status: 'done' } }))).status).toBe(404);
		// the need is not of Karim's candidate's file, even for the division
		expect((await needApi(apiEvent(division, { method: 'PUT', params: { id: people[1].actor.userId, needId: need.id }, json: { status: 'done' } }))).status).toBe(404);
		const [after] = await app.database.db.select().from(caseNeed).where(eq(caseNeed.id, need.id));
		expect(after).toMatchObject({ status: 'in_progress', note: 'Inscrite au Goethe-Institut' });
		// the candidate sees it so on their page's API
		expect((await fileApi(apiEvent(amina, { params }))).status).toBe(200);
	});

	it('records an appointment held, cancels another (the candidate is e-mailed in their language); unchanged is not written; another counsellor 404', async () => {
		const params = first();
		const rows = await app.database.db.select().from(caseAppointment).where(and(eq(caseAppointment.caseload, placementFollowUp.key), eq(caseAppointment.personUserId, params.id)));
		const [one, two] = rows;
		const held = await body(await appointmentApi(apiEvent(amina, { method: 'PATCH', params: { ...params, appointmentId: one.id }, json: { status: 'held' } })));
		expect(held).toEqual({ status: 200, json: { id: one.id, status: 'held', changed: true } });
		expect((await body(await appointmentApi(apiEvent(amina, { method: 'PATCH', params: { ...params, appointmentId: one.id }, json: { status: 'held' } })))).json.changed).toBe(false);
		expect((await appointmentApi(apiEvent(amina, { method: 'PATCH', params: { ...params, appointmentId: one.id }, json: { status: 'postponed' } }))).status).toBe(400);
		expect((await appointmentApi(apiEvent(karim, { method: 'PATCH', params: { ...params, appointmentId: two.id }, json: { status: 'cancelled' } }))).status).toBe(404);
		const before = (await app.outbox()).length;
		const cancelled = await body(await appointmentApi(apiEvent(amina, { method: 'PATCH', params: { ...params, appointmentId: two.id }, json: { status: 'cancelled' } })));
		expect(cancelled.json).toMatchObject({ status: 'cancelled', changed: true });
		const mails = await mailsSince(before);
		expect(mails.map((mail) => mail.to)).toEqual([expect.stringContaining('api-qualified0@example.ma')]);
		expect(mails[0].language).toBe('fr');
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_appointment.status'), eq(auditEvent.actorUserId, amina.actor.userId)));
		expect(events.map((event) => (event.after as { status: string }).status).sort()).toEqual(['cancelled', 'held']);
	});

	it('refers her candidate to a programme (e-mailed, audited); the same again is 409, an unknown programme a 400 on `programmeId`; she reads and moves it on in the referrals API without the counsellor role', async () => {
		const db = app.database.db;
		const params = first();
		const [org] = await db.insert(organisation).values({ slug: 'mobility-api-referral-org', name: 'Langues pour soignants', type: 'ngo' }).returning();
		const partner = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
		const [programme] = await db
			.insert(directoryEntry)
			.values({ collection: 'jobs.programmes', organisationId: org.id, name: { fr: 'Allemand B2 intensif' }, description: { fr: 'x' }, eligibility: { fr: 'x' }, services: ['training'], cities: ['Rabat'], regions: ['MA-04'], languages: ['fr'] })
			.returning();
		const before = (await app.outbox()).length;
		const sent = await body(await referApi(apiEvent(amina, { method: 'POST', params, json: { programmeId: programme.id, kind: 'training', message: 'Cours B2 avant le visa', agreed: true } })));
		expect(sent.status).toBe(201);
		expect(sent.json).toMatchObject({ status: 'sent', kind: 'training', programmeId: programme.id, message: 'Cours B2 avant le visa' });
		expect((await mailsSince(before)).map((mail) => mail.to)).toEqual(expect.arrayContaining([expect.stringContaining('api-qualified0@example.ma'), expect.stringContaining(partner.email)]));
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_referral.create'), eq(auditEvent.resourceId, sent.json.id)));
		expect(event).toMatchObject({ actorUserId: amina.actor.userId, channel: 'api' });
		const again = await body(await referApi(apiEvent(amina, { method: 'POST', params, json: { programmeId: programme.id, message: 'Encore', agreed: true } })));
		expect(again.status).toBe(409);
		expect(again.json.error.details).toMatchObject({ reason: 'already_referred' });
		const unknown = await body(await referApi(apiEvent(amina, { method: 'POST', params, json: { programmeId: crypto.randomUUID(), message: 'Ailleurs', agreed: true } })));
		expect(unknown.status).toBe(400);
		expect(unknown.json.error.details.fields).toEqual([{ path: 'programmeId', message: 'Choose one of the values offered.' }]);
		expect((await referApi(apiEvent(amina, { method: 'POST', params, json: { programmeId: programme.id, message: 'Sans accord' } }))).status).toBe(400);
		expect((await referApi(apiEvent(karim, { method: 'POST', params, json: { programmeId: programme.id, message: 'Pas la mienne', agreed: true } }))).status).toBe(404);
		expect(await db.select().from(caseReferral).where(and(eq(caseReferral.personUserId, params.id), eq(caseReferral.entryId, programme.id)))).toHaveLength(1);
		// Amina holds the mobility grant, not the counsellor role: the referrals API lists her candidates' referrals, not Karim's
		const hers = await body(await referralsApi(apiEvent(amina)));
		expect(hers.status).toBe(200);
		expect(hers.json.items.map((item: { id: string }) => item.id)).toContain(sent.json.id);
		expect(hers.json.items.every((item: { source: string; person: { email: string } }) => item.source === 'mobility' && item.person.email === 'api-qualified0@example.ma')).toBe(true);
		expect((await body(await referralsApi(apiEvent(karim)))).json.items.map((item: { id: string }) => item.id)).not.toContain(sent.json.id);
		expect((await referralsApi(apiEvent(outsider))).status).toBe(200);
		expect((await body(await referralsApi(apiEvent(outsider)))).json.items.map((item: { id: string }) => item.id)).not.toContain(sent.json.id);
		// the programme accepts it, she records it completed; Karim cannot touch it
		expect((await body(await answerApi(apiEvent(partner, { method: 'PATCH', params: { id: sent.json.id }, json: { status: 'accepted' } })))).json.changed).toBe(true);
		expect((await answerApi(apiEvent(karim, { method: 'PATCH', params: { id: sent.json.id }, json: { status: 'completed' } }))).status).toBe(404);
		const completed = await body(await answerApi(apiEvent(amina, { method: 'PATCH', params: { id: sent.json.id }, json: { status: 'completed' } })));
		expect(completed).toEqual({ status: 200, json: { id: sent.json.id, status: 'completed', changed: true } });
	});
});

describe('documents on a mobility file', () => {
	/** the file page's actions as its page file builds them (the browser flow posts the page itself) */
	const fileActions = caseFilePageActions(placementFollowUp, async ({ locals, params }) => ({ ctx: requestContext(app, locals), personId: params.id }), { documents: true });
	/** the file page's multipart form adding a document, as a browser sends it */
	const upload = (caller: Caller, personId: string, kind: string, file: Blob, name: string) => {
		const form = new FormData();
		form.set('_form', 'document');
		form.set('kind', kind);
		form.set('file', file, name);
		const event = apiEvent(caller, { method: 'POST', params: { id: personId }, body: form });
		return fileActions.document!({ request: event.request, locals: event.locals, params: { id: personId } }) as Promise<unknown>;
	};
	/** the download routes: a document of the file (staff), one's own (the candidate) */
	const documentDownload = (caller: Caller, personId: string, documentId: string) => caseDocumentDownload(requestContext(app, apiEvent(caller).locals), placementFollowUp, personId, documentId);
	const myDocumentDownload = (caller: Caller, documentId: string) => myCaseDocumentDownload(requestContext(app, apiEvent(caller).locals), placementFollowUp, documentId);
	const status = (work: Promise<unknown>) =>
		work.then(
			() => 200,
			(failure: { status?: number }) => failure.status ?? 500
		);
	const pdf = () => new Blob([aPdf({ text: 'Anerkennung' })], { type: 'application/pdf' });

	it('lets her counsellor add a document checked by its content; the candidate downloads it from their page; nobody else reaches it', async () => {
		const personId = people[0].actor.userId;
		expect(await upload(amina, personId, 'education', pdf(), 'Diplôme infirmier.pdf')).toEqual({ done: 'document_added' });
		const refused = (await upload(amina, personId, 'education', new Blob(['<html>not a pdf</html>']), 'faux.pdf')) as { status: number; data: { errors: Record<string, string> } };
		expect(refused.status).toBe(415);
		expect(Object.keys(refused.data.errors)).toEqual(['file']);
		expect(await status(upload(karim, personId, 'education', pdf(), 'autre.pdf'))).toBe(404);
		const rows = await app.database.db.select().from(caseDocument).where(and(eq(caseDocument.caseload, placementFollowUp.key), eq(caseDocument.personUserId, personId)));
		expect(rows.map((row) => row.fileName)).toEqual(['Diplôme infirmier.pdf']);
		const documentId = rows[0].id;
		const staffCopy = await documentDownload(amina, personId, documentId);
		expect(staffCopy.status).toBe(200);
		expect(Buffer.from(await staffCopy.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
		expect(await status(documentDownload(karim, personId, documentId))).toBe(404);
		expect((await documentDownload(division, personId, documentId)).status).toBe(200);
		const own = await myDocumentDownload(people[0], documentId);
		expect(own.status).toBe(200);
		expect(await status(myDocumentDownload(people[1], documentId))).toBe(404);
		// each download is an audited read
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceId, rows[0].id)));
		expect(reads.map((event) => (event.after as { view: string }).view).sort()).toEqual(['person', 'team', 'team']);
	});

	it('gives the candidate the documents in their export and erases them, files included, with the account', async () => {
		const personId = people[2].actor.userId;
		expect(await upload(division, personId, 'identity', pdf(), 'passeport.pdf')).toEqual({ done: 'document_added' });
		const [row] = await app.database.db.select().from(caseDocument).where(eq(caseDocument.personUserId, personId));
		const ctx = contextFor(app.database.db, people[2], { files: app.files });
		const data = (await exportMyData(ctx)) as { casework: { documents: { caseload: string; fileName: string; kind: string }[] } };
		expect(data.casework.documents).toEqual([expect.objectContaining({ caseload: 'jobs.placement', fileName: 'passeport.pdf', kind: 'identity' })]);
		expect(await app.files.get(row.storageKey)).not.toBeNull();
		await deleteMyAccount(ctx, { files: app.files });
		expect(await app.database.db.select().from(caseDocument).where(eq(caseDocument.personUserId, personId))).toEqual([]);
		expect(await app.files.get(row.storageKey)).toBeNull();
	});
});

describe('documents on a mobility file through the API', () => {
	/** the multipart form the file page sends, as a partner system would */
	const form = (kind: string, file: Blob | null, name = 'document.pdf') => {
		const data = new FormData();
		data.set('kind', kind);
		if (file) data.set('file', file, name);
		return data;
	};
	const upload = (caller: Caller, personId: string, data: FormData) => addDocumentApi(apiEvent(caller, { method: 'POST', params: { id: personId }, body: data }));
	const pdf = () => new Blob([aPdf({ text: 'Sprachzertifikat' })], { type: 'application/pdf' });
	const documentsOf = (personId: string) => app.database.db.select().from(caseDocument).where(and(eq(caseDocument.caseload, placementFollowUp.key), eq(caseDocument.personUserId, personId)));

	it('lets her counsellor upload with the page’s checks, list, download and remove; the candidate lists and downloads her own; audited', async () => {
		const personId = people[0].actor.userId;
		const before = (await documentsOf(personId)).length;
		const added = await body(await upload(amina, personId, form('education', pdf(), 'Zertifikat B2.pdf')));
		expect(added.status).toBe(201);
		expect(added.json).toMatchObject({ kind: 'education', fileName: 'Zertifikat B2.pdf', mediaType: 'application/pdf', addedBy: 'Amina API' });
		// the page's checks, each on the `file` field, nothing kept: a renamed web page, an empty form, a JSON body, a wrong kind
		const renamed = await body(await upload(amina, personId, form('education', new Blob(['<html>not a pdf</html>']), 'faux.pdf')));
		expect(renamed.status).toBe(415);
		expect(renamed.json.error.details).toMatchObject({ reason: 'document_type', fields: [expect.objectContaining({ path: 'file' })] });
		const empty = await body(await upload(amina, personId, form('education', null)));
		expect(empty.status).toBe(400);
		expect(empty.json.error.details.fields).toEqual([expect.objectContaining({ path: 'file' })]);
		const json = await body(await addDocumentApi(apiEvent(amina, { method: 'POST', params: { id: personId }, json: { kind: 'education' } })));
		expect(json.status).toBe(415);
		expect(json.json.error.details.reason).toBe('document_multipart');
		const kind = await body(await upload(amina, personId, form('passport', pdf())));
		expect(kind.status).toBe(400);
		expect(kind.json.error.details.fields).toEqual([expect.objectContaining({ path: 'kind' })]);
		const tooLarge = new Uint8Array(5 * 1024 * 1024 + 1);
		tooLarge.set(aPdf({ text: 'x' }));
		expect((await upload(amina, personId, form('education', new Blob([tooLarge]), 'gros.pdf'))).status).toBe(413);
		// another counsellor's candidate: 404, nothing kept
		expect((await upload(karim, personId, form('education', pdf()))).status).toBe(404);
		expect(await documentsOf(personId)).toHaveLength(before + 1);
		const created = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case_document.create'), eq(auditEvent.resourceId, added.json.id)));
		expect(created).toHaveLength(1);
		expect(created[0].channel).toBe('api');

		// listed to her and to the division (an audited read), not to Karim
		const listed = await body(await documentsApi(apiEvent(amina, { params: { id: personId } })));
		expect(listed.status).toBe(200);
		expect(listed.json.items.map((row: { id: string }) => row.id)).toContain(added.json.id);
		expect((await documentsApi(apiEvent(division, { params: { id: personId } }))).status).toBe(200);
		expect((await documentsApi(apiEvent(karim, { params: { id: personId } }))).status).toBe(404);
		const listReads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'case_document'), eq(auditEvent.actorUserId, amina.actor.userId)));
		expect(listReads.some((event) => (event.after as { view: string }).view === 'team_list')).toBe(true);

		// downloaded: the bytes, always as an attachment; Karim 404; the candidate from her own list, another candidate 404
		const params = { id: personId, documentId: added.json.id };
		const copy = await documentApi(apiEvent(amina, { params }));
		expect(copy.status).toBe(200);
		expect(copy.headers.get('content-disposition')).toContain('attachment');
		expect(Buffer.from(await copy.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
		expect((await documentApi(apiEvent(karim, { params }))).status).toBe(404);
		expect((await documentApi(apiEvent(amina, { params: { id: people[1].actor.userId, documentId: added.json.id } }))).status).toBe(404);
		const own = await body(await myDocumentsApi(apiEvent({ actor: people[0].actor, email: people[0].email })));
		expect(own.json.items.map((row: { id: string }) => row.id)).toContain(added.json.id);
		expect((await myDocumentsApi(apiEvent({ actor: people[1].actor, email: people[1].email }))).status).toBe(200);
		expect((await body(await myDocumentsApi(apiEvent({ actor: people[1].actor, email: people[1].email })))).json.items).toEqual([]);
		expect((await myDocumentApi(apiEvent({ actor: people[0].actor, email: people[0].email }, { params: { documentId: added.json.id } }))).status).toBe(200);
		expect((await myDocumentApi(apiEvent({ actor: people[1].actor, email: people[1].email }, { params: { documentId: added.json.id } }))).status).toBe(404);
		expect((await myDocumentsApi(apiEvent(null))).status).toBe(401);
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceId, added.json.id)));
		expect(reads.map((event) => (event.after as { view: string }).view).filter((view) => view !== 'team_list').sort()).toEqual(['person', 'team']);

		// removed: Karim 404, her 204 — the row and the file gone, audited
		const [row] = await app.database.db.select().from(caseDocument).where(eq(caseDocument.id, added.json.id));
		expect((await deleteDocumentApi(apiEvent(karim, { method: 'DELETE', params }))).status).toBe(404);
		expect((await deleteDocumentApi(apiEvent(amina, { method: 'DELETE', params }))).status).toBe(204);
		expect(await app.database.db.select().from(caseDocument).where(eq(caseDocument.id, added.json.id))).toEqual([]);
		expect(await app.files.get(row.storageKey)).toBeNull();
		expect(await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case_document.delete'), eq(auditEvent.resourceId, added.json.id)))).toHaveLength(1);
		expect((await documentApi(apiEvent(amina, { params }))).status).toBe(404);
	});

	it('refuses people without the grant (403) and anonymous callers (401)', async () => {
		const params = { id: people[0].actor.userId };
		expect((await documentsApi(apiEvent(outsider, { params }))).status).toBe(403);
		expect((await documentsApi(apiEvent(null, { params }))).status).toBe(401);
		expect((await upload(outsider, people[0].actor.userId, form('education', pdf()))).status).toBe(403);
	});
});
