import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Mailer, MailMessage } from '../../../platform/mail/mailer.ts';
import { saveProfile, setConsent } from '../profile.service.ts';
import { talentsPersonalData } from '../personal-data.ts';
import { talentsSpace } from '../my-space.ts';
import { actOnRequest, answerRequest, askMentoring, endMentoring, getOffer, listOffers, mentoringConversation, mentorPseudonym, myMentoring, myOffer, saveOffer, withdrawRequest, writeMentoringMessage } from './mentoring.service.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest } from './mentoring.table.ts';

let app: TestApp;
let mentor: Person;
let quietMentor: Person;
let hiddenMentor: Person;
let youth: Person;
let otherYouth: Person;
let thirdYouth: Person;
let stranger: Person;
let offerId: string;
const sent: MailMessage[] = [];
const mailer: Mailer = { send: async (message) => void sent.push(message) };
const as = (who: Person) => contextFor(app.database.db, who, { mailer, publicUrl: 'https://sharaka.test' });

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path).sort(), reason: error.extra?.reason };
		throw error;
	}
};

async function aTalent(name: string, consent: 'public' | 'institutions' | null, cardFields: string[] = [], locale: 'fr' | 'ar' | 'en' = 'fr') {
	const person = await aPerson(app.database.db, { name, locale });
	await saveProfile(contextFor(app.database.db, person), { hostCountry: 'FR', hostCity: 'Lyon', occupationCode: '2211', skills: ['health'], languages: [{ language: 'fr', level: 'C2' }] });
	if (consent) await setConsent(contextFor(app.database.db, person), { level: consent, cardFields });
	return person;
}

const anOffer = (over: Record<string, unknown> = {}) => ({ skills: ['health'], occupationCode: '2211', languages: ['fr', 'ary'], remote: 'yes', hoursPerMonth: '4', capacity: '2', about: 'Je peux aider à préparer les concours de médecine.', aboutLanguage: 'fr', ...over });
const requests = () => app.database.db.select().from(mentoringRequest);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	mentor = await aTalent('Leila Médecin', 'public', ['hostCountry'], 'ar');
	quietMentor = await aTalent('Hamid Discret', 'public', ['name', 'skills']);
	hiddenMentor = await aTalent('Sanae Institutions', 'institutions');
	youth = await aPerson(db, { name: 'Yassine Jeune', locale: 'ar' });
	otherYouth = await aPerson(db, { name: 'Imane Jeune', locale: 'fr' });
	thirdYouth = await aPerson(db, { name: 'Anas Jeune', locale: 'en' });
	stranger = await aPerson(db, { name: 'Quelqu’un' });
});
afterAll(async () => app?.close());

