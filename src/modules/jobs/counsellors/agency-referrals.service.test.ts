import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import { assignCounsellor, setAgencyStatus } from './agencies.service.ts';
import {
	answerAgencyReferral,
	listAgencyReferralsReceived,
	listAgencyReferralsSent,
	myAgencyReferrals,
	referToAgency,
	senderOrganisations
} from './agency-referrals.service.ts';
import { agency } from './counsellors.table.ts';
import { caseTeamReferral } from '../../../platform/casework/casework.table.ts';

// Associations refer the people they accompany to an ANAPEC agency (issue 16, item 12): the other way
// of the counsellors' referrals, with the same statuses and e-mails.

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const as = (who: Actor | null) => contextFor(app.database.db, who, { audit: web, mailer: app.mailer, publicUrl: 'http://sharaka.test' });
const agencyId = async (slug: string) => (await app.database.db.select({ id: agency.id }).from(agency).where(eq(agency.slug, slug)))[0].id;
const mailsSince = async (before: number) => (await app.outbox()).slice(before).map(readMail);

let associationId: string;
let employerId: string;
let associationStaff: Actor;
let employerStaff: Actor;
let rabatCounsellor: Actor;
let tangerCounsellor: Actor;
let person: Actor;
const personEmail = () => `${person.userId}@example.ma`;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [association, employer] = await db
		.insert(organisation)
		.values([
			{ slug: 'association-accueil', name: 'Association Accueil', type: 'ngo' },
			{ slug: 'employeur-test', name: 'Employeur Test', type: 'employer' }
		])
		.returning();
	associationId = association.id;
	employerId = employer.id;
	associationStaff = (await aPerson(db, { role: 'partner', organisationIds: [associationId], name: 'Awa Association' })).actor;
	employerStaff = (await aPerson(db, { role: 'partner', organisationIds: [employerId] })).actor;
	const moderator = (await aPerson(db, { role: 'moderator' })).actor;
	rabatCounsellor = (await aPerson(db, { role: 'counsellor' })).actor;
	tangerCounsellor = (await aPerson(db, { role: 'counsellor' })).actor;
	await assignCounsellor(as(moderator), await agencyId('anapec-rabat'), { email: `${rabatCounsellor.userId}@example.ma` });
	await assignCounsellor(as(moderator), await agencyId('anapec-tanger'), { email: `${tangerCounsellor.userId}@example.ma` });
	person = (await aPerson(db, { role: 'member', locale: 'ar', name: 'Moussa Diallo' })).actor;
});
afterAll(async () => {
	await app.close();
});

const referral = async (overrides: Record<string, unknown> = {}) => ({
	email: personEmail(),
	agencyId: await agencyId('anapec-rabat'),
	organisationId: associationId,
	kind: 'employment',
	message: 'Cherche un emploi dans le bâtiment ; parle wolof et français.',
	agreed: true,
	...overrides
});

