import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { assistedReturnScheme } from './schemes/schemes.table.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../platform/testing/refusal.ts';
import { readMail } from '../../platform/testing/mail.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { closeReintegrationCase, openReintegrationCase } from './reintegration.ts';
import { answerSurveyByToken, caseSurveys, enterPaperSurvey, inviteToSurvey, paperSurveyPage, savePaperSurveyDraft, saveSurveyDraftByToken, surveyByToken, surveyStatistics } from './survey.ts';
import { NOT_APPLICABLE, roundDueDate, surveyIndicators, surveyScores } from './survey.model.ts';
import { networkMember, reintegrationSurvey } from './return.table.ts';
import { returnPersonalData } from './personal-data.ts';
import { runSurveyInvitations } from './cli/survey-invitations.ts';

/** The best answer of every indicator, then the same with a few changed. */
const best = Object.fromEntries(surveyIndicators.map((indicator) => [indicator.key, Object.keys(indicator.answers)[0]]));
const worst = Object.fromEntries(surveyIndicators.map((indicator) => [indicator.key, Object.keys(indicator.answers).at(-1)!]));

let app: TestApp;
let caseworkerA: Actor;
let caseworkerB: Actor;
let returnee: Person;
let caseId: string;
// the case's return was on 1 September 2026; "today" is moved as each test needs
let today = new Date('2026-12-01T10:00:00Z');

const asWorker = (actor: Actor) => contextFor(app.database.db, actor, { mailer: app.mailer, publicUrl: 'http://sharaka.test', now: () => today });
const asAnyone = () => contextFor(app.database.db, null, { now: () => today });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [a] = await db.insert(organisation).values({ slug: 'operateur-sondage-a', name: 'Opérateur A', type: 'ngo' }).returning();
	const [b] = await db.insert(organisation).values({ slug: 'operateur-sondage-b', name: 'Opérateur B', type: 'ngo' }).returning();
	await db.insert(networkMember).values([
		{ organisationId: a.id, status: 'member' },
		{ organisationId: b.id, status: 'member' }
	]);
	const worker = async (organisationId: string): Promise<Actor> => ({ ...(await aPerson(db, { role: 'member' })).actor, grants: [{ module: 'return', role: 'caseworker', organisationId, scope: null }] });
	caseworkerA = await worker(a.id);
	caseworkerB = await worker(b.id);
	returnee = await aPerson(db, { role: 'member', name: 'Karima Retour' });
	const opened = await openReintegrationCase(asWorker(caseworkerA), {
		personUserId: returnee.actor.userId,
		operatorOrganisationId: a.id,
		consent: 'on',
		consentPurpose: 'Suivi de la réintégration',
		returnDate: '2026-09-01',
		hostCountry: 'BE',
		regionCode: 'MA-06',
		householdSize: '2'
	});
	caseId = opened.id;
});
afterAll(async () => app?.close());

/** The personal link of the last e-mail sent to the returnee. */
async function lastSurveyLink(): Promise<string> {
	const mails = (await app.outbox()).map(readMail).filter((mail) => mail.text.includes('/return/survey/'));
	const link = /https?:\/\/\S+\/return\/survey\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text);
	return link![1];
}