describe('a talent’s mentoring offer', () => {
	it('needs a talent profile and refuses bad input with each field’s path, keeping nothing', async () => {
		expect(await refusal(saveOffer(as(youth), anOffer()))).toMatchObject({ code: 'conflict', reason: 'profile_missing' });
		expect(await refusal(saveOffer(as(mentor), anOffer({ skills: [], languages: ['xx'], hoursPerMonth: '0', capacity: '11' })))).toMatchObject({
			code: 'invalid_input',
			fields: ['capacity', 'hoursPerMonth', 'languages.0', 'skills']
		});
		expect(await refusal(saveOffer(as(mentor), anOffer({ occupationCode: '9999' })))).toMatchObject({ code: 'invalid_input', fields: ['occupationCode'] });
		// a blank number is missing (required), not wrong
		const blank = await saveOffer(as(mentor), anOffer({ hoursPerMonth: ' ' })).catch((error: unknown) => error);
		expect(isAppError(blank) && blank.fields).toEqual([{ path: 'hoursPerMonth', messageKey: 'field_required' }]);
		expect(await app.database.db.select().from(mentoringOffer)).toEqual([]);
	});

	it('is saved, changed and audited; listed only when the talent’s consent is the public card, showing only what the card shows', async () => {
		const saved = await saveOffer(as(mentor), anOffer());
		offerId = saved.id;
		expect(saved).toMatchObject({ skills: ['health'], languages: ['fr', 'ary'], remote: true, hoursPerMonth: 4, capacity: 2, status: 'open' });
		await saveOffer(as(mentor), anOffer({ hoursPerMonth: '6' }));
		await saveOffer(as(quietMentor), anOffer({ skills: ['digital'], remote: 'no', about: '' }));
		await saveOffer(as(hiddenMentor), anOffer());
		const list = await listOffers(app.database.db, {});
		expect(list.total).toBe(2);
		const mine = list.items.find((item) => item.id === offerId)!;
		// the card shows the host country, not the name: a pseudonym stands for it
		expect(mine.mentor).toEqual({ pseudonym: mentorPseudonym(mentor.actor.userId), name: null, hostCountry: 'FR', occupationCode: null });
		expect(mine).toMatchObject({ hoursPerMonth: 6, placesLeft: 2, about: 'Je peux aider à préparer les concours de médecine.', aboutLanguage: 'fr' });
		expect(list.items.find((item) => item.id !== offerId)!.mentor).toMatchObject({ name: 'Hamid Discret', hostCountry: null });
		// the talent whose consent reaches only institutions is not listed, and told so on their page
		expect((await myOffer(as(hiddenMentor))).publicCard).toBe(false);
		const hidden = (await myOffer(as(hiddenMentor))).offer!;
		expect(await refusal(getOffer(as(youth), hidden.id))).toMatchObject({ code: 'not_found' });
		expect(await refusal(askMentoring(as(youth), { offerId: hidden.id, message: 'Bonjour, pouvez-vous m’aider ?' }))).toMatchObject({ code: 'not_found' });
		// filters
		expect((await listOffers(app.database.db, { skill: 'digital' })).items.map((item) => item.mentor.name)).toEqual(['Hamid Discret']);
		expect((await listOffers(app.database.db, { remote: 'no' })).total).toBe(1);
		expect((await listOffers(app.database.db, { language: 'ary' })).total).toBe(2);
		expect(await refusal(listOffers(app.database.db, { skill: 'juggling' }))).toMatchObject({ code: 'invalid_input', fields: ['skill'] });
		const audit = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'talent_mentoring_offer'), eq(auditEvent.resourceId, offerId)));
		expect(audit.map((event) => event.action).sort()).toEqual(['talent_mentoring.offer_create', 'talent_mentoring.offer_update']);
	});
});

