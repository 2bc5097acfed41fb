import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { apiToken, organisation, session, user } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { cvDirectory, CV_MAX_BYTES } from './cv-storage.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import type { exportSeekerData } from './seekers.service.ts';

/** a person's export with its Jobs part */
type SeekerExport = Awaited<ReturnType<typeof exportMyData>> & Awaited<ReturnType<typeof exportSeekerData>>;
import {
	applyToOffer,
	getOwnProfile,
	getProfileForCounsellor,
	hasApplied,
	listEmployerApplications,
	listMyApplications,
	openApplication,
	readApplicationCv,
	readCvForCounsellor,
	readOwnCv,
	removeCv,
	saveProfile,
	setApplicationStatus,
	setConsent,
	uploadCv,
	withdrawApplication,
	type SeekerEnv
} from './seekers.service.ts';
import { jobApplication, seekerConsentEvent, seekerProfile } from './seekers.table.ts';
import { aPdf } from '../../../platform/testing/pdf.ts';

let app: TestApp;
let env: SeekerEnv;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const NOW = new Date('2027-03-10T10:00:00Z');
const pdf = (size = 2000) => aPdf({ size: size });

async function employerOrganisation(name: string) {
	const [row] = await app.database.db.insert(organisation).values({ slug: `employer-${crypto.randomUUID().slice(0, 8)}`, name, type: 'employer' }).returning();
	return row.id;
}

const profileInput = {
	phone: '+212 6 12 34 56 78',
	city: 'Tanger',
	nationality: 'sn',
	residenceStatus: 'regularised_immigrant',
	languages: [
		{ language: 'fr', level: 'B2' },
		{ language: 'ary', level: 'A2' }
	],
	education: 'vocational',
	educationDetails: 'CAP maçonnerie, Dakar',
	experienceYears: 4,
	experience: 'Maçon sur chantiers de logements',
	skills: ['maçonnerie', 'coffrage'],
	occupationCodes: ['7112'],
	placeCodes: ['MA-01', 'MA-TNG'],
	availability: 'immediately'
};

let employerOrgId: string;
let otherOrgId: string;
let employer: Actor;
let otherEmployer: Actor;
let counsellor: Actor;
let offerId: string;
let otherOfferId: string;

async function publicOffer(owner: Actor, organisationId: string, title: string) {
	const created = await createOffer(contextFor(app.database.db, owner, { audit: web }), organisationId, {
		title,
		description: 'Chantier de logements à Tanger.',
		occupationCode: '7112',
		skills: ['maçonnerie'],
		regionCode: 'MA-01',
		provinceCode: 'MA-TNG',
		city: 'Tanger',
		contractType: 'cdd',
		workingTime: 'full_time',
		closingDate: '2099-04-30',
		languages: []
	});
	const published = await publishOffer(contextFor(app.database.db, owner, { audit: web }), created.id);
	if (published.status === 'pending_validation') await approveOffer(contextFor(app.database.db, counsellor, { audit: web }), created.id);
	return created.id;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	env = { files: app.files, mailer: app.mailer, publicUrl: 'http://sharaka.test' };
	employerOrgId = await employerOrganisation('Bâtir Tanger');
	otherOrgId = await employerOrganisation('Autre Employeur');
	employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [employerOrgId] })).actor;
	otherEmployer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [otherOrgId] })).actor;
	counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
	offerId = await publicOffer(employer, employerOrgId, 'Maçon qualifié');
	otherOfferId = await publicOffer(otherEmployer, otherOrgId, 'Coffreur');
});
afterAll(async () => {
	await app.close();
});

const cvFiles = () => (fs.existsSync(cvDirectory(app.dataDir)) ? fs.readdirSync(cvDirectory(app.dataDir)) : []);