describe('the score', () => {
	it('is the mean of each dimension’s answers, and the overall score the mean of the three dimensions', () => {
		expect(surveyScores(best)).toEqual({ economic: 1, social: 1, psychosocial: 1, overall: 1 });
		expect(surveyScores(worst)).toEqual({ economic: 0, social: 0, psychosocial: 0, overall: 0 });
		// economic: satisfied .75, the rest best → (0.75 + 4) / 5 = 0.95; social: no school-age children, housing poor (.33) → (0.33 + 3) / 4
		const mixed = surveyScores({ ...best, economic_satisfaction: 'satisfied', schooling: NOT_APPLICABLE, housing: 'poor', wish_to_stay: 'leave' });
		expect(mixed.economic).toBe(0.95);
		expect(mixed.social).toBe(0.833);
		expect(mixed.psychosocial).toBe(0.8);
		expect(mixed.overall).toBe(Math.round(((0.95 + 3.33 / 4 + 0.8) / 3) * 1000) / 1000);
	});

	it('is due 3, 6 and 12 months after the return, on the same day or the month’s last', () => {
		expect(roundDueDate('2026-09-01', 3)).toBe('2026-12-01');
		expect(roundDueDate('2026-08-31', 6)).toBe('2027-02-28');
		expect(roundDueDate('2027-08-31', 6)).toBe('2028-02-29');
		expect(roundDueDate('2026-09-15', 12)).toBe('2027-09-15');
	});
});

