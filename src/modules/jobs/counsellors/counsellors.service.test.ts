import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import { instantToLocalDateTime, localDateTimeToInstant } from '../../../platform/time-zone.ts';
import {
	addCaseNote,
	deleteCaseNote,
	listEntryReferrals,
	myCasework,
	planAppointment,
	refer,
	setAppointmentStatus,
	setReferralStatus
} from '../../../platform/casework/casework.service.ts';
import { caseAppointment, caseNote, caseReferral, caseReferralEvent } from '../../../platform/casework/casework.table.ts';
import type { exportSeekerData } from '../seekers/seekers.service.ts';
import { saveProfile, setConsent, uploadCv, type SeekerEnv } from '../seekers/seekers.service.ts';
import { ensureCounsellorsReferenceData, loadCounsellorsDemoData, seededAgencies } from './counsellors.data.ts';
import {
	agencyChoice,
	agencyCounsellorCounts,
	assignCounsellor,
	chooseAgency,
	createAgency,
	listAgencies,
	setAgencyStatus,
	suggestAgency,
	updateAgency
} from './agencies.service.ts';
import { listAgencySeekers, listReferralsFor, openFollowUp, readFollowedSeekerCv } from './follow-up.service.ts';
import { agencyFollowUp } from './follow-up.caseload.ts';
import { agency, seekerAgency } from './counsellors.table.ts';
import { SeekerListQuery } from './counsellors.schemas.ts';
import { aPdf } from '../../../platform/testing/pdf.ts';

// The follow-up of job seekers by their agency: the agencies (Jobs), and the platform's casework
// (notes, appointments, referrals — ADR 0010) through the Jobs caseload `jobs.agencies`.

/** a person's export with its Jobs part */
type SeekerExport = Awaited<ReturnType<typeof exportMyData>> & Awaited<ReturnType<typeof exportSeekerData>>;

let app: TestApp;
let env: SeekerEnv;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const NOW = new Date('2027-03-10T10:00:00Z');
const pdf = () => aPdf({ size: 1500 });
const everyone = () => SeekerListQuery.parse({});

/** What a service sees when this person (or nobody) acts on the web, at NOW unless told. */
const as = (who: Actor | null, now: Date = NOW, language: Language = 'fr') =>
	contextFor(app.database.db, who, { audit: web, mailer: app.mailer, now: () => now, language, publicUrl: 'http://sharaka.test', files: app.files });

/** A counsellor refers a person to a programme, as the API's input says it. */
const referTo = (who: Actor, input: { seekerId: string; programmeId: string; message: string; agreed: boolean }, now: Date = NOW) =>
	refer(as(who, now), agencyFollowUp, input.seekerId, { entryId: input.programmeId, message: input.message, agreed: input.agreed });

const agencyId = async (slug: string) => (await app.database.db.select({ id: agency.id }).from(agency).where(eq(agency.slug, slug)))[0].id;

/** A job seeker with a profile in an agency, consenting to counsellors unless told otherwise. */
async function seeker(agencySlug: string, options: { consent?: 'counsellors' | 'employers' | null; locale?: 'fr' | 'ar' | 'en'; name?: string; occupation?: string } = {}) {
	const actor = (await aPerson(app.database.db, { role: 'member', locale: options.locale ?? 'fr', name: options.name })).actor;
	await saveProfile(contextFor(app.database.db, actor, { audit: web }), {
		nationality: 'SN',
		residenceStatus: 'regularised_immigrant',
		city: 'Rabat',
		phone: '+212 6 00 00 00 01',
		occupationCodes: [options.occupation ?? '7126'],
		placeCodes: ['MA-RAB']
	});
	const consent = options.consent === undefined ? 'counsellors' : options.consent;
	if (consent) await setConsent(contextFor(app.database.db, actor, { audit: web }), { scope: consent });
	await chooseAgency(as(actor), { agencyId: await agencyId(agencySlug) });
	return actor;
}

function subjectOf(raw: string): string {
	const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
	return header
		.replace(/\r?\n[ \t]+/g, ' ')
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, kind: string, data: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8')
		);
}
const mailsTo = async (actor: Actor, before: number) => (await app.outbox()).slice(before).filter((mail) => mail.includes(`${actor.userId}@example.ma`));