describe('profile and consent', () => {
	it('creates and updates a profile; the audit trail keeps field names, not content', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const created = await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		expect(created.nationality).toBe('SN');
		expect(created.consentScope).toBeNull();
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), { ...profileInput, city: 'Rabat' });
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, seeker.userId)).orderBy(auditEvent.id);
		expect(events.map((event) => event.action)).toEqual(['seeker_profile.create', 'seeker_profile.update']);
		expect(events[1].after).toEqual({ fields: ['city'] });
		const stored = JSON.stringify(events);
		expect(stored).not.toContain('Rabat');
		expect(stored).not.toContain('+212');
	});

	it('refuses invalid values, naming the fields', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await expect(saveProfile(contextFor(app.database.db, seeker, { audit: web }), { ...profileInput, nationality: 'XX', occupationCodes: ['71'] })).rejects.toMatchObject({
			code: 'invalid_input',
			fields: expect.arrayContaining([expect.objectContaining({ path: 'nationality' }), expect.objectContaining({ path: 'occupationCodes.0' })])
		});
		await expect(saveProfile(contextFor(app.database.db, seeker, { audit: web }), { ...profileInput, occupationCodes: ['9999'] })).rejects.toMatchObject({ code: 'invalid_input' });
		expect(await getOwnProfile(contextFor(app.database.db, seeker))).toBeNull();
	});

	it('takes the languages people speak (a level where the CEFR applies), a withdrawn country code, and no education said', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const { education: _education, ...withoutEducation } = profileInput;
		const input = {
			...withoutEducation,
			nationality: 'DY', // Dahomey's code, withdrawn: Benin
			languages: [
				{ language: 'fr', level: 'B1' },
				{ language: 'wo', level: 'C2' }, // a spoken language: no level is kept
				{ language: 'bm' },
				{ language: 'mey' }
			]
		};
		const saved = await saveProfile(contextFor(app.database.db, seeker, { audit: web }), input);
		expect(saved.nationality).toBe('BJ');
		expect(saved.education).toBeNull();
		expect(saved.languages).toEqual([
			{ language: 'fr', level: 'B1' },
			{ language: 'wo', level: null },
			{ language: 'bm', level: null },
			{ language: 'mey', level: null }
		]);
		await expect(saveProfile(contextFor(app.database.db, seeker, { audit: web }), { ...input, languages: [{ language: 'wo' }, { language: 'en' }] })).rejects.toMatchObject({
			code: 'invalid_input',
			fields: [expect.objectContaining({ path: 'languages.1.level', messageKey: 'field_required' })]
		});
		expect((await getOwnProfile(contextFor(app.database.db, seeker)))?.languages).toHaveLength(4);
	});
	it('only members keep a seeker profile', async () => {
		await expect(saveProfile(contextFor(app.database.db, employer, { audit: web }), profileInput)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('keeps each consent choice with its date and lets it be withdrawn; counsellors read only with consent (audited)', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		await expect(getProfileForCounsellor(contextFor(app.database.db, counsellor, { audit: web }), seeker.userId)).rejects.toMatchObject({ code: 'not_found' });
		const given = await setConsent(contextFor(app.database.db, seeker, { audit: web, now: () => new Date('2027-01-01T10:00:00Z') }), { scope: 'counsellors' });
		expect(given.consentAt?.toISOString()).toBe('2027-01-01T10:00:00.000Z');
		const read = await getProfileForCounsellor(contextFor(app.database.db, counsellor, { audit: web }), seeker.userId);
		expect(read.city).toBe('Tanger');
		const [trace] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'personal_data.read'));
		expect(trace.resourceId).toBe(seeker.userId);
		await expect(getProfileForCounsellor(contextFor(app.database.db, employer, { audit: web }), seeker.userId)).rejects.toMatchObject({ code: 'forbidden' });
		await setConsent(contextFor(app.database.db, seeker, { audit: web, now: () => new Date('2027-02-01T10:00:00Z') }), { scope: null });
		await expect(getProfileForCounsellor(contextFor(app.database.db, counsellor, { audit: web }), seeker.userId)).rejects.toMatchObject({ code: 'not_found' });
		const history = await app.database.db.select().from(seekerConsentEvent).where(eq(seekerConsentEvent.userId, seeker.userId));
		expect(history.map((entry) => entry.scope)).toEqual(['counsellors', null]);
	});
});

