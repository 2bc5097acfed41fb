import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createEvent } from '../events/event.service.ts';
import { registerForEvent } from '../events/registration.service.ts';
import { readPercentages } from './survey.model.ts';
import {
	addQuestion,
	answerAsMember,
	answerByToken,
	closeSurvey,
	createSurvey,
	eraseSurveyDataOf,
	invitationByToken,
	inviteToSurvey,
	moveQuestion,
	questionsOf,
	removeQuestion,
	responseTable,
	stripClosedInvitations,
	surveyDataOf,
	surveyResults,
	updateQuestion,
	updateSurvey
} from './survey.service.ts';
import { survey, surveyInvitation, surveyResponse } from './survey.table.ts';

let app: TestApp;
let editor: Actor;
let member: Actor;
let memberEmail: string;
let today = new Date('2027-01-10T12:00:00Z');
const now = () => (today = new Date(today.getTime() + 1000));
const asVisitor = (language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, null, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test', language });
const asEditor = () => contextFor(app.database.db, editor, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test' });
const asMember = () => contextFor(app.database.db, member, { now });

const tokenIn = (raw: string) => /\/knowledge\/surveys\/answer\/([A-Za-z0-9_-]+)/.exec(readMail(raw).text)![1];
/** The survey invitations sent to one address (registrations' confirmations left out). */
const mailsTo = async (address: string) => (await app.outbox()).filter((raw) => readMail(raw).to.includes(address) && readMail(raw).text.includes('/knowledge/surveys/answer/'));

/** The fields a call is refused for (none when it was not refused as bad input). */
async function fieldsOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (failure) {
		if (isAppError(failure)) return failure.fields;
		throw failure;
	}
	return [];
}

let questionIds: { rating: string; sessions: string; recommend: string; why: string; comment: string };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const editorPerson = await aPerson(app.database.db, { email: 'surveys-editor@test.ma', role: 'member' });
	editor = { ...editorPerson.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
	const memberPerson = await aPerson(app.database.db, { email: 'surveys-member@test.ma', role: 'member' });
	member = memberPerson.actor;
	memberEmail = 'surveys-member@test.ma';
	await createEvent(asEditor(), { title: { fr: 'Atelier de Tanger' }, startsAt: '2027-01-20T09:00', endsAt: '2027-01-20T17:00', place: 'Tanger', status: 'published', registrationOpen: 'on' });
	await registerForEvent(asVisitor('ar'), 'atelier-de-tanger', { name: 'Amina', email: 'amina@example.ma', category: 'media', consent: 'on' });
	await registerForEvent(asVisitor('fr'), 'atelier-de-tanger', { name: 'Youssef', email: 'youssef@example.ma', category: 'media', consent: 'on' });
	await createSurvey(asEditor(), { title: { fr: 'Satisfaction de l’atelier', ar: 'الرضا عن الورشة' }, event: 'atelier-de-tanger', status: 'draft', anonymous: 'on', publicLink: 'on', resultsPublic: 'on', closesAt: '2027-02-28T18:00' });
	const rating = await addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'scale', label: { fr: 'Votre note' }, required: 'on', scaleMin: '1', scaleMax: '5' });
	const sessions = await addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'multiple', label: { fr: 'Sessions suivies' }, options: [{ fr: 'Plénière' }, { fr: 'Table ronde' }, { fr: 'Visite' }] });
	const recommend = await addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'single', label: { fr: 'Le recommanderiez-vous ?' }, required: 'on', options: [{ fr: 'Oui' }, { fr: 'Non' }] });
	const why = await addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'text', label: { fr: 'Pourquoi pas ?' }, required: 'on', condition: { question: recommend.id, values: [recommend.options[1].value] } });
	const comment = await addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'text', label: { fr: 'Un commentaire ?' } });
	questionIds = { rating: rating.id, sessions: sessions.id, recommend: recommend.id, why: why.id, comment: comment.id };
});
afterAll(async () => app?.close());