describe('asking for mentoring and answering', () => {
	let asked: string;

	it('refuses asking oneself, a message too short, and changes nothing', async () => {
		expect(await refusal(askMentoring(as(mentor), { offerId, message: 'Je me demande à moi-même.' }))).toMatchObject({ code: 'conflict', reason: 'own_offer' });
		expect(await refusal(askMentoring(as(youth), { offerId, message: 'Salut' }))).toMatchObject({ code: 'invalid_input', fields: ['message'] });
		expect(await requests()).toEqual([]);
		expect(sent).toEqual([]);
	});

	it('a member asks; the talent is e-mailed in their language with the name and message, never the member’s address', async () => {
		const row = await askMentoring(as(youth), { offerId, message: 'أستعد لمباراة الطب وأحتاج إلى نصائح.' });
		asked = row.id;
		expect(row).toMatchObject({ status: 'requested', mentorUserId: mentor.actor.userId, menteeUserId: youth.actor.userId });
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: mentor.email, language: 'ar' });
		expect(sent[0].text).toContain('Yassine Jeune');
		expect(sent[0].text).toContain('أستعد لمباراة الطب');
		expect(sent[0].text).toContain('https://sharaka.test/ar/talents/mentoring/mine');
		expect(sent[0].text).not.toContain(youth.email);
		expect((await getOffer(as(youth), offerId)).request).toMatchObject({ id: asked, status: 'requested' });
	});

	it('refuses asking twice while a request is alive', async () => {
		expect(await refusal(askMentoring(as(youth), { offerId, message: 'Je redemande, au cas où.' }))).toMatchObject({ code: 'conflict', reason: 'already_asked' });
		expect(await requests()).toHaveLength(1);
	});

	it('lets nobody but the talent answer, nor the member act on another’s request', async () => {
		expect(await refusal(answerRequest(as(youth), asked, true))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(answerRequest(as(stranger), asked, false))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(withdrawRequest(as(otherYouth), asked))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(endMentoring(as(stranger), asked))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(answerRequest(as(mentor), crypto.randomUUID(), true))).toMatchObject({ code: 'not_found' });
		expect((await requests())[0].status).toBe('requested');
	});

	it('shows no address; before the acceptance the mentor is named as the card shows them', async () => {
		const youthView = await myMentoring(as(youth));
		expect(youthView.asMentee[0]).toMatchObject({ status: 'requested', mentor: { name: mentorPseudonym(mentor.actor.userId) }, messages: 0 });
		const mentorView = await myMentoring(as(mentor));
		expect(mentorView.asMentor[0]).toMatchObject({ status: 'requested', mentee: { name: 'Yassine Jeune' }, message: 'أستعد لمباراة الطب وأحتاج إلى نصائح.' });
		expect(JSON.stringify([youthView, mentorView])).not.toMatch(/@example\.ma/);
		// no conversation before the acceptance
		expect(await refusal(writeMentoringMessage(as(youth), asked, { body: 'Bonjour !' }))).toMatchObject({ code: 'conflict', reason: 'not_accepted' });
		expect(await mentoringConversation(as(youth), asked)).toMatchObject({ open: false, messages: [] });
	});

	it('the talent accepts: the member is told in their language, with the link to their conversation, and both see each other’s name, never an address', async () => {
		sent.length = 0;
		await answerRequest(as(mentor), asked, true);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: youth.email, language: 'ar' });
		expect(sent[0].text).toContain('Leila Médecin');
		expect(sent[0].text).toContain(`https://sharaka.test/ar/talents/mentoring/requests/${asked}`);
		expect(sent[0].text).not.toContain(mentor.email);
		const mine = await myMentoring(as(youth));
		expect(mine.asMentee[0]).toMatchObject({ status: 'accepted', mentor: { name: 'Leila Médecin' } });
		expect(JSON.stringify(mine)).not.toContain(mentor.email);
		expect((await myMentoring(as(mentor))).asMentor[0]).toMatchObject({ status: 'accepted', mentee: { name: 'Yassine Jeune' } });
		expect(await refusal(answerRequest(as(mentor), asked, false))).toMatchObject({ code: 'conflict', reason: 'not_waiting' });
		expect(await refusal(withdrawRequest(as(youth), asked))).toMatchObject({ code: 'conflict', reason: 'not_waiting' });
	});

	it('both write to each other on the platform: each message is e-mailed to the other side in their language, never with an address', async () => {
		sent.length = 0;
		const first = await writeMentoringMessage(as(youth), asked, { body: 'شكرا! متى يمكننا أن نتحدث لأول مرة؟' });
		expect(first).toMatchObject({ fromMentor: false, authorUserId: youth.actor.userId });
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: mentor.email, language: 'ar' });
		expect(sent[0].text).toContain('Yassine Jeune');
		expect(sent[0].text).toContain('متى يمكننا أن نتحدث');
		expect(sent[0].text).toContain(`https://sharaka.test/ar/talents/mentoring/requests/${asked}`);
		expect(sent[0].text).not.toContain(youth.email);
		// the same message sent again (a form sent twice) is kept once, and mailed once
		await writeMentoringMessage(as(youth), asked, { body: 'شكرا! متى يمكننا أن نتحدث لأول مرة؟' });
		expect(sent).toHaveLength(1);
		await writeMentoringMessage(as(mentor), asked, { body: 'Mardi à 18 h, heure de Rabat ?' });
		expect(sent[1]).toMatchObject({ to: youth.email, language: 'ar' });
		expect(sent[1].text).toContain('Leila Médecin');
		expect(sent[1].text).not.toContain(mentor.email);
		const conversation = await mentoringConversation(as(youth), asked);
		expect(conversation).toMatchObject({ open: true, deletedOn: null, request: { status: 'accepted', messages: 2 } });
		expect(conversation.messages.map((message) => [message.side, message.mine, message.author])).toEqual([
			['mentee', true, 'Yassine Jeune'],
			['mentor', false, 'Leila Médecin']
		]);
		// nobody else reads or writes it; bad input is refused and changes nothing
		expect(await refusal(mentoringConversation(as(stranger), asked))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(writeMentoringMessage(as(stranger), asked, { body: 'Je m’invite.' }))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(writeMentoringMessage(as(youth), asked, { body: '   ' }))).toMatchObject({ code: 'invalid_input', fields: ['body'] });
		expect(await refusal(writeMentoringMessage(as(youth), asked, { body: 'x'.repeat(4001) }))).toMatchObject({ code: 'invalid_input', fields: ['body'] });
		expect(await refusal(mentoringConversation(as(youth), crypto.randomUUID()))).toMatchObject({ code: 'not_found' });
		expect(await app.database.db.select().from(mentoringMessage)).toHaveLength(2);
		const audited = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'talent_mentoring.message'));
		expect(audited).toHaveLength(2);
		expect(audited[0]).toMatchObject({ resourceType: 'talent_mentoring_request', resourceId: asked, actorUserId: youth.actor.userId, after: { side: 'mentee' } });
		expect(JSON.stringify(audited)).not.toContain('متى');
	});

	it('refuses a request when every place is taken, and an acceptance beyond the capacity', async () => {
		const second = await askMentoring(as(otherYouth), { offerId, message: 'Je voudrais devenir infirmière, pouvez-vous me guider ?' });
		const third = await askMentoring(as(thirdYouth), { offerId, message: 'I would like advice on medical studies abroad.' });
		await answerRequest(as(mentor), second.id, true);
		expect((await getOffer(as(stranger), offerId)).offer.placesLeft).toBe(0);
		expect(await refusal(askMentoring(as(stranger), { offerId, message: 'Une place pour moi aussi ?' }))).toMatchObject({ code: 'conflict', reason: 'capacity_full' });
		expect(await refusal(answerRequest(as(mentor), third.id, true))).toMatchObject({ code: 'conflict', reason: 'capacity_full' });
		// declined with a reason, e-mailed in the member's language
		sent.length = 0;
		await actOnRequest(as(mentor), third.id, 'decline', 'Je n’ai plus de place avant l’été.');
		expect(sent[0]).toMatchObject({ to: thirdYouth.email, language: 'en' });
		expect(sent[0].text).toContain('Je n’ai plus de place avant l’été.');
		expect((await myMentoring(as(thirdYouth))).asMentee[0]).toMatchObject({ status: 'declined', reason: 'Je n’ai plus de place avant l’été.' });
		// a declined request has no conversation
		expect(await refusal(writeMentoringMessage(as(thirdYouth), third.id, { body: 'Merci quand même.' }))).toMatchObject({ code: 'conflict', reason: 'not_accepted' });
	});

	it('either side ends it (the other is told); a place opens again; the member may ask again later', async () => {
		sent.length = 0;
		await endMentoring(as(youth), asked, { reason: '' });
		expect(sent[0]).toMatchObject({ to: mentor.email, language: 'ar' });
		expect((await myMentoring(as(youth))).asMentee[0]).toMatchObject({ status: 'ended', endedBy: 'mentee', messages: 2 });
		// the conversation is read, no longer written, and says when it goes
		const ended = await mentoringConversation(as(mentor), asked);
		expect(ended).toMatchObject({ open: false, messages: [{ side: 'mentee' }, { side: 'mentor' }] });
		expect(new Date(ended.deletedOn!).getTime() - Date.now()).toBeGreaterThan(150 * 86_400_000);
		expect(await refusal(writeMentoringMessage(as(mentor), asked, { body: 'Un dernier mot ?' }))).toMatchObject({ code: 'conflict', reason: 'not_accepted' });
		expect(await refusal(endMentoring(as(mentor), asked))).toMatchObject({ code: 'conflict', reason: 'not_accepted' });
		expect((await getOffer(as(stranger), offerId)).offer.placesLeft).toBe(1);
		const again = await askMentoring(as(youth), { offerId, message: 'Je reviens vers vous pour la suite.' });
		await withdrawRequest(as(youth), again.id);
		expect(sent.at(-1)).toMatchObject({ to: mentor.email });
	});

	it('a closed offer takes no new request', async () => {
		await saveOffer(as(quietMentor), anOffer({ skills: ['digital'], status: 'closed' }));
		expect((await listOffers(app.database.db, { skill: 'digital' })).total).toBe(0);
		const closed = (await myOffer(as(quietMentor))).offer!;
		expect(await refusal(askMentoring(as(youth), { offerId: closed.id, message: 'Puis-je encore demander ?' }))).toMatchObject({ code: 'conflict', reason: 'offer_closed' });
	});

	it('lists the requests in both people’s space', async () => {
		const mentorSpace = await talentsSpace(as(mentor));
		expect(mentorSpace.find((link) => link.path === '/talents/mentoring/mine')).toMatchObject({ waiting: { count: 0 } });
		const youthSpace = await talentsSpace(as(otherYouth));
		expect(youthSpace.find((link) => link.path === '/talents/mentoring/mine')).toBeDefined();
		const newcomer = await aPerson(app.database.db);
		expect((await talentsSpace(as(newcomer))).find((link) => link.path === '/talents/mentoring')).toBeDefined();
	});
});