describe('CV', () => {
	it('stores a PDF outside the web root under a random name and replaces it', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		const before = cvFiles().length;
		await uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf());
		const [profile] = await app.database.db.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
		expect(profile.cvFile).toMatch(/^[0-9a-f]{32}\.pdf$/);
		// in the platform's file store (here the local one, under DATA_DIR/uploads; S3 in a multi-instance set-up)
		expect(await app.files.exists(`cv/${profile.cvFile}`)).toBe(true);
		expect(fs.existsSync(path.join(app.dataDir, 'uploads', 'cv', profile.cvFile!))).toBe(true);
		expect((await readOwnCv(contextFor(app.database.db, seeker, { ...env }))).subarray(0, 5).toString()).toBe('%PDF-');
		await uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf(3000));
		expect(cvFiles().length).toBe(before + 1);
		expect((await readOwnCv(contextFor(app.database.db, seeker, { ...env }))).byteLength).toBe(3000);
		// counsellors only with consent, and the read is audited
		await expect(readCvForCounsellor(contextFor(app.database.db, counsellor, { audit: web, ...env }), seeker.userId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(readCvForCounsellor(contextFor(app.database.db, employer, { audit: web, ...env }), seeker.userId)).rejects.toMatchObject({ code: 'forbidden' });
		await setConsent(contextFor(app.database.db, seeker, { audit: web }), { scope: 'counsellors' });
		expect((await readCvForCounsellor(contextFor(app.database.db, counsellor, { audit: web, ...env }), seeker.userId)).byteLength).toBe(3000);
		const reads = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceType, 'seeker_cv'));
		expect(reads.map((event) => event.resourceId)).toContain(seeker.userId);
		await removeCv(contextFor(app.database.db, seeker, { audit: web, ...env }));
		expect(cvFiles().length).toBe(before);
		await expect(readOwnCv(contextFor(app.database.db, seeker, { ...env }))).rejects.toMatchObject({ code: 'not_found' });
	});

	it('refuses a file that is not a PDF, or too large, and stores nothing', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		const before = cvFiles().length;
		await expect(uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), Buffer.from('<html><script>alert(1)</script></html>'))).rejects.toMatchObject({
			code: 'unsupported_media_type'
		});
		await expect(uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), Buffer.from('PK\u0003\u0004 not a pdf %PDF-'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
		await expect(uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf(CV_MAX_BYTES + 1))).rejects.toMatchObject({ code: 'payload_too_large' });
		expect(cvFiles().length).toBe(before);
		expect(fs.readdirSync(cvDirectory(app.dataDir)).filter((name) => name.endsWith('.part'))).toEqual([]);
		const [profile] = await app.database.db.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
		expect(profile.cvFile).toBeNull();
	});
});

