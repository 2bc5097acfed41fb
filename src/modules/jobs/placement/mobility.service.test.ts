// Mobility counsellors' caseload (issue 10, item 6) against the database: who sees which qualified
// candidate (their counsellor, the division), taking and (re)assigning with the audit trail, needs through
// the platform's casework (kinds, statuses, another counsellor's candidate not found), appointments and
// private notes, the candidate's own view without the notes, my space's counts, export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { addCaseNeed, updateCaseNeed } from '../../../platform/casework/case-needs.ts';
import { addCaseNote, caseloadOfReferral, listEntryReferrals, planAppointment, refer, setReferralStatus } from '../../../platform/casework/casework.service.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { caseNeed } from '../../../platform/casework/casework.table.ts';
import { loadMyCasework } from '../../../platform/casework/casework.web.ts';
import { createCampaign } from './campaigns.service.ts';
import { placementCandidate } from './campaigns.table.ts';
import { placementFollowUp } from './mobility.caseload.ts';
import { assignCandidate, caseloadCounts, listCaseload, openMobilityCase, takeCandidate } from './mobility.service.ts';
import { placementCaseAssignment } from './mobility.table.ts';

let app: TestApp;
let division: Actor;
let amina: Actor;
let karim: Actor;
let outsider: Person;
let people: Person[];
let nurses: string;
let seasonal: string;
const NOW = new Date('2027-03-01T10:00:00Z');
const grant = (role: string) => [{ module: 'jobs', role, organisationId: null, scope: null }];

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const staff = async (name: string, role: string) => {
		const person = (await aPerson(db, { role: 'member', name })).actor;
		await db.insert(accessGrant).values({ userId: person.userId, module: 'jobs', role });
		return { ...person, grants: grant(role) };
	};
	division = await staff('Division Placement', 'placement_division');
	amina = await staff('Amina Conseillère', 'placement_counsellor');
	karim = await staff('Karim Conseiller', 'placement_counsellor');
	outsider = await aPerson(db, { role: 'counsellor' });
	people = [];
	for (let index = 0; index < 4; index++) people.push(await aPerson(db, { role: 'member', name: `Candidate ${index}`, email: `qualified${index}@example.ma` }));
	const ctx = contextFor(db, division, { now: () => NOW });
	nurses = (await createCampaign(ctx, { title: 'Infirmiers Stuttgart', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 10 })).id;
	seasonal = (await createCampaign(ctx, { title: 'Fraises', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 10, seasonStartsOn: '2027-03-01', seasonEndsOn: '2027-06-30', quotas: [] })).id;
	await db.insert(placementCandidate).values([
		{ campaignId: nurses, userId: people[0].actor.userId, stage: 'interview' },
		{ campaignId: nurses, userId: people[1].actor.userId, stage: 'registered' },
		{ campaignId: nurses, userId: people[2].actor.userId, stage: 'selected' },
		// a seasonal worker is no qualified candidate
		{ campaignId: seasonal, userId: people[3].actor.userId, stage: 'registered' }
	]);
});
afterAll(() => app.close());

const as = (who: Actor | Person) => contextFor(app.database.db, who, { now: () => NOW });

describe('assignment', () => {
	it('lets the division assign and reassign, audited; others may not assign', async () => {
		await assignCandidate(as(division), people[0].actor.userId, { counsellorUserId: amina.userId });
		await assignCandidate(as(division), people[2].actor.userId, { counsellorUserId: karim.userId });
		await assignCandidate(as(division), people[2].actor.userId, { counsellorUserId: amina.userId });
		expect((await refusal(assignCandidate(as(amina), people[1].actor.userId, { counsellorUserId: amina.userId }))).code).toBe('forbidden');
		expect((await refusal(assignCandidate(as(division), people[1].actor.userId, { counsellorUserId: outsider.actor.userId }))).fields).toEqual([{ path: 'counsellorUserId', messageKey: 'field_choice' }]);
		// a seasonal worker is not in the caseload
		expect((await refusal(assignCandidate(as(division), people[3].actor.userId, { counsellorUserId: amina.userId }))).code).toBe('not_found');
		const trail = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'placement_case_assignment'), eq(auditEvent.resourceId, people[2].actor.userId)));
		expect(trail.map((row) => row.action).sort()).toEqual(['placement_case_assignment.assign', 'placement_case_assignment.reassign']);
		expect(trail.find((row) => row.action.endsWith('reassign'))).toMatchObject({ before: { counsellorId: karim.userId }, after: { counsellorId: amina.userId } });
	});

	it('lets a counsellor take an unassigned candidate, not someone else’s', async () => {
		const unassigned = await listCaseload(as(karim), { show: 'unassigned' });
		expect(unassigned.items.map((item) => item.name)).toEqual(['Candidate 1']);
		await takeCandidate(as(karim), people[1].actor.userId);
		expect((await refusal(takeCandidate(as(karim), people[0].actor.userId))).extra).toMatchObject({ reason: 'already_assigned' });
		const [row] = await app.database.db.select().from(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, people[1].actor.userId));
		expect(row).toMatchObject({ counsellorUserId: karim.userId, way: 'taken' });
	});
});

