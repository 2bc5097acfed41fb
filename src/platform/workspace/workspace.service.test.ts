import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { refusalOf, refusalWithReason } from '../testing/refusal.ts';
import { readMail } from '../testing/mail.ts';
import { organisation, organisationMember, user } from '../accounts/accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import {
	answerContribution,
	contributionDetail,
	listContributions,
	listMeetings,
	meetingDetail,
	postAnnouncement,
	recordMinutes,
	scheduleMeeting,
	submitContribution,
	workspaceHome,
	workspaceWaiting,
	type Workspace
} from './workspace.service.ts';
import { workspaceContribution } from './workspace.table.ts';

let app: TestApp;
let secretariat: Person;
let member: Person;
let outsider: Person;
let memberOrg: string;
let otherMemberOrg: string;
let now = new Date('2026-07-01T10:00:00Z');
const memberOrgs: string[] = [];

/** A workspace as a module declares one: run by organisation managers, its members the people of listed organisations. */
const space: Workspace = {
	key: 'test.network',
	manageAction: 'organisation.manage',
	async memberOrganisations(ctx) {
		const ids = (ctx.actor?.organisationIds ?? []).filter((id) => memberOrgs.includes(id));
		return ids.length ? ctx.db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, ids)) : [];
	},
	async allMemberOrganisations(db) {
		return db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, memberOrgs));
	},
	async members(db) {
		return db
			.select({ email: user.email, name: user.name, locale: user.locale })
			.from(organisationMember)
			.innerJoin(user, eq(user.id, organisationMember.userId))
			.where(inArray(organisationMember.organisationId, memberOrgs));
	},
	topics: ['arrival', 'economic'],
	path: '/test/space',
	titleKey: 'workspace.nav_home',
	auditResource: 'test_network'
};

const as = (who: Person | null) => contextFor(app.database.db, who, { mailer: app.mailer, publicUrl: 'http://sharaka.test', now: () => now });

beforeAll(async () => {
	app = await createTestApp();
	const db = app.database.db;
	const [a] = await db.insert(organisation).values({ slug: 'asso-retour', name: 'Association Retour', type: 'ngo' }).returning();
	const [b] = await db.insert(organisation).values({ slug: 'maison-mre', name: 'Maison des MRE', type: 'ngo' }).returning();
	const [c] = await db.insert(organisation).values({ slug: 'hors-reseau', name: 'Hors réseau', type: 'ngo' }).returning();
	memberOrg = a.id;
	otherMemberOrg = b.id;
	memberOrgs.push(a.id, b.id);
	secretariat = await aPerson(db, { role: 'moderator', name: 'Secrétariat MDCMRE' });
	member = await aPerson(db, { role: 'partner', organisationIds: [a.id], name: 'Salma Membre' });
	await aPerson(db, { role: 'partner', organisationIds: [b.id], name: 'Karim Maison' });
	outsider = await aPerson(db, { role: 'partner', organisationIds: [c.id] });
	await db.update(user).set({ locale: 'ar' }).where(eq(user.id, member.actor.userId));
});
afterAll(async () => app?.close());