describe('applications', () => {
	it('runs from applying to shortlisting, e-mailing the person at each change in their language', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member', locale: 'ar' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		await uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf());
		const mailsBefore = (await app.outbox()).length;
		await expect(applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'Bonjour', share: false })).rejects.toMatchObject({ code: 'invalid_input' });
		const application = await applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'Bonjour, je suis disponible.', share: true });
		await expect(applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'encore', share: true })).rejects.toMatchObject({ code: 'conflict' });

		// the employer sees it; another employer does not
		const list = await listEmployerApplications(contextFor(app.database.db, employer));
		expect(list.map((row) => row.id)).toContain(application.id);
		expect((await listEmployerApplications(contextFor(app.database.db, otherEmployer))).map((row) => row.id)).not.toContain(application.id);
		await expect(openApplication(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(setApplicationStatus(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id, { status: 'hired' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(readApplicationCv(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(listEmployerApplications(contextFor(app.database.db, seeker))).rejects.toMatchObject({ code: 'forbidden' });

		const opened = await openApplication(contextFor(app.database.db, employer, { audit: web, ...env }), application.id);
		expect(opened.status).toBe('viewed');
		expect(opened.profile?.city).toBe('Tanger');
		expect(opened.profile?.occupations[0].code).toBe('7112');
		expect(opened.message).toBe('Bonjour, je suis disponible.');
		const reads = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'personal_data.read'));
		expect(reads.some((event) => event.resourceId === seeker.userId)).toBe(true);
		expect((await readApplicationCv(contextFor(app.database.db, employer, { audit: web, ...env }), application.id)).subarray(0, 5).toString()).toBe('%PDF-');

		await setApplicationStatus(contextFor(app.database.db, employer, { audit: web, ...env }), application.id, { status: 'shortlisted' });
		const [mine] = await listMyApplications(contextFor(app.database.db, seeker));
		expect(mine.status).toBe('shortlisted');
		expect(mine.history.map((entry) => entry.status)).toEqual(['submitted', 'viewed', 'shortlisted']);

		const mails = (await app.outbox()).slice(mailsBefore);
		expect(mails).toHaveLength(3);
		expect(mails.every((mail) => mail.includes(`${seeker.userId}@example.ma`))).toBe(true);
		expect(mails.every((mail) => /Content-Language: ar/.test(mail))).toBe(true);
	});

	it('a withdrawn application hides the profile and CV from the employer', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		await uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf());
		const application = await applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), otherOfferId, { message: 'Candidature', share: true });
		await withdrawApplication(contextFor(app.database.db, seeker, { audit: web }), application.id);
		const opened = await openApplication(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id);
		expect(opened).toMatchObject({ status: 'withdrawn', profile: null, applicant: null, message: null, shared: false });
		await expect(readApplicationCv(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(setApplicationStatus(contextFor(app.database.db, otherEmployer, { audit: web, ...env }), application.id, { status: 'hired' })).rejects.toMatchObject({ code: 'conflict' });
	});

	it('a person cannot see or withdraw anyone else’s application, and needs a profile to apply', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const stranger = (await aPerson(app.database.db, { role: 'member' })).actor;
		await expect(applyToOffer(contextFor(app.database.db, stranger, { audit: web, ...env }), offerId, { message: 'Bonjour', share: true })).rejects.toMatchObject({
			code: 'conflict',
			extra: { reason: 'profile_missing' }
		});
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		const application = await applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'Bonjour', share: true });
		expect(await listMyApplications(contextFor(app.database.db, stranger))).toEqual([]);
		await expect(withdrawApplication(contextFor(app.database.db, stranger, { audit: web }), application.id)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('tells whether the person already applied to an offer, a withdrawn application included', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		expect(await hasApplied(contextFor(app.database.db, seeker), offerId)).toBe(false);
		const application = await applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'Bonjour', share: true });
		expect(await hasApplied(contextFor(app.database.db, seeker), offerId)).toBe(true);
		expect(await hasApplied(contextFor(app.database.db, seeker), otherOfferId)).toBe(false);
		await withdrawApplication(contextFor(app.database.db, seeker, { audit: web }), application.id);
		expect(await hasApplied(contextFor(app.database.db, seeker), offerId)).toBe(true);
		await expect(hasApplied(contextFor(app.database.db, employer), offerId)).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('export and deletion', () => {
	it('exports everything, then deletes it all except the anonymised application and the audit trail', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveProfile(contextFor(app.database.db, seeker, { audit: web }), profileInput);
		await setConsent(contextFor(app.database.db, seeker, { audit: web }), { scope: 'employers' });
		await uploadCv(contextFor(app.database.db, seeker, { audit: web, ...env }), pdf());
		const application = await applyToOffer(contextFor(app.database.db, seeker, { audit: web, ...env }), offerId, { message: 'Mon message personnel', share: true });
		await app.database.db.insert(session).values({ id: crypto.randomUUID(), token: crypto.randomUUID(), userId: seeker.userId, expiresAt: new Date(Date.now() + 86_400_000) });
		await app.database.db.insert(apiToken).values({ userId: seeker.userId, name: 'phone', tokenHash: crypto.randomUUID(), prefix: 'shk_' });

		const exported = (await exportMyData(contextFor(app.database.db, seeker, { audit: web }))) as unknown as SeekerExport;
		expect(exported.account.email).toBe(`${seeker.userId}@example.ma`);
		expect(exported.profile?.city).toBe('Tanger');
		expect(exported.profile?.cv?.size).toBe(2000);
		expect(exported.consentHistory.map((entry) => entry.scope)).toEqual(['employers']);
		expect(exported.applications[0].message).toBe('Mon message personnel');
		expect(exported.sessions).toHaveLength(1);
		expect(exported.apiTokens[0].name).toBe('phone');
		expect(JSON.stringify(exported)).not.toMatch(/[0-9a-f]{32}\.pdf/);

		const [{ cvFile }] = await app.database.db.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
		await deleteMyAccount(contextFor(app.database.db, seeker, { audit: web }), env);
		expect(fs.existsSync(path.join(cvDirectory(app.dataDir), cvFile!))).toBe(false);
		expect(await app.database.db.select().from(user).where(eq(user.id, seeker.userId))).toEqual([]);
		expect(await app.database.db.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId))).toEqual([]);
		expect(await app.database.db.select().from(seekerConsentEvent).where(eq(seekerConsentEvent.userId, seeker.userId))).toEqual([]);
		expect(await app.database.db.select().from(session).where(eq(session.userId, seeker.userId))).toEqual([]);
		expect(await app.database.db.select().from(apiToken).where(eq(apiToken.userId, seeker.userId))).toEqual([]);
		const [kept] = await app.database.db.select().from(jobApplication).where(eq(jobApplication.id, application.id));
		expect(kept).toMatchObject({ userId: null, message: null, sharedAt: null, status: 'withdrawn' });
		const opened = await openApplication(contextFor(app.database.db, employer, { audit: web, ...env }), application.id);
		expect(opened.applicant).toBeNull();
		// the audit trail stays and holds no profile, CV or message content
		const trail = JSON.stringify(await app.database.db.select().from(auditEvent));
		expect(trail).toContain('account.delete');
		expect(trail).not.toContain('Mon message personnel');
		expect(trail).not.toContain('CAP maçonnerie');
		expect(trail).not.toContain(cvFile!);
	});

	it('refuses to delete a staff account', async () => {
		await expect(deleteMyAccount(contextFor(app.database.db, counsellor, { audit: web }), env)).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'staff_account' } });
	});
});