let moderator: Actor;
let rabatCounsellor: Actor;
let secondRabatCounsellor: Actor;
let tangerCounsellor: Actor;
let programmeOrgId: string;
let programmeId: string;
let programmePartner: Actor;
let otherPartner: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	env = { files: app.files };
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	rabatCounsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
	secondRabatCounsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
	tangerCounsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
	await assignCounsellor(as(moderator), await agencyId('anapec-rabat'), { email: `${rabatCounsellor.userId}@example.ma` });
	await assignCounsellor(as(moderator), await agencyId('anapec-rabat'), { email: `${secondRabatCounsellor.userId}@example.ma` });
	await assignCounsellor(as(moderator), await agencyId('anapec-tanger'), { email: `${tangerCounsellor.userId}@example.ma` });
	const [org] = await app.database.db.insert(organisation).values({ slug: 'association-test', name: 'Association Test', type: 'ngo' }).returning();
	const [other] = await app.database.db.insert(organisation).values({ slug: 'autre-association', name: 'Autre association', type: 'ngo' }).returning();
	programmeOrgId = org.id;
	const [programme] = await app.database.db
		.insert(directoryEntry)
		.values({ collection: 'jobs.programmes',
			organisationId: org.id,
			name: { fr: 'Atelier CV', ar: 'ورشة السيرة الذاتية', en: 'CV workshop' },
			description: { fr: 'Un atelier.' },
			eligibility: { fr: 'Tout le monde.' },
			services: ['training'],
			cities: ['Rabat'],
			regions: ['MA-04'],
			languages: ['fr']
		})
		.returning();
	programmeId = programme.id;
	programmePartner = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org.id] })).actor;
	otherPartner = (await aPerson(app.database.db, { role: 'partner', organisationIds: [other.id] })).actor;
});
afterAll(async () => {
	await app.close();
});