describe('a workspace', () => {
	it('is open to its secretariat and its members only', async () => {
		expect((await workspaceHome(as(member), space)).organisations.map((item) => item.name)).toEqual(['Association Retour']);
		expect((await workspaceHome(as(secretariat), space)).manages).toBe(true);
		expect(await refusalOf(workspaceHome(as(outsider), space))).toBe('forbidden');
		expect(await refusalOf(workspaceHome(as(null), space))).toBe('unauthenticated');
	});

	it('lets the secretariat post an announcement, e-mailed to every member in their language when asked', async () => {
		expect(await refusalOf(postAnnouncement(as(member), space, { language: 'fr', title: 'Annonce', body: 'Texte' }))).toBe('forbidden');
		expect(await refusalWithReason(postAnnouncement(as(secretariat), space, { language: 'xx', title: '', body: '' }))).toBe('invalid_input:language,title,body');
		const before = (await app.outbox()).length;
		const { announcement, sent } = await postAnnouncement(as(secretariat), space, { language: 'fr', title: 'Appel à contributions 2027', body: 'Envoyez vos propositions avant le 15 janvier.', notify: 'yes' });
		expect(announcement).toMatchObject({ authorLabel: 'Secrétariat MDCMRE', language: 'fr' });
		expect(sent).toBe(2);
		// sent again (a reloaded page): not posted nor mailed twice
		expect((await postAnnouncement(as(secretariat), space, { language: 'fr', title: 'Appel à contributions 2027', body: 'Envoyez vos propositions avant le 15 janvier.', notify: 'yes' })).sent).toBe(0);
		const mails = (await app.outbox()).slice(before).map(readMail);
		const toSalma = mails.find((mail) => mail.to.includes(member.email))!;
		expect(toSalma.language).toBe('ar');
		expect(toSalma.text).toContain('Appel à contributions 2027');
		expect(toSalma.text).toContain('http://sharaka.test/ar/test/space/announcements');
		// without asking, nobody is mailed
		now = new Date('2026-07-01T11:00:00Z');
		await postAnnouncement(as(secretariat), space, { language: 'ar', title: 'تذكير', body: 'اجتماع قريب' });
		expect((await app.outbox()).length).toBe(before + 2);
		expect((await workspaceHome(as(member), space)).announcements.map((item) => item.title)).toEqual(['تذكير', 'Appel à contributions 2027']);
	});

	it('schedules a meeting in Morocco time; minutes only once it is held, attendance among member organisations, corrections audited', async () => {
		const { meeting } = await scheduleMeeting(as(secretariat), space, { language: 'fr', title: 'Réunion trimestrielle', startsAt: '2026-07-10T14:30', mode: 'hybrid', place: 'Rabat, siège du ministère', agenda: '1. Bilan 2026\n2. Plan 2027' });
		// 14:30 in Casablanca (UTC+1 outside Ramadan) is 13:30 UTC
		expect(meeting.startsAt.toISOString()).toBe('2026-07-10T13:30:00.000Z');
		expect((await listMeetings(as(member), space)).upcoming.map((row) => row.title)).toEqual(['Réunion trimestrielle']);
		expect(await refusalWithReason(recordMinutes(as(secretariat), space, meeting.id, { minutes: 'Trop tôt', attendees: [] }))).toBe('conflict:meeting_not_held');
		expect(await refusalWithReason(scheduleMeeting(as(secretariat), space, { language: 'fr', title: 'X', startsAt: '10/12/2026', mode: 'boat', place: '', agenda: '' }))).toBe('invalid_input:title,startsAt,mode,place,agenda');

		now = new Date('2026-07-11T09:00:00Z');
		const [outsiderOrg] = await app.database.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'hors-reseau'));
		expect(await refusalWithReason(recordMinutes(as(secretariat), space, meeting.id, { minutes: 'Compte rendu', attendees: [outsiderOrg.id] }))).toBe('invalid_input:attendees');
		expect(await refusalOf(recordMinutes(as(member), space, meeting.id, { minutes: 'Compte rendu', attendees: [] }))).toBe('forbidden');
		await recordMinutes(as(secretariat), space, meeting.id, { minutes: 'Bilan présenté ; plan adopté.', attendees: [memberOrg, otherMemberOrg] });
		await recordMinutes(as(secretariat), space, meeting.id, { minutes: 'Bilan présenté ; plan adopté à l’unanimité.', attendees: [memberOrg] });
		const detail = await meetingDetail(as(member), space, meeting.id);
		expect(detail.meeting.minutes).toBe('Bilan présenté ; plan adopté à l’unanimité.');
		expect(detail.attendees.map((item) => item.name)).toEqual(['Association Retour']);
		const corrections = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'test_network.minutes'));
		expect(corrections).toHaveLength(2);
		expect(corrections.some((event) => (event.before as { minutes?: string } | null)?.minutes === 'Bilan présenté ; plan adopté.')).toBe(true);
		expect((await listMeetings(as(member), space)).past.map((row) => row.title)).toEqual(['Réunion trimestrielle']);
		expect(await refusalOf(meetingDetail(as(member), space, 'not-an-id'))).toBe('not_found');
	});

	it('takes members’ contributions for their own organisations and the secretariat’s answer, told to the author', async () => {
		const text = 'Les personnes de retour ne connaissent pas les franchises douanières : une fiche simple aiderait.';
		expect(await refusalWithReason(submitContribution(as(member), space, { organisationId: otherMemberOrg, language: 'fr', title: 'Douanes', body: text }))).toBe('invalid_input:organisationId');
		expect(await refusalWithReason(submitContribution(as(member), space, { organisationId: memberOrg, topic: 'weather', language: 'fr', title: 'Douanes', body: text }))).toBe('invalid_input:topic');
		expect(await refusalWithReason(submitContribution(as(member), space, { organisationId: memberOrg, language: 'fr', title: 'Douanes', body: 'Trop court' }))).toBe('invalid_input:body');
		expect(await app.database.db.select().from(workspaceContribution)).toEqual([]);
		expect(await refusalOf(submitContribution(as(outsider), space, { organisationId: memberOrg, language: 'fr', title: 'Douanes', body: text }))).toBe('forbidden');

		const contribution = await submitContribution(as(member), space, { organisationId: memberOrg, topic: 'arrival', language: 'fr', title: 'Fiche franchises douanières', body: text });
		expect(contribution).toMatchObject({ status: 'received', authorLabel: 'Salma Membre' });
		expect((await submitContribution(as(member), space, { organisationId: memberOrg, topic: 'arrival', language: 'fr', title: 'Fiche franchises douanières', body: text })).id).toBe(contribution.id);
		expect((await workspaceWaiting(app.database.db, space, now)).waitingAnswers).toBe(1);
		expect(await refusalOf(answerContribution(as(member), space, contribution.id, { status: 'retained', language: 'fr', answer: 'Oui' }))).toBe('forbidden');
		expect(await refusalWithReason(answerContribution(as(secretariat), space, contribution.id, { status: 'received', language: 'fr', answer: '' }))).toBe('invalid_input:status,answer');

		const before = (await app.outbox()).length;
		await answerContribution(as(secretariat), space, contribution.id, { status: 'partly_retained', language: 'fr', answer: 'Retenue pour la page « Franchises » du guide ; la fiche papier viendra en 2027.' });
		const [mail] = (await app.outbox()).slice(before).map(readMail);
		expect(mail.to).toContain(member.email);
		// in the author's language (Arabic), the status named in it
		expect(mail.text).toContain('تم الأخذ بها جزئيا');
		expect(mail.text).toContain(`http://sharaka.test/ar/test/space/contributions/${contribution.id}`);
		const detail = await contributionDetail(as(member), space, contribution.id);
		expect(detail.contribution).toMatchObject({ status: 'partly_retained', answeredByLabel: 'Secrétariat MDCMRE' });
		expect(detail.organisationName).toBe('Association Retour');
		expect((await listContributions(as(secretariat), space, 'received')).items).toEqual([]);
		expect((await workspaceWaiting(app.database.db, space, now)).waitingAnswers).toBe(0);
	});
});