describe('the questionnaire builder', () => {
	it('refuses a choice with fewer than two options, a scale upside down and a condition on a later or unknown question', async () => {
		expect((await fieldsOf(addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'single', label: { fr: 'Seule' }, options: [{ fr: 'Un' }] })))).toContainEqual(expect.objectContaining({ path: 'options' }));
		expect((await fieldsOf(addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'scale', label: { fr: 'Envers' }, scaleMin: '1', scaleMax: '1' })))).toContainEqual(expect.objectContaining({ path: 'scaleMax' }));
		const refused = await fieldsOf(updateQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.rating, { kind: 'scale', label: { fr: 'Votre note' }, scaleMin: '1', scaleMax: '5', condition: { question: questionIds.recommend, values: ['o1'] } }));
		expect(refused).toContainEqual({ path: 'condition', messageKey: 'field_choice' });
		expect(await questionsOf(app.database.db, (await app.database.db.select().from(survey).where(eq(survey.slug, 'satisfaction-de-l-atelier')))[0].id)).toHaveLength(5);
	});

	it('keeps a question below the one its condition reads, and the options’ values when their labels change', async () => {
		expect(await refusalWithReason(moveQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.why, 'up'))).toBe('conflict:question_is_condition');
		expect(await refusalWithReason(removeQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.recommend))).toBe('conflict:question_is_condition');
		const renamed = await updateQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.recommend, { kind: 'single', label: { fr: 'Le recommanderiez-vous à un collègue ?' }, required: 'on', options: [{ fr: 'Oui', ar: 'نعم' }, { fr: 'Non', ar: 'لا' }] });
		expect(renamed.options.map((option) => option.value)).toEqual(['o1', 'o2']);
		expect(renamed.options[1].label).toEqual({ fr: 'Non', ar: 'لا' });
	});

	it('is the editors’ alone, and a draft is not found by anyone else', async () => {
		expect(await refusalOf(addQuestion(asMember(), 'satisfaction-de-l-atelier', { kind: 'text', label: { fr: 'Intrus' } }))).toBe('forbidden');
		expect(await refusalOf(surveyResults(asVisitor(), 'satisfaction-de-l-atelier'))).toBe('not_found');
	});
});