describe('agencies', () => {
	it('has the six agencies the seeds name, with ISO codes and no invented address or contact', async () => {
		const rows = await listAgencies(as(null));
		for (const seeded of seededAgencies) {
			const row = rows.find((entry) => entry.slug === seeded.slug);
			expect(row, seeded.slug).toMatchObject({ name: seeded.name, regionCode: seeded.regionCode, provinceCode: seeded.provinceCode, address: null, phone: null, email: null, status: 'open' });
		}
		expect(rows.map((row) => row.city)).toEqual(expect.arrayContaining(['Rabat', 'Tanger', 'Oujda', 'Fès', 'Bouknadel', 'Casablanca']));
	});

	it('keeps what staff changed when the reference data runs again', async () => {
		const id = await agencyId('anapec-fes');
		await updateAgency(as(moderator), id, { name: 'ANAPEC Fès Médina', city: 'Fès', regionCode: 'MA-03', provinceCode: 'MA-FES', address: '' });
		await ensureCounsellorsReferenceData(app.database.db);
		const rows = await app.database.db.select().from(agency).where(eq(agency.slug, 'anapec-fes'));
		expect(rows).toHaveLength(1);
		expect(rows[0].name).toBe('ANAPEC Fès Médina');
		const seeded = await app.database.db.select().from(agency).where(inArray(agency.slug, seededAgencies.map((row) => row.slug)));
		expect(seeded).toHaveLength(6);
	});

	it('lets moderators add, rename and close an agency (audited); nobody else', async () => {
		const member = (await aPerson(app.database.db, { role: 'member' })).actor;
		const input = { name: 'ANAPEC Salé', city: 'Salé', regionCode: 'MA-04', provinceCode: 'MA-SAL' };
		await expect(createAgency(as(member), input)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createAgency(as(rabatCounsellor), input)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createAgency(as(moderator), { ...input, provinceCode: 'MA-TNG' })).rejects.toMatchObject({ code: 'invalid_input' });
		const created = await createAgency(as(moderator), input);
		expect(created.slug).toBe('anapec-sale');
		await updateAgency(as(moderator), created.id, { ...input, name: 'ANAPEC Salé Al Jadida' });
		await setAgencyStatus(as(moderator), created.id, { status: 'closed' });
		expect((await listAgencies(as(null))).some((row) => row.id === created.id)).toBe(false);
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'agency'), eq(auditEvent.resourceId, created.id))).orderBy(auditEvent.id);
		expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['agency.create', 'agency.update', 'agency.close']));
		// a closed agency cannot be chosen
		const someone = (await aPerson(app.database.db, { role: 'member' })).actor;
		await expect(chooseAgency(as(someone), { agencyId: created.id })).rejects.toMatchObject({ code: 'invalid_input' });
	});

	it('assigns only existing counsellors, once', async () => {
		const rabat = await agencyId('anapec-rabat');
		const member = (await aPerson(app.database.db, { role: 'member' })).actor;
		await expect(assignCounsellor(as(moderator), rabat, { email: 'nobody@example.ma' })).rejects.toMatchObject({ extra: { reason: 'unknown_email' } });
		await expect(assignCounsellor(as(moderator), rabat, { email: `${member.userId}@example.ma` })).rejects.toMatchObject({ extra: { reason: 'not_counsellor' } });
		await expect(assignCounsellor(as(moderator), rabat, { email: `${rabatCounsellor.userId}@example.ma` })).rejects.toMatchObject({ extra: { reason: 'already_assigned' } });
		await expect(assignCounsellor(as(rabatCounsellor), rabat, { email: `${tangerCounsellor.userId}@example.ma` })).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('counts the counsellors of each agency', async () => {
		const created = await createAgency(as(moderator), { name: 'ANAPEC Salé Tabriquet', city: 'Salé', regionCode: 'MA-04', provinceCode: 'MA-SAL' });
		expect((await agencyCounsellorCounts(as(moderator))).get(created.id)).toBeUndefined();
		const newcomer = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		await assignCounsellor(as(moderator), created.id, { email: `${newcomer.userId}@example.ma` });
		const counts = await agencyCounsellorCounts(as(moderator));
		expect(counts.get(created.id)).toBe(1);
		expect(counts.get(await agencyId('anapec-rabat'))).toBe(2);
		expect(counts.get(await agencyId('anapec-tanger'))).toBe(1);
	});

	it('suggests the agency of the person’s city, province or region', async () => {
		const agencies = await listAgencies(as(null));
		expect(suggestAgency(agencies, { city: 'tanger', placeCodes: [] })?.slug).toBe('anapec-tanger');
		expect(suggestAgency(agencies, { city: null, placeCodes: ['MA-OUJ'] })?.slug).toBe('anapec-oujda');
		expect(suggestAgency(agencies, { city: null, placeCodes: ['MA-BER'] })?.slug).toBe('anapec-oujda');
		expect(suggestAgency(agencies, { city: 'Agadir', placeCodes: ['MA-09'] })).toBeNull();
		const someone = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, someone, { audit: web }), { nationality: 'CM', residenceStatus: 'refugee', city: 'Oujda', placeCodes: [] });
		const choice = await agencyChoice(as(someone));
		expect(choice.current).toBeNull();
		expect(choice.suggested?.slug).toBe('anapec-oujda');
	});
});