describe('the caseload', () => {
	it('shows a counsellor their own candidates with each opportunity’s stage; the division all; others are refused', async () => {
		const mine = await listCaseload(as(amina), {});
		expect(mine.items.map((item) => item.name)).toEqual(['Candidate 0', 'Candidate 2']);
		expect(mine.items[0].opportunities).toMatchObject([{ campaignId: nurses, stage: 'interview', exitReason: null }]);
		expect((await refusal(listCaseload(as(amina), { show: 'all' }))).fields).toEqual([{ path: 'show', messageKey: 'field_choice' }]);
		expect((await listCaseload(as(division), { show: 'all' })).items.map((item) => item.counsellor?.name)).toEqual(['Amina Conseillère', 'Karim Conseiller', 'Amina Conseillère']);
		expect((await refusal(listCaseload(as(outsider), {}))).code).toBe('forbidden');
		expect((await listCaseload(as(amina), { stage: 'selected' })).items.map((item) => item.name)).toEqual(['Candidate 2']);
		expect((await refusal(listCaseload(as(amina), { stage: 'nowhere' }))).fields[0].path).toBe('stage');
		// another counsellor's candidate is not found
		expect((await refusal(openMobilityCase(as(karim), people[0].actor.userId))).code).toBe('not_found');
		expect((await openMobilityCase(as(division), people[0].actor.userId)).counsellors?.map((row) => row.name)).toContain('Karim Conseiller');
	});
});

