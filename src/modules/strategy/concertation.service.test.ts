import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { recordMinutes, scheduleMeeting, submitContribution, workspaceHome, listContributions } from '../../platform/workspace/workspace.service.ts';
import { workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { appointSecretary, bodyDetail, concertationSpace, createBody, listBodies, recordDecision, removeSecretary, secretariatQueues, secretariesOf, updateBody } from './concertation.service.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { bodyFailure, decisionFailure } from './concertation-form.ts';
import { followUpRecommendation, listRecommendations, recommendationDetail, updateRecommendation } from './recommendations.service.ts';
import { concertationBody, concertationMember, recommendation, type ConcertationBodyRow } from './strategy.table.ts';
import { strategySpace } from './my-space.ts';
import { strategyPersonalData } from './personal-data.ts';

let app: TestApp;
let moderator: Person;
let secretary: Person;
let otherSecretary: Person;
let memberPerson: Person;
let formerPerson: Person;
let outsider: Person;
let council: string;
let association: string;
let former: string;
let faraway: string;
let oriental: ConcertationBodyRow;
let souss: ConcertationBodyRow;
let meetingId: string;
let otherMeetingId: string;
let decisionId: string;
let now = new Date('2026-03-01T10:00:00Z');

const as = (who: Person, language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, who, { now: () => now, language });
const secretaryOf = (person: Person, slug: string) => {
	person.actor.grants = [{ module: 'strategy', role: 'secretary', organisationId: null, scope: slug }];
	return person;
};
const body = (over: Record<string, unknown> = {}) => ({
	region: 'MA-02',
	name: { fr: 'Commission migration de l’Oriental (test)' },
	termsOfReference: { fr: 'Suivre chaque trimestre le volet migratoire du plan de développement régional.' },
	establishedOn: '2025-01-15',
	members: [
		{ organisationId: council, role: 'secretariat', since: '2025-01-15' },
		{ organisationId: association, role: 'chair' }
	],
	...over
});
const decision = (over: Record<string, unknown> = {}) => ({ language: 'fr', text: 'Organiser une journée d’information des MRE de retour.', ownerOrganisationId: association, dueOn: '2026-06-30', ...over });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const make = async (slug: string, name: string) => (await db.insert(organisation).values({ slug, name, type: 'ngo', country: 'MA' }).returning())[0].id;
	council = await make('conseil-region-test', 'Conseil de la région (test)');
	association = await make('association-oujda-test', 'Association Oujda (test)');
	former = await make('ancien-membre-test', 'Ancien membre (test)');
	faraway = await make('agadir-test', 'Association Agadir (test)');
	moderator = await aPerson(db, { role: 'moderator', email: 'moderation@test.ma' });
	secretary = await aPerson(db, { organisationIds: [council], name: 'Samira Secrétaire' });
	otherSecretary = await aPerson(db, { organisationIds: [faraway] });
	memberPerson = await aPerson(db, { role: 'partner', organisationIds: [association], name: 'Karim Membre' });
	formerPerson = await aPerson(db, { role: 'partner', organisationIds: [former] });
	outsider = await aPerson(db, { role: 'partner', organisationIds: [faraway] });
});
afterAll(async () => app?.close());

