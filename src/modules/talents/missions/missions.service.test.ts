import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { approveProposal, listProposals, proposeNew, requestChanges } from '../../../platform/moderation/moderation.service.ts';
import type { Mailer, MailMessage } from '../../../platform/mail/mailer.ts';
import { saveProfile, setConsent, listPublicCards } from '../profile.service.ts';
import { talentsPersonalData } from '../personal-data.ts';
import { getMission, listMissions, missionHistory, missionProposals, moveMission, organisationMissions } from './missions.service.ts';
import {
	answerContact,
	expressInterest,
	missionCandidates,
	missionsForMe,
	myStanding,
	organisationFeedback,
	profileViews,
	rankTalents,
	setSelected,
	setShortlisted,
	talentFeedback,
	talentForMission,
	withdrawInterest,
	writeToOrganisation,
	writeToTalent
} from './candidates.service.ts';
import { mission } from './missions.table.ts';

let app: TestApp;
let council: { id: string };
let otherCouncil: { id: string };
let foreignAgency: { id: string };
let clerk: Person;
let otherClerk: Person;
let foreignPartner: Person;
let moderator: Person;
let publicTalent: Person;
let institutionsTalent: Person;
let mdcmreTalent: Person;
let privateTalent: Person;
const sent: MailMessage[] = [];
const mailer: Mailer = { send: async (message) => void sent.push(message) };

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path).sort(), reason: error.extra?.reason };
		throw error;
	}
};

const aMission = (over: Record<string, unknown> = {}) => ({
	organisationId: council.id,
	title: { fr: 'Appui à la télémédecine dans les centres de santé ruraux' },
	context: { fr: 'Le conseil régional équipe douze centres de santé : il cherche une experte pour former les équipes.' },
	region: 'MA-02',
	sector: 'health',
	skills: ['health', 'digital'],
	occupationCode: '2211',
	languages: [{ language: 'fr', level: 'B2' }],
	mode: 'hybrid',
	startsOn: '2026-09-01',
	endsOn: '2026-09-30',
	durationDays: 10,
	remoteHoursPerMonth: 8,
	travelCovered: true,
	stayCovered: true,
	...over
});

async function anOrganisation(slug: string, country: string) {
	const [row] = await app.database.db.insert(organisation).values({ slug, name: slug, type: 'local_authority', country }).returning({ id: organisation.id });
	return row;
}

async function aTalent(name: string, consent: 'public' | 'institutions' | 'mdcmre' | null, over: Record<string, unknown> = {}, cardFields: string[] = []) {
	const person = await aPerson(app.database.db, { name, locale: 'ar' });
	await saveProfile(contextFor(app.database.db, person), {
		hostCountry: 'DE',
		hostCity: 'Köln',
		originRegion: 'MA-02',
		occupationCode: '2211',
		skills: ['health', 'digital'],
		sectors: ['health'],
		languages: [{ language: 'fr', level: 'C1' }],
		contributions: ['expert_mission'],
		remoteHoursPerMonth: 10,
		link: 'https://example.org/p',
		...over
	});
	if (consent) await setConsent(contextFor(app.database.db, person), { level: consent, cardFields });
	return person;
}

let slug: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	council = await anOrganisation('conseil-test', 'MA');
	otherCouncil = await anOrganisation('autre-conseil-test', 'MA');
	foreignAgency = await anOrganisation('agence-etrangere-test', 'FR');
	clerk = await aPerson(db, { role: 'partner', organisationIds: [council.id], name: 'Nadia Clerk' });
	otherClerk = await aPerson(db, { role: 'partner', organisationIds: [otherCouncil.id] });
	foreignPartner = await aPerson(db, { role: 'partner', organisationIds: [foreignAgency.id] });
	moderator = await aPerson(db, { role: 'moderator' });
	publicTalent = await aTalent('Salma Public', 'public', {}, ['name', 'skills']);
	institutionsTalent = await aTalent('Karim Institutions', 'institutions', { originRegion: 'MA-05', occupationCode: '2221', sectors: [] });
	mdcmreTalent = await aTalent('Rachid Ministry', 'mdcmre');
	privateTalent = await aTalent('Omar Private', null);
});
afterAll(async () => app?.close());