describe('an association refers a person to an ANAPEC agency', () => {
	let referralId: string;

	it('sends it with the person’s agreement: the person (in Arabic) and the agency’s counsellors are e-mailed, the sending audited', async () => {
		const before = (await app.outbox()).length;
		const created = await referToAgency(as(associationStaff), await referral());
		referralId = created.id;
		expect(created).toMatchObject({ status: 'sent', caseload: 'jobs.agencies', senderOrganisationId: associationId, staffLabel: 'Awa Association' });
		const mails = await mailsSince(before);
		const toPerson = mails.find((mail) => mail.to.includes(person.userId));
		expect(toPerson?.language).toBe('ar');
		expect(toPerson?.text).toContain('Association Accueil');
		expect(toPerson?.text).toContain('/ar/jobs/profile/follow-up');
		expect(mails.some((mail) => mail.to.includes(rabatCounsellor.userId) && mail.text.includes('/jobs/counsellor/referrals'))).toBe(true);
		expect(mails.some((mail) => mail.to.includes(tangerCounsellor.userId))).toBe(false);
		const [audit] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, referralId));
		expect(audit.action).toBe('agency_referral.create');
		expect(JSON.stringify(audit.after)).not.toContain('bâtiment');
	});

	it('refuses, changing nothing: no agreement, no account, a closed agency, another organisation, an employer, a second open referral', async () => {
		const db = app.database.db;
		const count = async () => (await db.select().from(caseTeamReferral)).length;
		const before = await count();
		await expect(referToAgency(as(associationStaff), await referral({ agreed: false }))).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'agreed' }] });
		await expect(referToAgency(as(associationStaff), await referral({ email: 'nobody@example.ma' }))).rejects.toMatchObject({
			code: 'invalid_input',
			fields: [{ path: 'email', messageKey: 'field_no_account' }]
		});
		const moderator = (await aPerson(db, { role: 'moderator' })).actor;
		const closed = await agencyId('anapec-bouknadel');
		await setAgencyStatus(as(moderator), closed, { status: 'closed' });
		await expect(referToAgency(as(associationStaff), await referral({ agencyId: closed }))).rejects.toMatchObject({ fields: [{ path: 'agencyId' }] });
		await expect(referToAgency(as(associationStaff), await referral({ organisationId: employerId }))).rejects.toMatchObject({ fields: [{ path: 'organisationId' }] });
		await expect(referToAgency(as(employerStaff), await referral({ organisationId: employerId }))).rejects.toMatchObject({ fields: [{ path: 'organisationId' }] });
		expect(await senderOrganisations(as(employerStaff))).toEqual([]);
		await expect(referToAgency(as(person), await referral())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(referToAgency(as(associationStaff), await referral())).rejects.toMatchObject({ code: 'conflict' });
		expect(await count()).toBe(before);
	});

	it('is in the agency’s list with the person’s contact (an audited read), in nobody else’s', async () => {
		const received = await listAgencyReferralsReceived(as(rabatCounsellor));
		expect(received.map((item) => item.id)).toContain(referralId);
		const item = received.find((entry) => entry.id === referralId)!;
		expect(item.person).toMatchObject({ name: 'Moussa Diallo', email: personEmail() });
		expect(item.next).toEqual(['accepted', 'declined']);
		const reads = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceType, 'seeker_contact'));
		expect(reads.some((row) => JSON.stringify(row).includes(person.userId))).toBe(true);
		expect((await listAgencyReferralsReceived(as(tangerCounsellor))).map((entry) => entry.id)).not.toContain(referralId);
		expect((await listAgencyReferralsSent(as(associationStaff))).map((entry) => entry.id)).toEqual([referralId]);
		expect(await listAgencyReferralsSent(as(employerStaff))).toEqual([]);
	});

	it('is answered by the agency only, in order; the person and the sender are told in their language', async () => {
		await expect(answerAgencyReferral(as(tangerCounsellor), referralId, { status: 'accepted' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(answerAgencyReferral(as(associationStaff), referralId, { status: 'accepted' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(answerAgencyReferral(as(rabatCounsellor), referralId, { status: 'completed' })).rejects.toMatchObject({ code: 'conflict' });
		const before = (await app.outbox()).length;
		const accepted = await answerAgencyReferral(as(rabatCounsellor), referralId, { status: 'accepted' });
		expect(accepted?.status).toBe('accepted');
		const mails = await mailsSince(before);
		expect(mails.find((mail) => mail.to.includes(person.userId))?.text).toContain('مقبول');
		expect(mails.find((mail) => mail.to.includes(associationStaff.userId))?.text).toContain('/fr/jobs/agency-referrals');
		await answerAgencyReferral(as(rabatCounsellor), referralId, { status: 'completed' });
		const [mine] = await myAgencyReferrals(as(person));
		expect(mine.status).toBe('completed');
		expect(mine.history.map((step) => [step.status, step.side])).toEqual([
			['sent', 'association'],
			['accepted', 'agency'],
			['completed', 'agency']
		]);
	});

	it('is part of the person’s data export', async () => {
		const exported = (await exportMyData(as(person))) as unknown as { casework: { referralsToTeams: unknown[] } };
		expect(exported.casework.referralsToTeams).toMatchObject([{ team: 'ANAPEC Rabat', organisation: 'Association Accueil', status: 'completed' }]);
	});
});