describe('the sustainability survey', () => {
	it('sends the returnee a personal link by e-mail; answered through it, the raw answers and scores are kept', async () => {
		today = new Date('2026-11-20T10:00:00Z');
		// the 6-month round is not due within two weeks: nothing is sent
		expect(await refusalWithReason(inviteToSurvey(asWorker(caseworkerA), caseId, 6))).toBe('conflict:survey_not_due');
		expect(await inviteToSurvey(asWorker(caseworkerA), caseId, 3)).toEqual({ sent: true });
		const token = await lastSurveyLink();
		expect(await surveyByToken(app.database.db, token)).toMatchObject({ round: 3, answered: false, operatorName: 'Opérateur A' });

		// a missing answer is a field error and nothing is kept
		const { debt: _debt, ...incomplete } = best;
		expect(await refusalWithReason(answerSurveyByToken(asAnyone(), token, incomplete))).toBe('invalid_input:debt');
		// saved to finish later: kept unscored, shown on the case as started, and the link starts from them
		expect(await saveSurveyDraftByToken(asAnyone(), token, incomplete)).toEqual({ saved: surveyIndicators.length - 1 });
		expect((await surveyByToken(app.database.db, token))?.saved).toEqual(incomplete);
		const started = await caseSurveys(app.database.db, { id: caseId, returnDate: '2026-09-01' });
		expect(started[0]).toMatchObject({ status: 'invited', savedAnswers: surveyIndicators.length - 1, scores: null });
		// a value the form never offers is refused and the saved answers stay
		expect(await refusalWithReason(saveSurveyDraftByToken(asAnyone(), token, { debt: 'millions' }))).toBe('invalid_input:debt');
		expect((await surveyByToken(app.database.db, token))?.saved).toEqual(incomplete);
		const answers = { ...best, economic_satisfaction: 'satisfied', schooling: NOT_APPLICABLE };
		const saved = await answerSurveyByToken(asAnyone(), token, answers);
		expect(saved).toMatchObject({ channel: 'online', answers, economicScore: 0.95, socialScore: 1, overallScore: expect.closeTo(0.983, 3) });
		const rounds = await caseSurveys(app.database.db, { id: caseId, returnDate: '2026-09-01' });
		expect(rounds.map((round) => round.status)).toEqual(['answered', 'not_sent', 'not_sent']);
		expect(rounds[0].scores).toMatchObject({ economic: 0.95 });
	});

	it('refuses a second answer to the same round, by the link or on paper, and keeps the first', async () => {
		const [before] = await app.database.db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.caseId, caseId));
		const token = await lastSurveyLink();
		expect(await refusalWithReason(answerSurveyByToken(asAnyone(), token, worst))).toBe('conflict:survey_answered');
		expect(await refusalWithReason(enterPaperSurvey(asWorker(caseworkerA), caseId, 3, worst))).toBe('conflict:survey_answered');
		expect(await refusalWithReason(inviteToSurvey(asWorker(caseworkerA), caseId, 3))).toBe('conflict:survey_answered');
		const [after] = await app.database.db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.caseId, caseId));
		expect(after).toEqual(before);
		expect(await refusalOf(answerSurveyByToken(asAnyone(), 'an-unknown-link-of-thirty-chars', best))).toBe('not_found');
	});

	it('lets the case worker save a paper form half done and finish it later; another operator’s gets not found', async () => {
		today = new Date('2027-03-01T10:00:00Z');
		expect(await refusalOf(savePaperSurveyDraft(asWorker(caseworkerB), caseId, 6, { debt: 'none' }))).toBe('not_found');
		const statisticsBefore = await surveyStatistics(asAnyone());
		expect(await savePaperSurveyDraft(asWorker(caseworkerA), caseId, 6, { income_activity: 'irregular' })).toEqual({ saved: 1 });
		const page = await paperSurveyPage(asWorker(caseworkerA), caseId, 6);
		expect(page.saved).toEqual({ income_activity: 'irregular' });
		expect(page.round).toMatchObject({ status: 'not_sent', savedAnswers: 1 });
		// nothing half done counts in the statistics
		expect(await surveyStatistics(asAnyone())).toEqual(statisticsBefore);
		// the returnee's export holds the saved answers, without a date of answer or scores
		const exported = (await returnPersonalData.export!(app.database.db, returnee.actor)) as { reintegrationCases: { surveys: { round: number; answeredAt: string | null; answers: unknown }[] }[] };
		expect(exported.reintegrationCases[0].surveys.find((survey) => survey.round === 6)).toMatchObject({ answeredAt: null, answers: { income_activity: 'irregular' } });
	});

	it('takes paper answers from the operator’s case worker only; another operator’s gets not found', async () => {
		today = new Date('2027-03-05T10:00:00Z');
		expect(await refusalOf(enterPaperSurvey(asWorker(caseworkerB), caseId, 6, worst))).toBe('not_found');
		expect(await refusalOf(inviteToSurvey(asWorker(caseworkerB), caseId, 6))).toBe('not_found');
		expect(await refusalOf(enterPaperSurvey(asWorker(caseworkerA), caseId, 7, worst))).toBe('not_found');
		const paper = await enterPaperSurvey(asWorker(caseworkerA), caseId, 6, { ...best, income_activity: 'irregular' });
		expect(paper).toMatchObject({ channel: 'paper', enteredBy: caseworkerA.userId, economicScore: 0.9 });
		const rounds = await caseSurveys(app.database.db, { id: caseId, returnDate: '2026-09-01' });
		expect(rounds.map((round) => [round.status, round.channel])).toEqual([
			['answered', 'online'],
			['answered', 'paper'],
			['not_sent', null]
		]);
	});

	it('gives everyone mean scores by round, region and scheme, with groups under 5 answers shown without score', async () => {
		const db = app.database.db;
		const ctxA = asWorker(caseworkerA);
		const [operatorA] = await db.select().from(organisation).where(eq(organisation.slug, 'operateur-sondage-a'));
		const [french] = await db.select().from(assistedReturnScheme).where(eq(assistedReturnScheme.slug, 'dispositif-fr'));
		for (let index = 0; index < 5; index += 1) {
			const person = await aPerson(db, { role: 'member' });
			const opened = await openReintegrationCase(ctxA, {
				personUserId: person.actor.userId,
				operatorOrganisationId: operatorA.id,
				consent: 'on',
				consentPurpose: 'Suivi de la réintégration',
				returnDate: '2026-09-01',
				hostCountry: 'FR',
				schemeId: french.id,
				regionCode: 'MA-01',
				householdSize: '1'
			});
			await enterPaperSurvey(ctxA, opened.id, 3, index % 2 ? best : worst);
		}
		const stats = await surveyStatistics(contextFor(db, await aPerson(db, { role: 'moderator' })));
		expect(stats.answered).toBe(7);
		const three = stats.byRound.find((row) => row.key === '3')!;
		// 6 answers at 3 months: the returnee's (0.983) and five of which two best (1) and three worst (0)
		expect(three.count).toBe(6);
		expect(three.overall).toBeCloseTo((0.983 + 2) / 6, 2);
		expect(stats.byRound.find((row) => row.key === '6')).toMatchObject({ count: 0, overall: null });
		expect(stats.byRegion.find((row) => row.key === 'MA-01')).toMatchObject({ count: 5, overall: 0.4 });
		expect(stats.byRegion.find((row) => row.key === 'MA-06')).toMatchObject({ count: 0, overall: null });
		// a catalogue scheme is counted by its slug, a scheme written by hand as written
		expect(stats.byScheme.find((row) => row.key === 'dispositif-fr')).toMatchObject({ count: 5, overall: 0.4 });
		expect(await surveyStatistics(contextFor(db, null))).toEqual(stats);
	});

	it('gives the returnee their answers and scores in their data export', async () => {
		const exported = (await returnPersonalData.export!(app.database.db, returnee.actor)) as { reintegrationCases: { surveys: { round: number; answers: unknown; scores: { overall: number } }[] }[] };
		expect(exported.reintegrationCases[0].surveys.map((survey) => [survey.round, survey.scores.overall])).toEqual([
			[3, expect.closeTo(0.983, 3)],
			[6, expect.closeTo(0.967, 3)]
		]);
	});

	it('stops with the case: a closed case takes no more invitations or answers', async () => {
		today = new Date('2027-08-25T10:00:00Z');
		await closeReintegrationCase(asWorker(caseworkerA), caseId, { reason: 'plan_completed' });
		expect(await refusalWithReason(inviteToSurvey(asWorker(caseworkerA), caseId, 12))).toBe('conflict:case_closed');
		expect(await refusalWithReason(enterPaperSurvey(asWorker(caseworkerA), caseId, 12, best))).toBe('conflict:case_closed');
	});

	it('e-mails, once a day, the rounds that fell due and were never sent (return:survey-invitations)', async () => {
		const db = app.database.db;
		const [operatorA] = await db.select().from(organisation).where(eq(organisation.slug, 'operateur-sondage-a'));
		const opening = (personUserId: string, returnDate: string) =>
			openReintegrationCase(asWorker(caseworkerA), { personUserId, operatorOrganisationId: operatorA.id, consent: 'on', consentPurpose: 'Suivi de la réintégration', returnDate, hostCountry: 'DE', regionCode: 'MA-04', householdSize: '1' });
		const due = await aPerson(db, { role: 'member', name: 'Rachid Dû' });
		const old = await aPerson(db, { role: 'member', name: 'Latifa Ancienne' });
		const dueCase = await opening(due.actor.userId, '2027-06-01');
		await opening(old.actor.userId, '2026-01-10');
		today = new Date('2027-09-03T06:00:00Z');
		const before = (await app.outbox()).length;
		const out: string[] = [];
		const run = () => runSurveyInvitations({ out: (text) => out.push(text), err: (text) => out.push(text) }, { database: app.database, mailer: app.mailer, now: () => today });
		expect(await run()).toBe(0);
		// Rachid's 3-month round (1 September) is sent; Latifa's rounds are long past (left to her case worker)
		const mails = (await app.outbox()).slice(before).map(readMail);
		expect(mails.filter((mail) => mail.to.includes(due.email))).toHaveLength(1);
		expect(mails.filter((mail) => mail.to.includes(old.email))).toEqual([]);
		// the five cases of the statistics above (back on 1 September 2026) get their 12-month round
		expect(out.join('\n')).toContain(`${mails.length} survey invitations sent`);
		expect(mails.length).toBe(6);
		expect((await caseSurveys(db, { id: dueCase.id, returnDate: '2027-06-01' })).map((round) => round.status)).toEqual(['invited', 'not_sent', 'not_sent']);
		// the next day nothing more
		today = new Date('2027-09-04T06:00:00Z');
		expect(await run()).toBe(0);
		expect((await app.outbox()).length).toBe(before + 6);
	});
});