describe('posting a mission', () => {
	it('refuses bad input with each field’s path, and keeps nothing', async () => {
		const ctx = contextFor(app.database.db, clerk);
		const wrong = await refusal(proposeNew(ctx, missionProposals, aMission({ region: 'MA-99', skills: [], title: { fr: 'Titre' }, context: {}, mode: 'remote', remoteHoursPerMonth: '' })));
		// every problem at once: the texts' rule too, while other fields are refused
		expect(wrong).toMatchObject({ code: 'invalid_input', fields: ['context.fr', 'region', 'skills'] });
		// the rules across fields: each language whole, an end after the start, the hours of a remote mission
		expect(await refusal(proposeNew(ctx, missionProposals, aMission({ title: { fr: 'Titre', ar: 'عنوان' }, endsOn: '2026-08-01', mode: 'remote', remoteHoursPerMonth: null, occupationCode: '9999' })))).toMatchObject({
			code: 'invalid_input',
			fields: ['context.ar', 'endsOn', 'occupationCode', 'remoteHoursPerMonth']
		});
		expect(await refusal(proposeNew(ctx, missionProposals, aMission({ title: {}, context: {} })))).toMatchObject({ fields: ['context.fr', 'title.fr'] });
		expect(await app.database.db.select().from(moderationProposal)).toEqual([]);
	});

	it('is open only to members of an organisation based in Morocco, for their own organisation', async () => {
		expect(await refusal(proposeNew(contextFor(app.database.db, otherClerk), missionProposals, aMission()))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(proposeNew(contextFor(app.database.db, foreignPartner), missionProposals, aMission({ organisationId: foreignAgency.id })))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(proposeNew(contextFor(app.database.db, publicTalent), missionProposals, aMission()))).toMatchObject({ code: 'forbidden' });
	});

	it('waits for a moderator, who returns it with a reason; the new version is published', async () => {
		const ctx = contextFor(app.database.db, clerk);
		const first = await proposeNew(ctx, missionProposals, aMission());
		expect(first.published).toBeNull();
		expect((await listMissions(app.database.db, {})).total).toBe(0);
		const review = contextFor(app.database.db, moderator);
		expect((await listProposals(review, missionProposals)).items.map((item) => item.title)).toEqual(['Appui à la télémédecine dans les centres de santé ruraux']);
		expect(await refusal(requestChanges(review, missionProposals, first.proposal!.id, ' '))).toMatchObject({ code: 'invalid_input', fields: ['reason'] });
		await requestChanges(review, missionProposals, first.proposal!.id, 'Précisez la durée sur place.');
		const mine = await organisationMissions(ctx);
		expect(mine.proposals).toMatchObject([{ status: 'changes_requested', reason: 'Précisez la durée sur place.' }]);

		const second = await proposeNew(ctx, missionProposals, aMission({ durationDays: 12 }));
		const published = await approveProposal(review, missionProposals, second.proposal!.id);
		slug = published.published.slug;
		expect(slug).toBe('appui-a-la-telemedecine-dans-les-centres-de-sante-ruraux');
		const shown = await getMission(app.database.db, slug);
		expect(shown).toMatchObject({ status: 'open', durationDays: 12, organisation: { id: council.id }, report: null });
		expect((await missionHistory(app.database.db, shown.id)).map((event) => event.to)).toEqual(['open']);
	});

	it('is listed publicly with filters', async () => {
		expect((await listMissions(app.database.db, { region: 'MA-02', sector: 'health', skill: 'digital', mode: 'hybrid' })).total).toBe(1);
		expect((await listMissions(app.database.db, { mode: 'remote' })).total).toBe(0);
		expect((await listMissions(app.database.db, { skill: 'law' })).total).toBe(0);
		expect(await refusal(listMissions(app.database.db, { region: 'Oriental' }))).toMatchObject({ code: 'invalid_input', fields: ['region'] });
	});
});