describe('personal links and answers', () => {
	it('e-mails each confirmed participant once, in their language, and refuses while the survey is a draft', async () => {
		expect(await refusalWithReason(inviteToSurvey(asEditor(), 'satisfaction-de-l-atelier', { participants: 'on' }))).toBe('conflict:survey_not_open');
		await updateSurvey(asEditor(), 'satisfaction-de-l-atelier', { title: { fr: 'Satisfaction de l’atelier', ar: 'الرضا عن الورشة' }, event: 'atelier-de-tanger', status: 'published', anonymous: 'on', publicLink: 'on', resultsPublic: 'on', closesAt: '2027-02-28T18:00' });
		expect(await inviteToSurvey(asEditor(), 'satisfaction-de-l-atelier', { participants: 'on', emails: ['AMINA@example.ma', 'invite@example.org'] })).toEqual({ sent: 3, skipped: 1 });
		expect(await inviteToSurvey(asEditor(), 'satisfaction-de-l-atelier', { participants: 'on' })).toEqual({ sent: 0, skipped: 2 });
		const [toAmina] = await mailsTo('amina@example.ma');
		expect(readMail(toAmina).text).toContain('«الرضا عن الورشة»');
		expect(readMail(toAmina).text).toContain('/ar/knowledge/surveys/answer/');
	});

	it('asks the required questions that are asked, ignores those that are not, and takes one answer per link', async () => {
		const token = tokenIn((await mailsTo('amina@example.ma'))[0]);
		const form = await invitationByToken(asVisitor(), token);
		expect(form).toMatchObject({ state: 'open', answered: false });
		const missing = await fieldsOf(answerByToken(asVisitor(), token, { [`q_${questionIds.recommend}`]: 'o2' }));
		expect(missing).toEqual([
			{ path: `q_${questionIds.rating}`, messageKey: 'field_required' },
			{ path: `q_${questionIds.why}`, messageKey: 'field_required' }
		]);
		// "why not" is not asked to someone who would recommend it: sent anyway, it is not kept
		await answerByToken(asVisitor(), token, { [`q_${questionIds.rating}`]: '4', [`q_${questionIds.sessions}`]: ['o1', 'o2'], [`q_${questionIds.recommend}`]: 'o1', [`q_${questionIds.why}`]: 'ignoré' });
		expect(await refusalWithReason(answerByToken(asVisitor(), token, { [`q_${questionIds.rating}`]: '1', [`q_${questionIds.recommend}`]: 'o1' }))).toBe('conflict:already_answered');
		expect((await invitationByToken(asVisitor(), token))!.answered).toBe(true);
	});

	it('refuses an option that is not one of the question’s', async () => {
		const token = tokenIn((await mailsTo('youssef@example.ma'))[0]);
		const refused = await fieldsOf(answerByToken(asVisitor(), token, { [`q_${questionIds.rating}`]: '9', [`q_${questionIds.recommend}`]: 'o7' }));
		expect(refused.map((field) => field.path)).toEqual([`q_${questionIds.rating}`, `q_${questionIds.recommend}`]);
		await answerByToken(asVisitor(), token, { [`q_${questionIds.rating}`]: '2', [`q_${questionIds.sessions}`]: 'o3', [`q_${questionIds.recommend}`]: 'o2', [`q_${questionIds.why}`]: 'Trop de discours' });
	});

	it('keeps nothing of an anonymous answer that leads back to its link or its hour', async () => {
		const responses = await app.database.db.select().from(surveyResponse);
		const ours = responses.filter((response) => !response.isSample && response.invitationId === null && response.userId === null);
		expect(ours.length).toBeGreaterThanOrEqual(2);
		for (const response of ours) expect(response.submittedAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
	});

	it('takes one answer per account on the survey’s page', async () => {
		await answerAsMember(asMember(), 'satisfaction-de-l-atelier', { [`q_${questionIds.rating}`]: '5', [`q_${questionIds.recommend}`]: 'o1', [`q_${questionIds.comment}`]: 'Très utile' });
		expect(await refusalWithReason(answerAsMember(asMember(), 'satisfaction-de-l-atelier', { [`q_${questionIds.rating}`]: '5', [`q_${questionIds.recommend}`]: 'o1' }))).toBe('conflict:already_answered');
	});

	it('locks the questions’ shape once answers came, but lets their wording be corrected', async () => {
		expect(await refusalWithReason(addQuestion(asEditor(), 'satisfaction-de-l-atelier', { kind: 'text', label: { fr: 'Trop tard' } }))).toBe('conflict:survey_has_answers');
		expect(await refusalWithReason(updateQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.recommend, { kind: 'single', label: { fr: 'Recommanderiez-vous ?' }, required: 'on', options: [{ fr: 'Oui' }, { fr: 'Non' }, { fr: 'Peut-être' }] }))).toBe('conflict:survey_has_answers');
		await updateQuestion(asEditor(), 'satisfaction-de-l-atelier', questionIds.recommend, { kind: 'single', label: { fr: 'Recommanderiez-vous l’atelier ?' }, required: 'on', options: [{ fr: 'Oui' }, { fr: 'Non' }] });
		expect(await refusalWithReason(updateSurvey(asEditor(), 'satisfaction-de-l-atelier', { title: { fr: 'Satisfaction de l’atelier' }, status: 'published', publicLink: 'on' }))).toBe('conflict:anonymity_fixed');
	});
});