describe('personal data', () => {
	it('exports the offer, both sides’ requests and their conversations, and erases them with the account', async () => {
		const db = app.database.db;
		const exported = await talentsPersonalData.export(db, mentor.actor);
		expect(exported.talentMentoringOffer).toMatchObject({ id: offerId, capacity: 2 });
		expect((exported.talentMentoringRequests as { side: string }[]).every((entry) => entry.side === 'mentor')).toBe(true);
		expect(JSON.stringify(exported)).not.toContain(youth.email);
		expect(exported.talentMentoringMessages).toMatchObject([
			{ side: 'mentee', mine: false, body: 'شكرا! متى يمكننا أن نتحدث لأول مرة؟' },
			{ side: 'mentor', mine: true, body: 'Mardi à 18 h, heure de Rabat ?' }
		]);
		const youthExport = await talentsPersonalData.export(db, youth.actor);
		expect((youthExport.talentMentoringRequests as unknown[]).length).toBe(2);
		expect((youthExport.talentMentoringMessages as unknown[]).length).toBe(2);
		await db.transaction((tx) => talentsPersonalData.erase(tx, youth.actor.userId, new Date(), { files: null as never }));
		expect(await db.select().from(mentoringRequest).where(eq(mentoringRequest.menteeUserId, youth.actor.userId))).toEqual([]);
		// the conversation goes with its request
		expect(await db.select().from(mentoringMessage)).toEqual([]);
		await db.transaction((tx) => talentsPersonalData.erase(tx, mentor.actor.userId, new Date(), { files: null as never }));
		expect(await db.select().from(mentoringOffer).where(eq(mentoringOffer.mentorUserId, mentor.actor.userId))).toEqual([]);
		expect(await db.select().from(mentoringRequest).where(eq(mentoringRequest.mentorUserId, mentor.actor.userId))).toEqual([]);
	});
});