describe('talents and the mission', () => {
	it('shows a talent the missions that fit them, with the reasons', async () => {
		const mine = await missionsForMe(contextFor(app.database.db, publicTalent));
		expect(mine.fitting.map((entry) => entry.slug)).toEqual([slug]);
		const { match } = mine.fitting[0];
		expect(match.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(match.score);
		expect(match.reasons.map((reason) => reason.code)).toEqual(['skills_common', 'occupation_unit', 'sector_same', 'language_met', 'remote_enough', 'on_site_offers', 'origin_same']);
		expect(match.score).toBe(30 + 20 + 10 + 20 + 5 + 3 + 10);
	});

	it('lets a talent express interest with a note and withdraw it', async () => {
		const ctx = contextFor(app.database.db, mdcmreTalent);
		expect(await refusal(expressInterest(ctx, slug, { note: 'x'.repeat(501) }))).toMatchObject({ code: 'invalid_input', fields: ['note'] });
		await expressInterest(ctx, slug, { note: 'Je connais la région.' });
		expect((await myStanding(ctx, slug))!.standing).toMatchObject({ interested: true, interestNote: 'Je connais la région.' });
		await withdrawInterest(ctx, slug);
		expect((await myStanding(ctx, slug))!.standing).toMatchObject({ interested: false, interestNote: null });
		const withoutProfile = await aPerson(app.database.db);
		expect(await refusal(expressInterest(contextFor(app.database.db, withoutProfile), slug, {}))).toMatchObject({ code: 'conflict', reason: 'profile_missing' });
	});
});

describe('the explained ranking for the organisation', () => {
	it('ranks only talents whose consent allows it, with reasons adding up to the score, and only the fields the consent shows', async () => {
		const ranking = await rankTalents(contextFor(app.database.db, clerk), slug);
		const ids = ranking.items.map((item) => item.id);
		expect(ids).toContain(publicTalent.actor.userId);
		expect(ids).toContain(institutionsTalent.actor.userId);
		expect(ids).not.toContain(mdcmreTalent.actor.userId);
		expect(ids).not.toContain(privateTalent.actor.userId);
		for (const item of ranking.items) expect(item.match.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(item.match.score);
		expect(ranking.items.map((item) => item.match.score)).toEqual([...ranking.items.map((item) => item.match.score)].sort((a, b) => b - a));
		const shown = ranking.items.find((item) => item.id === publicTalent.actor.userId)!;
		const hidden = ranking.items.find((item) => item.id === institutionsTalent.actor.userId)!;
		// her public card shows her name; his consent does not: a pseudonym, no city, no page, never an address
		expect(shown).toMatchObject({ name: 'Salma Public', hostCity: null, email: null });
		expect(hidden).toMatchObject({ name: null, hostCity: null, link: null, email: null, occupationCode: '2221' });
		expect(hidden.pseudonym).toMatch(/^T-[0-9A-F]{6}$/);
	});

	it('includes a talent who expressed interest in this mission, whatever their level', async () => {
		await expressInterest(contextFor(app.database.db, mdcmreTalent), slug, { note: 'Disponible en septembre.' });
		const ids = (await rankTalents(contextFor(app.database.db, clerk), slug)).items.map((item) => item.id);
		expect(ids).toContain(mdcmreTalent.actor.userId);
		const candidates = await missionCandidates(contextFor(app.database.db, clerk), slug);
		expect(candidates.map((item) => [item.id, item.standing.interestNote])).toEqual([[mdcmreTalent.actor.userId, 'Disponible en septembre.']]);
	});

	it('is managed by the owning organisation only', async () => {
		for (const someone of [otherClerk, publicTalent]) {
			expect(await refusal(rankTalents(contextFor(app.database.db, someone), slug))).toMatchObject({ code: someone === publicTalent ? 'forbidden' : 'not_found' });
		}
		expect(await refusal(setShortlisted(contextFor(app.database.db, otherClerk), slug, publicTalent.actor.userId, true))).toMatchObject({ code: 'not_found' });
		expect(await refusal(moveMission(contextFor(app.database.db, otherClerk), slug, 'cancel', { reason: 'x' }))).toMatchObject({ code: 'not_found' });
		expect(await refusal(talentForMission(contextFor(app.database.db, clerk), slug, privateTalent.actor.userId))).toMatchObject({ code: 'not_found' });
	});

	it('records every view as a read of personal data, which the talent sees', async () => {
		const db = app.database.db;
		await talentForMission(contextFor(db, clerk), slug, institutionsTalent.actor.userId);
		const reads = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.actorUserId, clerk.actor.userId)));
		expect(reads.at(-1)).toMatchObject({ resourceType: 'talent_profile', resourceId: institutionsTalent.actor.userId });
		const seen = await profileViews(contextFor(db, institutionsTalent));
		expect(seen.map((entry) => [entry.kind, entry.organisation, entry.slug])).toEqual(
			expect.arrayContaining([
				['details', 'conseil-test', slug],
				['ranking', 'conseil-test', slug]
			])
		);
		expect(seen.find((entry) => entry.kind === 'ranking')!.views).toBeGreaterThanOrEqual(2);
		expect(await profileViews(contextFor(db, privateTalent))).toEqual([]);
	});
});