describe('regional concertation bodies', () => {
	it('holds the seeds’ regional concertation space of the Oriental, with its sources and nothing invented', async () => {
		const [real] = (await listBodies(app.database.db, 'ar', { region: 'MA-02' })).filter((entry) => !entry.isSample);
		expect(real).toMatchObject({ name: 'الفضاء الجهوي للتشاور حول الهجرة بجهة الشرق', nameLanguage: 'ar', status: 'active', members: 0, lastMeeting: null, establishedOn: null });
		expect(real.sources.map((source) => source.citation.slice(0, 8))).toEqual(['Seed 001', 'Seed 001', 'Seed 002']);
		expect(real.sources[1].citation).toContain('Kayes');
	});

	it('is created and corrected by a moderator with its members, each write audited; bad input changes nothing', async () => {
		const db = app.database.db;
		expect(await refusal(createBody(as(memberPerson), body()))).toBe('forbidden:');
		const bodies = await db.$count(concertationBody);
		const members = await db.$count(concertationMember);
		expect(await refusal(createBody(as(moderator), body({ name: {} })))).toBe('invalid_input:name.fr');
		expect(await refusal(createBody(as(moderator), body({ region: 'MA-99' })))).toBe('invalid_input:region');
		expect(await refusal(createBody(as(moderator), body({ members: [{ organisationId: crypto.randomUUID(), role: 'member' }] })))).toBe('invalid_input:members.0.organisationId');
		expect(await refusal(createBody(as(moderator), body({ members: [{ organisationId: council }, { organisationId: council, role: 'observer' }] })))).toBe('invalid_input:member_twice');
		expect(await refusal(createBody(as(moderator), body({ members: [{ organisationId: council, since: '2025-05-01', until: '2025-01-01' }] })))).toBe('invalid_input:members.0.until');
		expect(await db.$count(concertationBody)).toBe(bodies);
		expect(await db.$count(concertationMember)).toBe(members);
		// the refusal as the form says it, in the person's language
		const refused = await createBody(as(moderator), body({ members: [{ organisationId: council }, { organisationId: council }] })).catch((failure: unknown) => failure);
		expect(isAppError(refused)).toBe(true);
		const form = bodyFailure('ar', refused, { 'members.0.organisationId': council, 'members.3.organisationId': council }) as unknown as { data: { errors: Record<string, string> } };
		expect(form.data.errors['members.1.organisationId']).toBe(translate('ar', 'strategy.concertation_error_member_twice'));

		oriental = await createBody(as(moderator), body());
		expect(oriental.slug).toBe('commission-migration-de-l-oriental-test');
		const [created] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_concertation.create'), eq(auditEvent.resourceId, oriental.id)));
		expect(created.actorUserId).toBe(moderator.actor.userId);
		// a member who left is kept with the day it left
		await updateBody(as(moderator), oriental.slug, body({ status: 'active', members: [...body().members, { organisationId: former, role: 'member', since: '2025-01-15', until: '2025-12-31' }] }));
		const [updated] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_concertation.update'), eq(auditEvent.resourceId, oriental.id)));
		expect(updated.actorUserId).toBe(moderator.actor.userId);
		expect(JSON.stringify(updated.before)).not.toContain(former);
		expect(JSON.stringify(updated.after)).toContain(former);
		souss = await createBody(as(moderator), body({ region: 'MA-09', name: { fr: 'Instance de concertation du Souss-Massa (test)' }, members: [{ organisationId: faraway, role: 'member' }] }));
		const detail = await bodyDetail(db, oriental.slug, 'fr', now);
		expect(detail.memberList.map((member) => [member.organisation.name, member.role, member.current])).toEqual([
			['Association Oujda (test)', 'chair', true],
			['Conseil de la région (test)', 'secretariat', true],
			['Ancien membre (test)', 'member', false]
		]);
		expect(detail.members).toBe(2);
	});

	it('opens its space to the people of its current member organisations, who contribute; others are refused', async () => {
		const space = concertationSpace(oriental);
		const home = await workspaceHome(as(memberPerson), space);
		expect(home).toMatchObject({ manages: false, organisations: [{ name: 'Association Oujda (test)' }] });
		await submitContribution(as(memberPerson), space, { organisationId: association, language: 'fr', title: 'Accueil des MRE de retour', body: 'Nous proposons une permanence mensuelle d’accueil des MRE de retour à Oujda.' });
		expect((await listContributions(as(memberPerson), space)).items.map((item) => item.contribution.authorLabel)).toEqual(['Karim Membre']);
		expect(await refusal(workspaceHome(as(outsider), space))).toBe('forbidden:');
		// a member organisation that left the body no longer opens it
		expect(await refusal(workspaceHome(as(formerPerson), space))).toBe('forbidden:');
		expect(await refusal(submitContribution(as(memberPerson), space, { organisationId: faraway, language: 'fr', title: 'Autre', body: 'Une contribution pour une organisation qui n’est pas membre.' }))).toBe('invalid_input:organisationId');
	});

	it('lets its own secretary schedule a meeting, record the minutes and a decision, and refuses it on another body', async () => {
		const db = app.database.db;
		secretaryOf(secretary, oriental.slug);
		secretaryOf(otherSecretary, souss.slug);
		const space = concertationSpace(oriental);
		expect((await workspaceHome(as(secretary), space)).manages).toBe(true);
		const { meeting } = await scheduleMeeting(as(secretary), space, { language: 'fr', title: 'Réunion trimestrielle', startsAt: '2026-03-10T10:00', mode: 'in_person', place: 'Oujda', agenda: '1. Bilan\n2. Décisions' });
		meetingId = meeting.id;
		// another body: its meetings and decisions are not this secretary's
		const other = concertationSpace(souss);
		expect(await refusal(scheduleMeeting(as(secretary), other, { language: 'fr', title: 'Réunion', startsAt: '2026-03-10T10:00', mode: 'online', place: 'En ligne', agenda: 'Ordre du jour' }))).toBe('forbidden:');
		otherMeetingId = (await scheduleMeeting(as(otherSecretary), other, { language: 'fr', title: 'Réunion du Souss', startsAt: '2026-03-05T10:00', mode: 'online', place: 'En ligne', agenda: 'Ordre du jour' })).meeting.id;
		expect(await refusal(workspaceHome(as(otherSecretary), space))).toBe('forbidden:');
		// not held yet: no decision
		expect(await refusal(recordDecision(as(secretary), oriental.slug, meetingId, decision()))).toBe('conflict:meeting_not_held');
		now = new Date('2026-03-11T09:00:00Z');
		await recordMinutes(as(secretary), space, meetingId, { minutes: 'La commission a décidé d’organiser une journée d’information.', attendees: [council, association] });
		expect(await refusal(recordMinutes(as(secretary), other, otherMeetingId, { minutes: 'Compte rendu', attendees: [] }))).toBe('forbidden:');
		expect(await refusal(recordDecision(as(secretary), souss.slug, otherMeetingId, decision()))).toBe('forbidden:');
		// a meeting of another body is not one of this body's
		expect(await refusal(recordDecision(as(secretary), oriental.slug, otherMeetingId, decision()))).toBe('not_found:');
		expect(await refusal(recordDecision(as(memberPerson), oriental.slug, meetingId, decision()))).toBe('forbidden:');

		// bad input: refused with the field named and a message in the person's language, nothing changed
		const before = await db.$count(recommendation);
		expect(await refusal(recordDecision(as(secretary), oriental.slug, meetingId, decision({ dueOn: '2026-03-09' })))).toBe('invalid_input:due_before_meeting');
		expect(await refusal(recordDecision(as(secretary), oriental.slug, meetingId, decision({ ownerOrganisationId: crypto.randomUUID() })))).toBe('invalid_input:ownerOrganisationId');
		expect(await refusal(recordDecision(as(secretary), oriental.slug, meetingId, decision({ dueOn: '2026-02-30' })))).toBe('invalid_input:dueOn');
		expect(await refusal(recordDecision(as(secretary), oriental.slug, meetingId, decision({ text: '' })))).toBe('invalid_input:text');
		expect(await db.$count(recommendation)).toBe(before);
		const form = new FormData();
		form.set('dueOn', '2026-03-09');
		const early = await recordDecision(as(secretary, 'ar'), oriental.slug, meetingId, decision({ dueOn: '2026-03-09' })).catch((failure: unknown) => failure);
		expect((decisionFailure('ar', early, form) as unknown as { data: { errors: Record<string, string> } }).data.errors.dueOn).toBe(translate('ar', 'strategy.concertation_error_due_before_meeting'));
		const unknown = await recordDecision(as(secretary), oriental.slug, meetingId, decision({ ownerOrganisationId: crypto.randomUUID() })).catch((failure: unknown) => failure);
		expect((decisionFailure('fr', unknown, form) as unknown as { data: { errors: Record<string, string> } }).data.errors.ownerOrganisationId).toBe(translate('fr', 'strategy.concertation_error_owner'));

		const row = await recordDecision(as(secretary), oriental.slug, meetingId, decision());
		decisionId = row.id;
		expect(row).toMatchObject({ kind: 'decision', concertationBodyId: oriental.id, meetingId, dueOn: '2026-06-30', dueYear: 2026, status: 'open', createdBy: secretary.actor.userId });
		const [audited] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_recommendation.create'), eq(auditEvent.resourceId, row.id)));
		expect(audited.actorUserId).toBe(secretary.actor.userId);
		// the secretariat's space: the meeting has its minutes, one decision due within the months to come
		const queues = await secretariatQueues(as(secretary));
		expect(queues.bodies.map((entry) => entry.slug)).toEqual([oriental.slug]);
		expect(queues.withoutMinutes).toBe(0);
		expect((await secretariatQueues(as(otherSecretary))).withoutMinutes).toBe(1);
		const links = await strategySpace(as(otherSecretary));
		expect(links.find((link) => link.titleKey === 'strategy.space_minutes')).toMatchObject({ path: `/strategy/concertation/${souss.slug}/space/meetings`, waiting: { count: 1 } });
		// a member's space lists the body
		expect((await strategySpace(as(memberPerson))).map((link) => link.path)).toContain(`/strategy/concertation/${oriental.slug}/space`);
	});

	it('follows a decision to done by its own body’s secretary, with its history; others are refused', async () => {
		const db = app.database.db;
		expect(await refusal(followUpRecommendation(as(otherSecretary), decisionId, { status: 'in_progress', note: 'Rien' }))).toBe('forbidden:');
		expect(await refusal(followUpRecommendation(as(memberPerson), decisionId, { status: 'in_progress', note: 'Rien' }))).toBe('forbidden:');
		expect(await refusal(followUpRecommendation(as(secretary), decisionId, { status: 'done' }))).toBe('invalid_input:note');
		now = new Date('2026-04-02T09:00:00Z');
		await followUpRecommendation(as(secretary), decisionId, { status: 'in_progress', note: 'Date retenue : 15 mai.' });
		now = new Date('2026-05-20T09:00:00Z');
		await followUpRecommendation(as(secretary, 'ar'), decisionId, { status: 'done', note: 'نُظم اليوم الإعلامي بحضور 120 مشاركا.' });
		const detail = await recommendationDetail(db, decisionId, 'fr', now);
		expect(detail.item).toMatchObject({ kind: 'decision', status: 'done', late: false, dueOn: '2026-06-30', body: { slug: oriental.slug }, meeting: { title: 'Réunion trimestrielle' }, owner: { name: 'Association Oujda (test)' } });
		expect(detail.history.map((entry) => [entry.status, entry.noteLanguage])).toEqual([
			['done', 'ar'],
			['in_progress', 'fr'],
			['open', null]
		]);
		expect((await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_recommendation.follow_up'), eq(auditEvent.resourceId, decisionId)))).map((event) => event.actorUserId)).toEqual([secretary.actor.userId, secretary.actor.userId]);
		// the public summary: the meeting held with its agenda (never its minutes), the decision done, none open
		const summary = await bodyDetail(db, oriental.slug, 'fr', now);
		expect(summary).toMatchObject({ openDecisions: 0, lastMeeting: '2026-03-10T10:00:00.000Z' });
		expect(summary.meetings).toEqual([expect.objectContaining({ title: 'Réunion trimestrielle', agenda: '1. Bilan\n2. Décisions', held: true })]);
		expect(JSON.stringify(summary)).not.toContain('La commission a décidé');
		expect(summary.decisions.map((item) => [item.id, item.status])).toEqual([[decisionId, 'done']]);
		// the tracker filters by body
		expect((await listRecommendations(db, { body: oriental.slug }, 'fr')).items.map((item) => item.id)).toEqual([decisionId]);
		expect((await listRecommendations(db, { body: souss.slug }, 'fr')).items).toEqual([]);
		expect((await listRecommendations(db, { kind: 'decision', status: 'done' }, 'fr')).items.map((item) => item.id)).toEqual([decisionId]);
	});

	it('keeps a meeting’s decision when the tracker corrects it, and exports what a moderator created', async () => {
		const db = app.database.db;
		const [meeting] = await db.select().from(workspaceMeeting).where(eq(workspaceMeeting.id, meetingId));
		expect(meeting.minutes).toContain('journée d’information');
		await updateRecommendation(as(moderator), decisionId, { text: { fr: 'Organiser une journée régionale d’information des MRE de retour.' }, horizon: 'short', kind: 'decision', concertationBodyId: oriental.id, dueOn: '2026-06-30', ownerOrganisationId: association });
		expect((await recommendationDetail(db, decisionId, 'fr', now)).item).toMatchObject({ text: 'Organiser une journée régionale d’information des MRE de retour.', status: 'done', meeting: { title: 'Réunion trimestrielle' } });
		const exported = (await strategyPersonalData.export(db, moderator.actor)) as { strategyConcertationBodies: { slug: string }[] };
		expect(exported.strategyConcertationBodies.map((entry) => entry.slug).sort()).toEqual([oriental.slug, souss.slug].sort());
		await db.transaction((tx) => strategyPersonalData.erase(tx, moderator.actor.userId, new Date(), { files: null as never }));
		expect(((await strategyPersonalData.export(db, moderator.actor)) as { strategyConcertationBodies: unknown[] }).strategyConcertationBodies).toEqual([]);
		expect((await listBodies(db, 'fr', { region: 'MA-02' })).map((entry) => entry.slug)).toContain(oriental.slug);
	});
});

describe('the secretariat of a body, appointed by administrators', () => {
	it('gives a person with an account the grant for this body only, audited; refuses others and unknown addresses; takes it back', async () => {
		const db = app.database.db;
		const admin = await aPerson(db, { role: 'administrator' });
		const clerk = await aPerson(db, { email: 'greffe@test.ma', name: 'Hind Greffière' });
		const created = await createBody(as(moderator), body({ name: { fr: 'Instance de test du secrétariat' } }));
		const slug = created.slug;
		// only administrators: a moderator managing bodies does not give grants
		expect(await refusal(appointSecretary(as(moderator), slug, { email: 'greffe@test.ma' }))).toBe('forbidden:');
		expect(await refusal(appointSecretary(as(admin), slug, { email: 'pas-une-adresse' }))).toBe('invalid_input:email');
		expect(await refusal(appointSecretary(as(admin), slug, { email: 'inconnu@test.ma' }))).toBe('invalid_input:unknown_email');
		expect(await refusal(appointSecretary(as(admin), 'no-such-body', { email: 'greffe@test.ma' }))).toBe('not_found:');
		expect(await db.select().from(accessGrant).where(eq(accessGrant.userId, clerk.user.id))).toEqual([]);

		await appointSecretary(as(admin), slug, { email: '  Greffe@Test.ma ' });
		const holders = await secretariesOf(as(admin), slug);
		expect(holders.map((holder) => [holder.name, holder.email])).toEqual([['Hind Greffière', 'greffe@test.ma']]);
		const [held] = await db.select().from(accessGrant).where(eq(accessGrant.userId, clerk.user.id));
		expect(held).toMatchObject({ module: 'strategy', role: 'secretary', scope: slug, grantedBy: admin.user.id });
		expect(await refusal(appointSecretary(as(admin), slug, { email: 'greffe@test.ma' }))).toBe('conflict:grant_exists');
		const audited = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'grant.create'), eq(auditEvent.resourceId, clerk.user.id)));
		expect(audited).toHaveLength(1);
		// another body's grant cannot be removed through this one
		const other = await createBody(as(moderator), body({ name: { fr: 'Autre instance de test' }, region: 'MA-09' }));
		expect(await refusal(removeSecretary(as(admin), other.slug, held.id))).toBe('not_found:');
		await removeSecretary(as(admin), slug, held.id);
		expect(await secretariesOf(as(admin), slug)).toEqual([]);
		expect(await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'grant.delete'), eq(auditEvent.resourceId, clerk.user.id)))).toHaveLength(1);
	});
});