describe('the counsellor’s seekers', () => {
	it('lists only consenting people of the counsellor’s agencies, and audits the read', async () => {
		const inRabat = await seeker('anapec-rabat', { name: 'Aïssatou Bâ', occupation: '7126' });
		const noConsent = await seeker('anapec-rabat', { consent: null, name: 'Sans Consentement' });
		const inTanger = await seeker('anapec-tanger', { name: 'Ousmane Tanger' });
		const list = await listAgencySeekers(as(rabatCounsellor), everyone());
		const ids = list.items.map((item) => item.id);
		expect(ids).toContain(inRabat.userId);
		expect(ids).not.toContain(noConsent.userId);
		expect(ids).not.toContain(inTanger.userId);
		const tangerIds = (await listAgencySeekers(as(tangerCounsellor), everyone())).items.map((item) => item.id);
		expect(tangerIds).toEqual([inTanger.userId]);
		const reads = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'seeker_profile')));
		// the Rabat counsellor's list read is audited with the people it showed (the Tanger one has its own event)
		const listReads = reads.filter((event) => (event.after as { view: string }).view === 'counsellor_seekers').map((event) => (event.after as { ids: string[] }).ids);
		expect(listReads.some((shown) => shown.includes(inRabat.userId) && !shown.includes(inTanger.userId))).toBe(true);
		// search by name (accents do not matter) and by occupation title
		const byName = await listAgencySeekers(as(rabatCounsellor), SeekerListQuery.parse({ q: 'aissatou ba' }));
		expect(byName.items.map((item) => item.id)).toEqual([inRabat.userId]);
		const byOccupation = await listAgencySeekers(as(rabatCounsellor), SeekerListQuery.parse({ q: 'plombier' }));
		expect(byOccupation.items.map((item) => item.id)).toContain(inRabat.userId);
		const byCode = await listAgencySeekers(as(rabatCounsellor), SeekerListQuery.parse({ occupation: '9' }));
		expect(byCode.items.map((item) => item.id)).not.toContain(inRabat.userId);
		// a filter on an agency that is not the counsellor's is refused
		await expect(listAgencySeekers(as(rabatCounsellor), SeekerListQuery.parse({ agency: await agencyId('anapec-tanger') }))).rejects.toMatchObject({
			code: 'invalid_input'
		});
		// not a counsellor: refused
		await expect(listAgencySeekers(as(moderator), everyone())).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('opens a person’s file (audited); another agency’s counsellor gets not found', async () => {
		const followed = await seeker('anapec-rabat');
		await uploadCv(contextFor(app.database.db, followed, { audit: web, ...env }), pdf());
		const file = await openFollowUp(as(rabatCounsellor), followed.userId);
		expect(file.profile.city).toBe('Rabat');
		expect(file.profile.occupations[0].code).toBe('7126');
		expect(file.person.email).toBe(`${followed.userId}@example.ma`);
		const reads = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceId, followed.userId), eq(auditEvent.actorLabel, 'test')));
		expect(reads.some((event) => (event.after as { view: string }).view === 'counsellor_profile')).toBe(true);
		expect((await readFollowedSeekerCv(as(rabatCounsellor), followed.userId)).subarray(0, 5).toString()).toBe('%PDF-');
		await expect(openFollowUp(as(tangerCounsellor), followed.userId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(readFollowedSeekerCv(as(tangerCounsellor), followed.userId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(addCaseNote(as(tangerCounsellor), agencyFollowUp, followed.userId, { body: 'Intrusion' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(openFollowUp(as(programmePartner), followed.userId)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('loses sight of a person who withdraws consent', async () => {
		const followed = await seeker('anapec-rabat');
		await uploadCv(contextFor(app.database.db, followed, { audit: web, ...env }), pdf());
		await openFollowUp(as(rabatCounsellor), followed.userId);
		const referred = await referTo(rabatCounsellor, { seekerId: followed.userId, programmeId, message: 'Logement', agreed: true });
		const teamReferrals = async () => (await listReferralsFor(as(rabatCounsellor))).map((item) => item.id);
		expect(await teamReferrals()).toContain(referred.id);
		await setConsent(contextFor(app.database.db, followed, { audit: web }), { scope: null });
		expect(await teamReferrals()).not.toContain(referred.id);
		expect((await listAgencySeekers(as(rabatCounsellor), everyone())).items.map((item) => item.id)).not.toContain(followed.userId);
		await expect(openFollowUp(as(rabatCounsellor), followed.userId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(readFollowedSeekerCv(as(rabatCounsellor), followed.userId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(planAppointment(as(rabatCounsellor), agencyFollowUp, followed.userId, { startsAt: '2027-03-12T10:00', mode: 'phone', purpose: 'x' })).rejects.toMatchObject({
			code: 'not_found'
		});
		// a person who leaves the agency is gone from it too
		const leaving = await seeker('anapec-rabat');
		await chooseAgency(as(leaving), { agencyId: null });
		await expect(openFollowUp(as(rabatCounsellor), leaving.userId)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('notes', () => {
	it('are seen by the agency’s counsellors only, deleted by their author only, and never written in the audit trail', async () => {
		const followed = await seeker('anapec-rabat');
		const note = await addCaseNote(as(rabatCounsellor), agencyFollowUp, followed.userId, { body: 'Situation administrative délicate, à revoir.' });
		await expect(addCaseNote(as(rabatCounsellor), agencyFollowUp, followed.userId, { body: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
		const seenByColleague = await openFollowUp(as(secondRabatCounsellor), followed.userId);
		expect(seenByColleague.notes).toEqual([expect.objectContaining({ id: note.id, body: 'Situation administrative délicate, à revoir.', mine: false })]);
		await expect(deleteCaseNote(as(secondRabatCounsellor), agencyFollowUp, followed.userId, note.id)).rejects.toMatchObject({ code: 'not_found' });
		// the person moves to Tanger: the Tanger counsellor does not see the Rabat agency's notes
		await chooseAgency(as(followed), { agencyId: await agencyId('anapec-tanger') });
		expect((await openFollowUp(as(tangerCounsellor), followed.userId)).notes).toEqual([]);
		await chooseAgency(as(followed), { agencyId: await agencyId('anapec-rabat') });
		await deleteCaseNote(as(rabatCounsellor), agencyFollowUp, followed.userId, note.id);
		expect((await openFollowUp(as(rabatCounsellor), followed.userId)).notes).toEqual([]);
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, note.id)).orderBy(auditEvent.id);
		expect(events.map((event) => event.action)).toEqual(['follow_up_note.create', 'follow_up_note.delete']);
		expect(JSON.stringify(events)).not.toContain('délicate');
	});
});

describe('appointments', () => {
	it('takes the time in Morocco', () => {
		// mid-2026 Morocco is at UTC+1 in every time-zone database version
		expect(localDateTimeToInstant('2026-06-15T14:30').toISOString()).toBe('2026-06-15T13:30:00.000Z');
		expect(instantToLocalDateTime(new Date('2026-06-15T13:30:00Z'))).toBe('2026-06-15T14:30');
	});

	it('are planned and cancelled with an e-mail to the person in their language', async () => {
		const followed = await seeker('anapec-rabat', { locale: 'ar' });
		const before = (await app.outbox()).length;
		await expect(planAppointment(as(rabatCounsellor), agencyFollowUp, followed.userId, { startsAt: '2027-03-01T10:00', mode: 'phone', purpose: 'Bilan' })).rejects.toMatchObject({
			code: 'invalid_input'
		});
		await expect(planAppointment(as(rabatCounsellor), agencyFollowUp, followed.userId, { startsAt: '2027-03-12T10:00', mode: 'fax', purpose: 'Bilan' })).rejects.toMatchObject({
			code: 'invalid_input'
		});
		const planned = await planAppointment(as(rabatCounsellor), agencyFollowUp, followed.userId, { startsAt: '2027-03-12T10:00', mode: 'in_person', purpose: 'Bilan de compétences' });
		expect(instantToLocalDateTime(planned.startsAt)).toBe('2027-03-12T10:00');
		const listed = await listAgencySeekers(as(rabatCounsellor), everyone());
		expect(listed.items.find((item) => item.id === followed.userId)?.nextAppointment).toBe(planned.startsAt.toISOString());
		await setAppointmentStatus(as(rabatCounsellor), agencyFollowUp, followed.userId, planned.id, { status: 'cancelled' });
		await expect(setAppointmentStatus(as(tangerCounsellor), agencyFollowUp, followed.userId, planned.id, { status: 'held' })).rejects.toMatchObject({ code: 'not_found' });
		const mails = await mailsTo(followed, before);
		expect(mails).toHaveLength(2);
		expect(mails.every((mail) => /Content-Language: ar/.test(mail))).toBe(true);
		expect(subjectOf(mails[0])).toContain('موعد');
		expect(subjectOf(mails[1])).toContain('إلغاء');
		const mine = await myCasework(as(followed, NOW, 'ar'), agencyFollowUp);
		expect(mine.appointments).toEqual([expect.objectContaining({ id: planned.id, status: 'cancelled', mode: 'in_person', purpose: 'Bilan de compétences' })]);
	});
});

describe('referrals', () => {
	it('go from sent to accepted to completed, answered by the programme, e-mailed and audited', async () => {
		const followed = await seeker('anapec-rabat', { locale: 'en' });
		const before = (await app.outbox()).length;
		const input = { seekerId: followed.userId, programmeId, message: 'Needs help with a CV in French.', agreed: true };
		await expect(referTo(rabatCounsellor, { ...input, agreed: false })).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(referTo(tangerCounsellor, input)).rejects.toMatchObject({ code: 'not_found' });
		await expect(referTo(programmePartner, input)).rejects.toMatchObject({ code: 'forbidden' });
		const created = await referTo(rabatCounsellor, input);
		expect(created.status).toBe('sent');
		await expect(referTo(rabatCounsellor, input)).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'already_referred' } });

		// the programme's organisation sees it with the person's contact details (audited); another organisation does not
		const seen = await listEntryReferrals(as(programmePartner, NOW, 'en'), agencyFollowUp);
		const mine = seen.find((item) => item.id === created.id);
		expect(mine).toMatchObject({ status: 'sent', message: 'Needs help with a CV in French.', person: { email: `${followed.userId}@example.ma`, phone: '+212 6 00 00 00 01' }, next: ['accepted', 'declined'] });
		expect(mine?.entry.name).toBe('CV workshop');
		expect((await listEntryReferrals(as(otherPartner, NOW, 'en'), agencyFollowUp)).map((item) => item.id)).not.toContain(created.id);
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'seeker_contact')));
		expect(reads.some((event) => (event.after as { ids: string[] }).ids.includes(followed.userId))).toBe(true);

		// who may move it, and how
		await expect(setReferralStatus(as(otherPartner), agencyFollowUp, created.id, { status: 'accepted' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(setReferralStatus(as(followed), agencyFollowUp, created.id, { status: 'accepted' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setReferralStatus(as(tangerCounsellor), agencyFollowUp, created.id, { status: 'accepted' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(setReferralStatus(as(programmePartner), agencyFollowUp, created.id, { status: 'completed' })).rejects.toMatchObject({
			code: 'conflict',
			extra: { reason: 'referral_transition' }
		});
		await expect(setReferralStatus(as(programmePartner), agencyFollowUp, created.id, { status: 'sent' })).rejects.toMatchObject({ code: 'invalid_input' });
		await setReferralStatus(as(programmePartner, new Date(NOW.getTime() + 1000)), agencyFollowUp, created.id, { status: 'accepted' });
		// the counsellor records the end (the programme told them)
		await setReferralStatus(as(secondRabatCounsellor, new Date(NOW.getTime() + 2000)), agencyFollowUp, created.id, { status: 'completed' });
		await expect(setReferralStatus(as(programmePartner), agencyFollowUp, created.id, { status: 'declined' })).rejects.toMatchObject({ code: 'conflict' });

		const history = await app.database.db.select().from(caseReferralEvent).where(eq(caseReferralEvent.referralId, created.id)).orderBy(caseReferralEvent.at);
		expect(history.map((event) => [event.status, event.side])).toEqual([
			['sent', 'team'],
			['accepted', 'programme'],
			['completed', 'team']
		]);
		const audit = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, created.id)).orderBy(auditEvent.id);
		expect(audit.map((event) => event.action)).toEqual(['referral.create', 'referral.status', 'referral.status']);

		// the person sees it, and was e-mailed at each change, in English
		const { referrals } = await myCasework(as(followed, NOW, 'en'), agencyFollowUp);
		expect(referrals).toEqual([expect.objectContaining({ id: created.id, status: 'completed', message: 'Needs help with a CV in French.' })]);
		const mails = await mailsTo(followed, before);
		expect(mails.map(subjectOf)).toEqual(['You are referred to “CV workshop”', 'Your referral to “CV workshop”: Accepted', 'Your referral to “CV workshop”: Completed']);
		// the programme's partner was told a referral awaits, without the person's name
		const partnerMails = await mailsTo(programmePartner, before);
		expect(partnerMails).toHaveLength(1);
		expect(partnerMails[0]).not.toContain(followed.userId);

		// another person sees nothing of it
		const stranger = (await aPerson(app.database.db, { role: 'member' })).actor;
		expect((await myCasework(as(stranger, NOW, 'fr'), agencyFollowUp)).referrals).toEqual([]);
	});

	it('can be declined, and a new referral to the programme made after', async () => {
		const followed = await seeker('anapec-rabat');
		const input = { seekerId: followed.userId, programmeId, message: 'Orientation', agreed: true };
		const first = await referTo(rabatCounsellor, input);
		await setReferralStatus(as(programmePartner), agencyFollowUp, first.id, { status: 'declined' });
		await expect(setReferralStatus(as(programmePartner), agencyFollowUp, first.id, { status: 'accepted' })).rejects.toMatchObject({ code: 'conflict' });
		const second = await referTo(rabatCounsellor, input);
		expect(second.id).not.toBe(first.id);
	});

	it('refuses a programme that is not in the directory', async () => {
		const followed = await seeker('anapec-rabat');
		const [archived] = await app.database.db
			.insert(directoryEntry)
			.values({ collection: 'jobs.programmes', organisationId: programmeOrgId, name: { fr: 'Ancien' }, description: { fr: 'x' }, eligibility: { fr: 'x' }, services: [], cities: [], regions: [], languages: [], status: 'archived' })
			.returning();
		await expect(referTo(rabatCounsellor, { seekerId: followed.userId, programmeId: archived.id, message: 'x', agreed: true })).rejects.toMatchObject({
			code: 'invalid_input'
		});
	});
});

describe('the person’s rights', () => {
	it('exports the follow-up (notes included) and deletion removes it all', async () => {
		const followed = await seeker('anapec-rabat');
		await addCaseNote(as(rabatCounsellor), agencyFollowUp, followed.userId, { body: 'Note à exporter' });
		await planAppointment(as(rabatCounsellor), agencyFollowUp, followed.userId, { startsAt: '2027-03-12T11:00', mode: 'video', purpose: 'Suivi' });
		const sent = await referTo(rabatCounsellor, { seekerId: followed.userId, programmeId, message: 'Orientation', agreed: true });
		const exported = (await exportMyData(contextFor(app.database.db, followed, { audit: web }))) as unknown as SeekerExport;
		expect(exported.followUp.agency?.name).toBe('ANAPEC Rabat');
		expect(exported.casework.notes).toEqual([expect.objectContaining({ caseload: 'jobs.agencies', body: 'Note à exporter', team: 'ANAPEC Rabat' })]);
		expect(exported.casework.appointments).toEqual([expect.objectContaining({ mode: 'video', purpose: 'Suivi', status: 'planned', team: 'ANAPEC Rabat' })]);
		expect(exported.casework.referrals).toEqual([expect.objectContaining({ status: 'sent', message: 'Orientation', entry: { name: 'Atelier CV', organisation: 'Association Test' } })]);

		await deleteMyAccount(contextFor(app.database.db, followed, { audit: web }), env);
		const db = app.database.db;
		expect(await db.select().from(caseNote).where(eq(caseNote.personUserId, followed.userId))).toEqual([]);
		expect(await db.select().from(caseAppointment).where(eq(caseAppointment.personUserId, followed.userId))).toEqual([]);
		expect(await db.select().from(caseReferral).where(eq(caseReferral.personUserId, followed.userId))).toEqual([]);
		expect(await db.select().from(caseReferralEvent).where(eq(caseReferralEvent.referralId, sent.id))).toEqual([]);
		expect(await db.select().from(seekerAgency).where(eq(seekerAgency.userId, followed.userId))).toEqual([]);
		expect((await listEntryReferrals(as(programmePartner, NOW, 'fr'), agencyFollowUp)).map((item) => item.id)).not.toContain(sent.id);
		const [deletion] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'account.delete'), eq(auditEvent.resourceId, followed.userId)));
		expect((deletion.after as { removed: string[] }).removed).toEqual(expect.arrayContaining(['follow_up', 'casework']));
	});
});

describe('demo data', () => {
	it('puts the demo counsellor in the Rabat agency and places sample seekers by place', async () => {
		const db = app.database.db;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		await db.update(user).set({ email: 'counsellor@demo.sharaka.ma' }).where(eq(user.id, counsellor.userId));
		const sample = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(db, sample, { audit: web }), { nationality: 'ML', residenceStatus: 'refugee', city: 'Tanger', placeCodes: [] });
		const { seekerProfile } = await import('../seekers/seekers.table.ts');
		await db.update(seekerProfile).set({ isSample: true }).where(eq(seekerProfile.userId, sample.userId));
		await loadCounsellorsDemoData(db);
		const [placed] = await db.select().from(seekerAgency).where(eq(seekerAgency.userId, sample.userId));
		expect(placed.agencyId).toBe(await agencyId('anapec-tanger'));
		const list = await listAgencySeekers(as(counsellor), everyone());
		expect(list.agencies.map((row) => row.slug)).toEqual(['anapec-rabat']);
		// loading twice changes nothing
		await loadCounsellorsDemoData(db);
		expect(await db.select().from(seekerAgency).where(inArray(seekerAgency.userId, [sample.userId]))).toHaveLength(1);
	});
});