describe('a candidate’s case', () => {
	it('keeps needs of the caseload’s kinds, moved on by the counsellor; another counsellor cannot', async () => {
		const person = people[0].actor.userId;
		expect((await refusal(addCaseNeed(as(amina), placementFollowUp, person, { kind: 'housing' }))).fields).toEqual([{ path: 'kind', messageKey: 'field_choice' }]);
		expect((await refusal(addCaseNeed(as(amina), placementFollowUp, person, { kind: 'language_course', dueOn: '2027-02-30' }))).fields[0].path).toBe('dueOn');
		const need = await addCaseNeed(as(amina), placementFollowUp, person, { kind: 'language_course', dueOn: '2027-06-30', note: 'Goethe B1' });
		await addCaseNeed(as(amina), placementFollowUp, person, { kind: 'diploma_recognition' });
		expect((await refusal(addCaseNeed(as(karim), placementFollowUp, person, { kind: 'documents' }))).code).toBe('not_found');
		expect((await refusal(updateCaseNeed(as(karim), placementFollowUp, person, need.id, { status: 'done' }))).code).toBe('not_found');
		await updateCaseNeed(as(amina), placementFollowUp, person, need.id, { status: 'in_progress', dueOn: '2027-06-30', note: 'Goethe B1, inscrite' });
		const file = await openMobilityCase(as(amina), person);
		expect(file.needs.map((row) => [row.kind, row.status])).toEqual([
			['diploma_recognition', 'open'],
			['language_course', 'in_progress']
		]);
		expect((await listCaseload(as(amina), { need: 'language_course' })).items.map((item) => item.name)).toEqual(['Candidate 0']);
		expect((await listCaseload(as(amina), { need: 'documents' })).items).toEqual([]);
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, need.id));
		expect(trail.map((row) => row.action).sort()).toEqual(['placement_case_need.create', 'placement_case_need.update']);
		// the trail names the fields, never the note's text
		expect(JSON.stringify(trail)).not.toContain('Goethe');
	});

	it('plans appointments and keeps private notes; the candidate sees needs and appointments, never the notes', async () => {
		const person = people[0].actor.userId;
		await planAppointment(as(amina), placementFollowUp, person, { startsAt: '2027-03-03T10:00', mode: 'video', purpose: 'Point sur la reconnaissance du diplôme' });
		await addCaseNote(as(amina), placementFollowUp, person, { body: 'Motivée, craint le coût du cours.' });
		const file = await openMobilityCase(as(division), person);
		expect(file.notes).toHaveLength(1);
		const mine = await loadMyCasework(contextFor(app.database.db, people[0], { now: () => NOW }), placementFollowUp);
		expect(mine.needs.map((row) => row.kind).sort()).toEqual(['diploma_recognition', 'language_course']);
		expect(mine.appointments).toHaveLength(1);
		expect(JSON.stringify(mine)).not.toContain('Motivée');
		const listed = await listCaseload(as(amina), {});
		expect(listed.items[0].nextAppointment).toBe('2027-03-03T10:00:00.000Z');
		expect(listed.items[0].needs).toHaveLength(2);
		expect(await caseloadCounts(as(amina))).toEqual({ candidates: 2, withOpenNeeds: 1, appointmentsThisWeek: 1 });
	});

	it('refers a candidate to a programme of the directory, answered by the programme as the agencies’ referrals are', async () => {
		const db = app.database.db;
		const [org] = await db.insert(organisation).values({ slug: 'cours-langues', name: 'Centre de langues', type: 'ngo' }).returning();
		const [programme] = await db
			.insert(directoryEntry)
			.values({ collection: 'jobs.programmes', organisationId: org.id, name: { fr: 'Cours d’allemand B2' }, description: { fr: 'Un cours.' }, eligibility: { fr: 'Tous.' }, services: ['training'], cities: ['Rabat'], regions: ['MA-04'], languages: ['fr'] })
			.returning();
		const partner = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
		const sent: MailMessage[] = [];
		const mailer = { send: async (message: MailMessage) => void sent.push(message) };
		const person = people[0].actor.userId;
		const referral = await refer(contextFor(db, amina, { now: () => NOW, mailer }), placementFollowUp, person, { entryId: programme.id, kind: 'training', message: 'Cours B2 avant le départ', agreed: true });
		// the candidate in their language (French: non-breaking spaces inside the guillemets), the programme's members told
		expect(sent.map((message) => message.subject).join('\n')).toMatch(/Vous êtes orienté·e vers «\s?Cours d’allemand B2\s?»/);
		expect(sent.map((message) => message.subject).join('\n')).toMatch(/Nouvelle orientation/);
		expect(await caseloadOfReferral(db, referral.id)).toBe('jobs.placement');
		const received = await listEntryReferrals(as(partner), placementFollowUp);
		expect(received.map((row) => row.person?.name)).toEqual(['Candidate 0']);
		expect((await refusal(setReferralStatus(as(karim), placementFollowUp, referral.id, { status: 'accepted' }))).code).toBe('not_found');
		expect((await setReferralStatus(as(partner), placementFollowUp, referral.id, { status: 'accepted' }))?.status).toBe('accepted');
		expect((await openMobilityCase(as(amina), person)).referrals).toMatchObject([{ status: 'accepted', kind: 'training' }]);
		// the candidate's page (where the e-mails lead) lists it with its answer, without the staff's account ids
		const mine = await loadMyCasework(contextFor(db, people[0], { now: () => NOW }), placementFollowUp);
		expect(mine.referrals).toMatchObject([{ status: 'accepted', message: 'Cours B2 avant le départ', entry: { name: 'Cours d’allemand B2', organisation: 'Centre de langues' }, staff: 'Amina Conseillère' }]);
		expect(JSON.stringify(mine)).not.toContain(amina.userId);
	});

	it('gives the candidate their needs and counsellor in their export and erases them with the account', async () => {
		const who = people[0];
		const ctx = contextFor(app.database.db, who, { now: () => NOW });
		const data = (await exportMyData(ctx)) as Record<string, unknown> & { casework: { needs: unknown[] } };
		expect(data.casework.needs).toHaveLength(2);
		expect(JSON.stringify(data)).toContain('Amina Conseillère');
		await deleteMyAccount(ctx, { files: app.files });
		expect(await app.database.db.select().from(caseNeed).where(eq(caseNeed.personUserId, who.actor.userId))).toEqual([]);
		expect(await app.database.db.select().from(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, who.actor.userId))).toEqual([]);
	});
});