describe('messages not read yet', () => {
	it('counts in each person’s space the other side’s messages since they last read the conversation, or wrote in it', async () => {
		const talent = await aTalent('Karim Ingénieur', 'public', ['name']);
		const young = await aPerson(app.database.db, { name: 'Salma Jeune', locale: 'fr' });
		const offer = await saveOffer(as(talent), anOffer({ skills: ['engineering'], occupationCode: '2142' }));
		const request = await askMentoring(as(young), { offerId: offer.id, message: 'Je voudrais devenir ingénieure en génie civil.' });
		const unreadIn = async (who: Person) => (await talentsSpace(as(who))).find((link) => link.path === '/talents/mentoring/mine')?.alsoWaiting?.[0]?.count;
		// the request itself is no message
		expect(await unreadIn(talent)).toBe(0);
		await answerRequest(as(talent), request.id, true);
		await writeMentoringMessage(as(young), request.id, { body: 'Bonjour, merci d’avoir accepté !' });
		await writeMentoringMessage(as(young), request.id, { body: 'Quand êtes-vous disponible ?' });
		expect(await unreadIn(talent)).toBe(2);
		expect(await unreadIn(young)).toBe(0);
		expect((await myMentoring(as(talent))).asMentor[0]).toMatchObject({ id: request.id, messages: 2, unread: 2 });
		// opening the conversation reads it; it says how many were new
		expect((await mentoringConversation(as(talent), request.id)).request.unread).toBe(2);
		expect(await unreadIn(talent)).toBe(0);
		expect((await myMentoring(as(talent))).asMentor[0]).toMatchObject({ unread: 0 });
		// the talent answers: the member has one to read; answering in turn reads it
		await writeMentoringMessage(as(talent), request.id, { body: 'Jeudi soir, si cela vous va.' });
		expect(await unreadIn(young)).toBe(1);
		expect((await myMentoring(as(young))).asMentee[0]).toMatchObject({ unread: 1 });
		await writeMentoringMessage(as(young), request.id, { body: 'Parfait, à jeudi.' });
		expect(await unreadIn(young)).toBe(0);
		expect(await unreadIn(talent)).toBe(1);
		// still counted once the mentoring has ended, until read; someone else's count is untouched
		await endMentoring(as(young), request.id, { reason: '' });
		expect(await unreadIn(talent)).toBe(1);
		expect(await refusal(mentoringConversation(as(stranger), request.id))).toMatchObject({ code: 'forbidden' });
		expect(await unreadIn(talent)).toBe(1);
		await mentoringConversation(as(talent), request.id);
		expect(await unreadIn(talent)).toBe(0);
		// each exports only their own reading mark
		const exported = (await talentsPersonalData.export(app.database.db, talent.actor)).talentMentoringRequests as Record<string, unknown>[];
		expect(exported[0].readAt).toBeTruthy();
		expect(Object.keys(exported[0])).not.toContain('menteeReadAt');
	});
});