describe('results', () => {
	it('give each percentage with the number of people who answered the question', async () => {
		const results = await surveyResults(asEditor(), 'satisfaction-de-l-atelier');
		expect(results.responses).toBe(3);
		expect(results.invited).toBe(3);
		const [rating, sessions, recommend, why, comment] = results.questions;
		expect(rating.respondents).toBe(3);
		expect(rating.options.map((option) => option.count)).toEqual([0, 1, 0, 1, 1]);
		expect(rating.mean).toBeCloseTo(3.67, 2);
		// multiple choice: of the 2 who answered, so more than 100 % in all
		expect(sessions.respondents).toBe(2);
		expect(sessions.options.map((option) => [option.count, option.percent])).toEqual([
			[1, 50],
			[1, 50],
			[1, 50]
		]);
		expect(recommend.options.map((option) => [option.count, option.percent])).toEqual([
			[2, 66.7],
			[1, 33.3]
		]);
		expect(why).toMatchObject({ respondents: 1, texts: ['Trop de discours'] });
		expect(comment.texts).toEqual(['Très utile']);
	});

	it('are public only once closed, without counts under 5 nor free texts', async () => {
		expect(await refusalOf(surveyResults(asVisitor(), 'satisfaction-de-l-atelier'))).toBe('not_found');
		await closeSurvey(asEditor(), 'satisfaction-de-l-atelier');
		const shown = await surveyResults(asVisitor(), 'satisfaction-de-l-atelier');
		expect(shown.audience).toBe('public');
		expect(shown.questions[2].respondents).toBeNull();
		expect(shown.questions[2].options.every((option) => option.count === null && option.percent === null)).toBe(true);
		expect(shown.questions[4].texts).toEqual([]);
		// closed: the links answer no more
		const token = tokenIn((await mailsTo('invite@example.org'))[0]);
		expect(await refusalWithReason(answerByToken(asVisitor(), token, { [`q_${questionIds.rating}`]: '3', [`q_${questionIds.recommend}`]: 'o1' }))).toBe('conflict:survey_not_open');
	});

	it('export the raw answers one row per person, choices by their label, with no respondent column when anonymous', async () => {
		const { rows } = await responseTable(asEditor(), 'satisfaction-de-l-atelier', 'fr', { response: 'N°', submitted: 'Date', respondent: 'Qui' });
		expect(rows).toHaveLength(4);
		expect(rows[0]).not.toContain('Qui');
		expect(rows[0][2]).toBe('1. Votre note');
		expect(rows.slice(1).map((row) => row[4])).toEqual(expect.arrayContaining(['Oui', 'Non']));
		expect(rows.slice(1).some((row) => row[3] === 'Plénière; Table ronde')).toBe(true);
	});

	it('read the seeds’ printed rates honestly: 13 people, not 48, and one question that does not add up', async () => {
		const results = await surveyResults(asVisitor(), 'evaluation-evenement-final-sharaka-2017');
		expect(results.reported).toMatchObject({ invited: 132, completeAnswers: 48 });
		expect(results.questions[0].reported).toMatchObject({ sum: 100, addsUp: true, respondents: 13, fitCompleteAnswers: false });
		expect(results.questions[5].reported).toMatchObject({ addsUp: false, respondents: null });
		expect(results.responses).toBe(0);
	});
});

describe('reading printed percentages', () => {
	it('finds the smallest number of people they can come from', () => {
		expect(readPercentages([50, 50])).toMatchObject({ respondents: 2, addsUp: true });
		expect(readPercentages([33.33, 66.67])).toMatchObject({ respondents: 3, addsUp: true });
		expect(readPercentages([15.38, 69.23, 15.38])).toMatchObject({ respondents: 13 });
		expect(readPercentages([38.43, 30.77, 30.77])).toMatchObject({ sum: 99.97, addsUp: false, respondents: null });
	});
});

describe('personal data', () => {
	it('exports and erases what a person left in surveys, and strips the links 90 days after closing', async () => {
		const data = await surveyDataOf(app.database.db, member.userId, memberEmail);
		expect(data.answered).toEqual([expect.objectContaining({ survey: 'satisfaction-de-l-atelier' })]);
		// anonymous: no answer of theirs to give back
		expect(data.responses).toEqual([]);
		await eraseSurveyDataOf(app.database.db, member.userId, memberEmail);
		expect((await surveyDataOf(app.database.db, member.userId, memberEmail)).answered).toEqual([]);
		expect(await stripClosedInvitations(app.database.db, new Date(today.getTime() + 30 * 24 * 3600 * 1000))).toBe(0);
		expect(await stripClosedInvitations(app.database.db, new Date(today.getTime() + 91 * 24 * 3600 * 1000))).toBe(3);
		const left = await app.database.db.select().from(surveyInvitation);
		expect(left.every((entry) => entry.email === null && entry.tokenHash === null)).toBe(true);
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'knowledge_survey.links_retention'));
		expect(trail.map((entry) => [entry.actorLabel, (entry.after as { stripped: number }).stripped])).toEqual([['system', 3]]);
		expect(JSON.stringify(trail)).not.toContain('@');
	});
});