describe('contact, selection and the mission’s life', () => {
	it('contacts a talent through the platform without showing an address until the talent accepts', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, clerk, { mailer, publicUrl: 'https://sharaka.test' });
		expect(await refusal(setSelected(ctx, slug, institutionsTalent.actor.userId, true))).toMatchObject({ code: 'conflict', reason: 'contact_not_accepted' });
		await setShortlisted(ctx, slug, institutionsTalent.actor.userId, true);
		await writeToTalent(ctx, slug, institutionsTalent.actor.userId, { body: 'Seriez-vous disponible en septembre ?' });
		const mail = sent.find((message) => message.to === institutionsTalent.email)!;
		expect(mail.language).toBe('ar');
		expect(mail.text).toContain('Seriez-vous disponible en septembre ?');
		expect(mail.text).toContain(`https://sharaka.test/ar/talents/missions/${slug}#conversation`);
		expect(mail.text).not.toContain(clerk.email);
		expect((await talentForMission(ctx, slug, institutionsTalent.actor.userId)).talent).toMatchObject({ email: null, name: null, standing: { contact: 'requested', shortlisted: true } });

		const talentCtx = contextFor(db, institutionsTalent, { mailer, publicUrl: 'https://sharaka.test' });
		expect(await refusal(writeToOrganisation(talentCtx, slug, { body: 'Oui' }))).toMatchObject({ code: 'conflict', reason: 'contact_not_accepted' });
		expect((await myStanding(talentCtx, slug))!.writer).toBeNull();
		await answerContact(talentCtx, slug, true);
		expect((await myStanding(talentCtx, slug))!.writer).toEqual({ name: 'Nadia Clerk', email: clerk.email });
		expect(sent.some((message) => message.to === clerk.email && message.text.includes('Karim Institutions'))).toBe(true);
		await writeToOrganisation(talentCtx, slug, { body: 'Oui, du 1er au 12 septembre.' });
		const detail = await talentForMission(ctx, slug, institutionsTalent.actor.userId);
		expect(detail.talent).toMatchObject({ email: institutionsTalent.email, name: 'Karim Institutions', hostCity: 'Köln' });
		expect(detail.thread.map((message) => message.fromTalent)).toEqual([false, true]);
	});

	it('selects a talent (matched), starts, completes with a report, each step with who and when', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, clerk);
		expect(await refusal(moveMission(ctx, slug, 'start'))).toMatchObject({ code: 'conflict', reason: 'wrong_status' });
		expect(await setSelected(ctx, slug, institutionsTalent.actor.userId, true)).toBe('matched');
		expect(await refusal(expressInterest(contextFor(db, publicTalent), slug, {}))).toMatchObject({ code: 'conflict', reason: 'not_open' });
		await moveMission(ctx, slug, 'start');
		expect(await refusal(moveMission(ctx, slug, 'complete', { language: 'fr', results: '' }))).toMatchObject({ code: 'invalid_input', fields: ['results'] });
		expect((await getMission(db, slug)).status).toBe('ongoing');
		await moveMission(ctx, slug, 'complete', { language: 'fr', results: 'Quarante soignants formés.', deliverables: 'Un guide', followUp: '' });
		const done = await getMission(db, slug);
		expect(done).toMatchObject({ status: 'completed', report: { language: 'fr', results: 'Quarante soignants formés.', deliverables: 'Un guide', followUp: null } });
		const history = await missionHistory(db, done.id);
		expect(history.map((event) => [event.from, event.to, event.by])).toEqual([
			[null, 'open', moderator.user.name],
			['open', 'matched', 'Nadia Clerk'],
			['matched', 'ongoing', 'Nadia Clerk'],
			['ongoing', 'completed', 'Nadia Clerk']
		]);
		expect(await refusal(moveMission(ctx, slug, 'cancel', { reason: 'Trop tard' }))).toMatchObject({ code: 'conflict', reason: 'wrong_status' });
	});

	it('takes mutual feedback once, and counts the completed mission on the talent’s profile and card', async () => {
		const db = app.database.db;
		await organisationFeedback(contextFor(db, clerk), slug, institutionsTalent.actor.userId, { rating: 5, comment: 'Excellent travail.' });
		expect(await refusal(organisationFeedback(contextFor(db, clerk), slug, institutionsTalent.actor.userId, { rating: 4 }))).toMatchObject({ code: 'conflict', reason: 'feedback_given' });
		expect(await refusal(talentFeedback(contextFor(db, institutionsTalent), slug, { rating: 9 }))).toMatchObject({ code: 'invalid_input', fields: ['rating'] });
		await talentFeedback(contextFor(db, institutionsTalent), slug, { rating: 4, comment: 'Équipe accueillante.' });
		expect(await refusal(talentFeedback(contextFor(db, publicTalent), slug, { rating: 4 }))).toMatchObject({ code: 'not_found' });
		expect((await missionsForMe(contextFor(db, institutionsTalent))).completed).toBe(1);
		await setConsent(contextFor(db, institutionsTalent), { level: 'public', cardFields: ['missions'] });
		const card = (await listPublicCards(db, {})).items.find((item) => item.id === institutionsTalent.actor.userId);
		expect(card).toEqual({ id: institutionsTalent.actor.userId, isSample: false, completedMissions: 1 });
	});

	it('publishes at once a mission a moderator enters for an organisation, which cancels it with a reason', async () => {
		const db = app.database.db;
		expect(await refusal(proposeNew(contextFor(db, moderator), missionProposals, aMission({ organisationId: foreignAgency.id })))).toMatchObject({ code: 'forbidden' });
		const { published: other } = await proposeNew(contextFor(db, moderator), missionProposals, aMission({ title: { ar: 'مهمة للإلغاء' }, context: { ar: 'سياق' } }));
		// an Arabic title alone gives no slug: a neutral one
		expect(other!.slug).toBe('mission');
		expect(await refusal(moveMission(contextFor(db, clerk), other!.slug, 'cancel', { reason: '' }))).toMatchObject({ code: 'invalid_input', fields: ['reason'] });
		await moveMission(contextFor(db, clerk), other!.slug, 'cancel', { reason: 'Budget non voté.' });
		const history = await missionHistory(db, other!.id);
		expect(history.at(-1)).toMatchObject({ from: 'open', to: 'cancelled', note: 'Budget non voté.', by: 'Nadia Clerk' });
		const [row] = await db.select().from(mission).where(eq(mission.id, other!.id));
		expect(row.status).toBe('cancelled');
	});

	it('exports and erases a talent’s part in missions', async () => {
		const db = app.database.db;
		const exported = await talentsPersonalData.export(db, institutionsTalent.actor);
		expect(exported).toMatchObject({
			talentMissions: [{ mission: slug, selected: true, contact: 'accepted' }],
			talentMissionFeedback: expect.arrayContaining([expect.objectContaining({ fromTalent: true, rating: 4 })])
		});
		expect((exported.talentMissionMessages as unknown[]).length).toBe(2);
		expect((exported.talentProfileViews as unknown[]).length).toBe(2);
		await db.transaction((tx) => talentsPersonalData.erase(tx, institutionsTalent.actor.userId, new Date(), { files: null as never }));
		expect(await talentsPersonalData.export(db, institutionsTalent.actor)).toMatchObject({ talentMissions: [], talentMissionMessages: [], talentMissionFeedback: [], talentProfileViews: [] });
		// the mission stays with its organisation
		expect((await getMission(db, slug)).status).toBe('completed');
	});
});
