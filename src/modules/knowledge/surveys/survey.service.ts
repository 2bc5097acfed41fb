// Surveys of the Knowledge module (issue #14, item 5). Editors build a questionnaire (single and multiple
// choice, scale, free text, required questions, "ask only if" conditions), send personal links to an
// event's participants or to addresses they give, and/or let signed-in members answer on its page; each
// person answers once, between the opening and closing dates. An anonymous survey keeps no account, no link
// and only the day of each answer. Results give, per question, the number of people who answered it beside
// every percentage; public results (once closed, when the editors say so) hide counts under 5.
import crypto from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { hashToken } from '../../../platform/accounts/api-token.service.ts';
import { recordAudit, systemContext, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import { slugify } from '../../../platform/text/slug.ts';
import type { Translated } from '../knowledge.table.ts';
import { event, eventRegistration } from '../events/event.table.ts';
import { moroccoTimeToInstant } from '../events/time.ts';
import { INVITATION_RETENTION_DAYS, MAX_QUESTIONS, PUBLIC_MINIMUM_COUNT, percentagesFit, readPercentages, type QuestionOption } from './survey.model.ts';
import { InvitationInput, QuestionInput, SurveyInput, type QuestionData } from './survey.schemas.ts';
import { survey, surveyAnswer, surveyInvitation, surveyQuestion, surveyRespondent, surveyResponse, type SurveyQuestionRow, type SurveyRow } from './survey.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EDIT = 'knowledge.edit_surveys' as const;
/** Free-text answers listed per question on the results page (the export has them all). */
export const TEXTS_SHOWN = 200;

export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

/** Where a survey stands now: a draft, not open yet, taking answers, or closed. */
export function surveyState(row: Pick<SurveyRow, 'status' | 'opensAt' | 'closesAt'>, now: Date): SurveyState {
	if (row.status === 'draft') return 'draft';
	if (row.opensAt && row.opensAt > now) return 'scheduled';
	if (row.closesAt && row.closesAt <= now) return 'closed';
	return 'open';
}

/** Midnight UTC of the day: what an anonymous survey keeps of when an answer came. */
const dayOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

async function freeSlug(ctx: RequestContext, wanted: string): Promise<string> {
	// the surveys' own pages (/knowledge/surveys/new, …/answer/…) are not surveys
	const taken = new Set(['new', 'answer', ...(await ctx.db.select({ slug: survey.slug }).from(survey)).map((row) => row.slug)]);
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The settings checked: an event that exists (by slug), times in Morocco. */
async function normaliseSettings(ctx: RequestContext, input: unknown) {
	const data = parseOrThrow(SurveyInput, input);
	let eventId: string | null = null;
	if (data.event) {
		const [found] = await ctx.db.select({ id: event.id }).from(event).where(eq(event.slug, data.event));
		if (!found) throw new AppError('invalid_input', { fields: [{ path: 'event', messageKey: 'field_choice' }] });
		eventId = found.id;
	}
	return {
		title: data.title as Translated,
		intro: data.intro as Translated,
		eventId,
		status: data.status,
		anonymous: data.anonymous,
		publicLink: data.publicLink,
		resultsPublic: data.resultsPublic,
		opensAt: data.opensAt ? moroccoTimeToInstant(data.opensAt) : null,
		closesAt: data.closesAt ? moroccoTimeToInstant(data.closesAt) : null
	};
}

const auditView = (row: SurveyRow) => ({ slug: row.slug, title: row.title, status: row.status, anonymous: row.anonymous, publicLink: row.publicLink, resultsPublic: row.resultsPublic, opensAt: row.opensAt, closesAt: row.closesAt, eventId: row.eventId });

async function responseCount(db: DbOrTx, surveyId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(surveyResponse).where(eq(surveyResponse.surveyId, surveyId));
	return row.n;
}

export async function createSurvey(ctx: RequestContext, input: unknown) {
	const actor = ctx.require(EDIT);
	return insertSurvey(ctx, input, { createdBy: actor.userId });
}

/** A new survey and its audit event; the caller checked the right (the seeds' reference data has no actor). */
export async function insertSurvey(ctx: RequestContext, input: unknown, options: { isSample?: boolean; slug?: string; createdBy?: string | null; reported?: SurveyRow['reported']; sources?: SurveyRow['sources'] } = {}) {
	return ctx.transaction(async (tx) => {
		const values = await normaliseSettings(tx, input);
		const slug = await freeSlug(tx, options.slug ?? (slugify(values.title.fr ?? values.title.en ?? values.title.ar ?? '') || 'enquete'));
		const [row] = await tx.db
			.insert(survey)
			.values({ ...values, slug, isSample: options.isSample ?? false, createdBy: options.createdBy ?? null, reported: options.reported ?? null, sources: options.sources ?? [], createdAt: tx.now(), updatedAt: tx.now() })
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.create', resourceType: 'knowledge_survey', resourceId: row.id, after: auditView(row) });
		return row;
	});
}

/** New settings. Once answers came, whether the survey is anonymous is kept: the people answered on that promise. */
export async function updateSurvey(ctx: RequestContext, slug: string, input: unknown) {
	ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const current = await lockedSurvey(tx, slug);
		const values = await normaliseSettings(tx, input);
		if (values.anonymous !== current.anonymous && (await responseCount(tx.db, current.id)) > 0) throw new AppError('conflict', { extra: { reason: 'anonymity_fixed' } });
		const [row] = await tx.db.update(survey).set({ ...values, updatedAt: tx.now() }).where(eq(survey.id, current.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.update', resourceType: 'knowledge_survey', resourceId: row.id, before: auditView(current), after: auditView(row) });
		return row;
	});
}

/** The editors close a survey now (its closing date becomes this moment). */
export async function closeSurvey(ctx: RequestContext, slug: string) {
	ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const current = await lockedSurvey(tx, slug);
		if (surveyState(current, tx.now()) !== 'open') throw new AppError('conflict', { extra: { reason: 'survey_not_open' } });
		const [row] = await tx.db.update(survey).set({ closesAt: tx.now(), updatedAt: tx.now() }).where(eq(survey.id, current.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.close', resourceType: 'knowledge_survey', resourceId: row.id, before: { closesAt: current.closesAt }, after: { closesAt: row.closesAt } });
		return row;
	});
}

async function lockedSurvey(ctx: RequestContext, slug: string): Promise<SurveyRow> {
	const [row] = await ctx.db.select().from(survey).where(eq(survey.slug, slug)).for('update');
	if (!row) throw new AppError('not_found');
	return row;
}

/** One survey: a draft only for its editors (anyone else: not found). */
export async function getSurvey(ctx: RequestContext, slug: string): Promise<SurveyRow> {
	const [row] = await ctx.db.select().from(survey).where(eq(survey.slug, slug));
	if (!row || (row.status === 'draft' && !ctx.can(EDIT))) throw new AppError('not_found');
	return row;
}

export async function questionsOf(db: DbOrTx, surveyId: string): Promise<SurveyQuestionRow[]> {
	return db.select().from(surveyQuestion).where(eq(surveyQuestion.surveyId, surveyId)).orderBy(asc(surveyQuestion.position));
}

/** The surveys: editors see every one with its counts; others the published ones. */
export async function listSurveys(ctx: RequestContext) {
	const editor = ctx.can(EDIT);
	const rows = await ctx.db
		.select()
		.from(survey)
		.where(editor ? undefined : eq(survey.status, 'published'))
		.orderBy(sql`${survey.closesAt} desc nulls first`, asc(survey.slug));
	const counts = rows.length
		? await ctx.db
				.select({ surveyId: surveyResponse.surveyId, n: count() })
				.from(surveyResponse)
				.where(inArray(surveyResponse.surveyId, rows.map((row) => row.id)))
				.groupBy(surveyResponse.surveyId)
		: [];
	const eventIds = [...new Set(rows.flatMap((row) => (row.eventId ? [row.eventId] : [])))];
	const events = eventIds.length ? await ctx.db.select({ id: event.id, slug: event.slug, title: event.title }).from(event).where(inArray(event.id, eventIds)) : [];
	return rows.map((row) => ({
		row,
		state: surveyState(row, ctx.now()),
		responses: counts.find((entry) => entry.surveyId === row.id)?.n ?? 0,
		event: events.find((entry) => entry.id === row.eventId) ?? null
	}));
}

/** The event a survey asks about (its slug and title), or null. */
export async function eventOfSurvey(db: DbOrTx, row: Pick<SurveyRow, 'eventId'>) {
	if (!row.eventId) return null;
	const [found] = await db.select({ slug: event.slug, title: event.title }).from(event).where(eq(event.id, row.eventId));
	return found ?? null;
}

/** Whether answers have come (the questions' shape and the anonymity are then fixed). */
export async function hasAnswers(db: DbOrTx, surveyId: string): Promise<boolean> {
	return (await db.select({ id: surveyResponse.id }).from(surveyResponse).where(eq(surveyResponse.surveyId, surveyId)).limit(1)).length > 0;
}

/** How many confirmed participants the survey's event has (the people its links can go to). */
export async function confirmedParticipants(db: DbOrTx, row: Pick<SurveyRow, 'eventId'>): Promise<number> {
	if (!row.eventId) return 0;
	const [found] = await db.select({ n: count() }).from(eventRegistration).where(and(eq(eventRegistration.eventId, row.eventId), eq(eventRegistration.status, 'confirmed')));
	return found.n;
}

/** The published surveys of an event, for its page. */
export async function surveysOfEvent(ctx: RequestContext, eventId: string) {
	const rows = await ctx.db.select().from(survey).where(and(eq(survey.eventId, eventId), eq(survey.status, 'published'))).orderBy(asc(survey.slug));
	return rows.map((row) => ({ slug: row.slug, title: row.title, state: surveyState(row, ctx.now()) }));
}

// ---- questions -------------------------------------------------------------------------------------

/** A question's data checked against the survey: its condition points to an earlier choice question and its options. */
function questionValues(data: QuestionData, earlier: SurveyQuestionRow[], keep: QuestionOption[] = []) {
	const problems: FieldProblem[] = [];
	if (data.kind === 'scale' && data.scaleMin !== undefined && data.scaleMax !== undefined && data.scaleMax <= data.scaleMin) problems.push({ path: 'scaleMax', messageKey: 'field_invalid' });
	if (data.condition) {
		const target = earlier.find((question) => question.id === data.condition!.question);
		if (!target || (target.kind !== 'single' && target.kind !== 'multiple') || !data.condition.values.every((value) => target.options.some((option) => option.value === value)))
			problems.push({ path: 'condition', messageKey: 'field_choice' });
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	const choice = data.kind === 'single' || data.kind === 'multiple';
	// an option keeps its value where it was (answers point to values); new ones take the next free number
	const used = new Set(keep.map((option) => option.value));
	let next = 1;
	const options: QuestionOption[] = choice
		? data.options.map((label, index) => {
				if (keep[index]) return { value: keep[index].value, label: label as Translated };
				while (used.has(`o${next}`)) next++;
				used.add(`o${next}`);
				return { value: `o${next}`, label: label as Translated };
			})
		: [];
	return {
		kind: data.kind,
		label: data.label as Translated,
		help: data.help as Translated,
		required: data.required,
		options,
		scaleMin: data.kind === 'scale' ? data.scaleMin! : null,
		scaleMax: data.kind === 'scale' ? data.scaleMax! : null,
		scaleMinLabel: data.kind === 'scale' ? (data.scaleMinLabel as Translated) : {},
		scaleMaxLabel: data.kind === 'scale' ? (data.scaleMaxLabel as Translated) : {},
		condition: data.condition ?? null
	};
}

async function editableSurvey(tx: RequestContext, slug: string) {
	const row = await lockedSurvey(tx, slug);
	return { row, questions: await questionsOf(tx.db, row.id), answered: (await responseCount(tx.db, row.id)) > 0 };
}

/** Adds a question at the end. Refused once answers came (the answers would not have seen it). */
export async function addQuestion(ctx: RequestContext, slug: string, input: unknown) {
	ctx.require(EDIT);
	const data = parseOrThrow(QuestionInput, input);
	return ctx.transaction(async (tx) => {
		const { row, questions, answered } = await editableSurvey(tx, slug);
		if (answered) throw new AppError('conflict', { extra: { reason: 'survey_has_answers' } });
		if (questions.length >= MAX_QUESTIONS) throw new AppError('conflict', { extra: { reason: 'too_many_questions' } });
		const values = questionValues(data, questions);
		const [question] = await tx.db
			.insert(surveyQuestion)
			.values({ ...values, surveyId: row.id, position: (questions.at(-1)?.position ?? 0) + 1 })
			.returning();
		await tx.db.update(survey).set({ updatedAt: tx.now() }).where(eq(survey.id, row.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.question_add', resourceType: 'knowledge_survey', resourceId: row.id, after: { question: question.id, kind: question.kind, label: question.label } });
		return question;
	});
}

/**
 * Corrects a question. Once answers came only its wording may change (texts, help, option labels, scale
 * labels): its kind, options, scale, condition and whether it is required stay what people answered.
 */
export async function updateQuestion(ctx: RequestContext, slug: string, questionId: string, input: unknown) {
	ctx.require(EDIT);
	const data = parseOrThrow(QuestionInput, input);
	return ctx.transaction(async (tx) => {
		const { row, questions, answered } = await editableSurvey(tx, slug);
		const index = questions.findIndex((question) => question.id === questionId);
		if (index < 0) throw new AppError('not_found');
		const current = questions[index];
		const values = questionValues(data, questions.slice(0, index), current.options);
		if (answered) {
			const sameShape =
				values.kind === current.kind &&
				values.options.length === current.options.length &&
				values.required === current.required &&
				values.scaleMin === current.scaleMin &&
				values.scaleMax === current.scaleMax &&
				JSON.stringify(values.condition) === JSON.stringify(current.condition);
			if (!sameShape) throw new AppError('conflict', { extra: { reason: 'survey_has_answers' } });
		}
		// a later question asking only on an option that no longer exists would never be asked
		const removed = current.options.filter((option) => !values.options.some((kept) => kept.value === option.value)).map((option) => option.value);
		if (removed.length && questions.some((question) => question.condition?.question === current.id && question.condition.values.some((value) => removed.includes(value))))
			throw new AppError('conflict', { extra: { reason: 'question_is_condition' } });
		const [question] = await tx.db.update(surveyQuestion).set(values).where(eq(surveyQuestion.id, current.id)).returning();
		await tx.db.update(survey).set({ updatedAt: tx.now() }).where(eq(survey.id, row.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.question_update', resourceType: 'knowledge_survey', resourceId: row.id, before: { question: current.id, label: current.label, options: current.options }, after: { question: question.id, label: question.label, options: question.options } });
		return question;
	});
}

/** Removes a question (before any answer, and when no later question depends on it). */
export async function removeQuestion(ctx: RequestContext, slug: string, questionId: string) {
	ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const { row, questions, answered } = await editableSurvey(tx, slug);
		const current = questions.find((question) => question.id === questionId);
		if (!current) throw new AppError('not_found');
		if (answered) throw new AppError('conflict', { extra: { reason: 'survey_has_answers' } });
		if (questions.some((question) => question.condition?.question === current.id)) throw new AppError('conflict', { extra: { reason: 'question_is_condition' } });
		await tx.db.delete(surveyQuestion).where(eq(surveyQuestion.id, current.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.question_remove', resourceType: 'knowledge_survey', resourceId: row.id, before: { question: current.id, label: current.label } });
	});
}

/** Moves a question up or down (before any answer; never above the question its condition reads). */
export async function moveQuestion(ctx: RequestContext, slug: string, questionId: string, direction: 'up' | 'down') {
	ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const { row, questions, answered } = await editableSurvey(tx, slug);
		const index = questions.findIndex((question) => question.id === questionId);
		if (index < 0) throw new AppError('not_found');
		if (answered) throw new AppError('conflict', { extra: { reason: 'survey_has_answers' } });
		const other = questions[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		const [first, second] = direction === 'up' ? [other, questions[index]] : [questions[index], other];
		// after the swap `second` comes first: it may not depend on `first`
		if (second.condition?.question === first.id) throw new AppError('conflict', { extra: { reason: 'question_is_condition' } });
		await tx.db.update(surveyQuestion).set({ position: second.position }).where(eq(surveyQuestion.id, first.id));
		await tx.db.update(surveyQuestion).set({ position: first.position }).where(eq(surveyQuestion.id, second.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.question_move', resourceType: 'knowledge_survey', resourceId: row.id, after: { question: questionId, direction } });
	});
}

// ---- personal links ---------------------------------------------------------------------------------

/**
 * Sends personal links by e-mail: to the event's confirmed participants (when asked) and to the addresses
 * given; an address already invited is not sent twice. Answers how many were sent and how many skipped.
 */
export async function inviteToSurvey(ctx: RequestContext, slug: string, raw: unknown) {
	ctx.require(EDIT);
	const input = parseOrThrow(InvitationInput, raw);
	const prepared = await ctx.transaction(async (tx) => {
		const row = await lockedSurvey(tx, slug);
		const state = surveyState(row, tx.now());
		if (state === 'draft' || state === 'closed') throw new AppError('conflict', { extra: { reason: 'survey_not_open' } });
		const people: { email: string; language: string; registrationId: string | null; userId: string | null }[] = [];
		if (input.participants) {
			if (!row.eventId) throw new AppError('conflict', { extra: { reason: 'survey_without_event' } });
			const registrations = await tx.db
				.select()
				.from(eventRegistration)
				.where(and(eq(eventRegistration.eventId, row.eventId), eq(eventRegistration.status, 'confirmed'), isNotNull(eventRegistration.email)));
			for (const registration of registrations) people.push({ email: registration.email!, language: registration.language, registrationId: registration.id, userId: registration.userId });
		}
		for (const email of input.emails) people.push({ email, language: tx.language, registrationId: null, userId: null });
		const already = new Set(
			(await tx.db.select({ email: surveyInvitation.email }).from(surveyInvitation).where(and(eq(surveyInvitation.surveyId, row.id), isNotNull(surveyInvitation.email)))).map((entry) => entry.email!.toLowerCase())
		);
		const toSend: { email: string; language: string; token: string }[] = [];
		for (const person of people) {
			const key = person.email.toLowerCase();
			if (already.has(key)) continue;
			already.add(key);
			const token = crypto.randomBytes(24).toString('base64url');
			await tx.db.insert(surveyInvitation).values({ surveyId: row.id, email: person.email, language: person.language, registrationId: person.registrationId, userId: person.userId, tokenHash: hashToken(token), sentAt: tx.now() });
			toSend.push({ email: person.email, language: person.language, token });
		}
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.invite', resourceType: 'knowledge_survey', resourceId: row.id, after: { sent: toSend.length, skipped: people.length - toSend.length } });
		return { row, toSend, skipped: people.length - toSend.length };
	});
	for (const person of prepared.toSend) {
		const language = person.language as Language;
		await ctx.mailer?.send(
			composeEmail(language, person.email, 'surveys.email_invitation', {
				survey: pickText(prepared.row.title, language).text,
				link: `${ctx.publicUrl}/${language}/knowledge/surveys/answer/${person.token}`,
				closes: prepared.row.closesAt ? new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : language, { dateStyle: 'long', timeZone: 'Africa/Casablanca' }).format(prepared.row.closesAt) : '—'
			})
		);
	}
	return { sent: prepared.toSend.length, skipped: prepared.skipped };
}

/** The personal links' counts: sent and used (no addresses). */
export async function invitationCounts(db: DbOrTx, surveyId: string) {
	const [row] = await db
		.select({ sent: count(), answered: sql<number>`count(${surveyInvitation.answeredAt})::int` })
		.from(surveyInvitation)
		.where(eq(surveyInvitation.surveyId, surveyId));
	return row;
}

// ---- answering --------------------------------------------------------------------------------------

/** Whether a question is asked, given the answers to the earlier ones (its condition, if any). */
export function isAsked(question: Pick<SurveyQuestionRow, 'condition'>, chosen: ReadonlyMap<string, readonly string[]>): boolean {
	if (!question.condition) return true;
	const answer = chosen.get(question.condition.question) ?? [];
	return question.condition.values.some((value) => answer.includes(value));
}

type AnswerValue = { questionId: string; choices: string[] | null; scale: number | null; text: string | null };

/**
 * The form's answers (`q_<question id>`, several values for a multiple choice) checked against the
 * questions: a required question that is asked must be answered; a question not asked is ignored.
 */
export function readAnswers(questions: readonly SurveyQuestionRow[], raw: Record<string, unknown>): AnswerValue[] {
	const problems: FieldProblem[] = [];
	const answers: AnswerValue[] = [];
	const chosen = new Map<string, string[]>();
	const valuesOf = (name: string) => {
		const value = raw[name];
		const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
		return list.map((entry) => String(entry).trim()).filter(Boolean);
	};
	for (const question of questions) {
		if (!isAsked(question, chosen)) continue;
		const field = `q_${question.id}`;
		const given = valuesOf(field);
		if (given.length === 0) {
			if (question.required) problems.push({ path: field, messageKey: 'field_required' });
			continue;
		}
		if (question.kind === 'single' || question.kind === 'multiple') {
			const known = new Set(question.options.map((option) => option.value));
			const picked = [...new Set(given)];
			if (!picked.every((value) => known.has(value)) || (question.kind === 'single' && picked.length > 1)) {
				problems.push({ path: field, messageKey: 'field_choice' });
				continue;
			}
			chosen.set(question.id, picked);
			answers.push({ questionId: question.id, choices: picked, scale: null, text: null });
		} else if (question.kind === 'scale') {
			const point = Number(given[0]);
			if (!Number.isInteger(point) || point < question.scaleMin! || point > question.scaleMax!) {
				problems.push({ path: field, messageKey: 'field_choice' });
				continue;
			}
			answers.push({ questionId: question.id, choices: null, scale: point, text: null });
		} else {
			const text = given.join('\n');
			if (text.length > 5000) {
				problems.push({ path: field, messageKey: 'field_too_long' });
				continue;
			}
			answers.push({ questionId: question.id, choices: null, scale: null, text });
		}
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return answers;
}

/** A survey and its questions as the answering form shows them. */
export type SurveyForm = { row: SurveyRow; questions: SurveyQuestionRow[]; state: SurveyState };

/** The survey behind a personal link, whether the link was used, or null for an unknown (or expired) link. */
export async function invitationByToken(ctx: RequestContext, token: string) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
	const [found] = await ctx.db
		.select({ invitation: surveyInvitation, row: survey })
		.from(surveyInvitation)
		.innerJoin(survey, eq(survey.id, surveyInvitation.surveyId))
		.where(eq(surveyInvitation.tokenHash, hashToken(token)));
	if (!found || found.row.status === 'draft') return null;
	return { row: found.row, questions: await questionsOf(ctx.db, found.row.id), state: surveyState(found.row, ctx.now()), answered: found.invitation.answeredAt !== null };
}

async function storeResponse(tx: RequestContext, row: SurveyRow, answers: AnswerValue[], who: { invitationId: string | null; userId: string | null }) {
	const at = row.anonymous ? dayOf(tx.now()) : tx.now();
	const [response] = await tx.db
		.insert(surveyResponse)
		.values({ surveyId: row.id, submittedAt: at, userId: row.anonymous ? null : who.userId, invitationId: row.anonymous ? null : who.invitationId })
		.returning({ id: surveyResponse.id });
	if (answers.length) await tx.db.insert(surveyAnswer).values(answers.map((answer) => ({ ...answer, responseId: response.id, surveyId: row.id })));
	if (who.userId) await tx.db.insert(surveyRespondent).values({ surveyId: row.id, userId: who.userId, answeredOn: dayOf(tx.now()) }).onConflictDoNothing();
	// the trail says that an answer came, never which (an anonymous survey's answer is not tied to anyone)
	await recordAudit(tx.db, tx.audit, { action: 'knowledge_survey.answer', resourceType: 'knowledge_survey', resourceId: row.id, after: { answers: answers.length } });
}

/** Answers through a personal link: once, while the survey is open. */
export async function answerByToken(ctx: RequestContext, token: string, raw: Record<string, unknown>) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const [invitation] = await tx.db.select().from(surveyInvitation).where(eq(surveyInvitation.tokenHash, hashToken(token))).for('update');
		if (!invitation) throw new AppError('not_found');
		const [row] = await tx.db.select().from(survey).where(eq(survey.id, invitation.surveyId));
		if (row.status === 'draft') throw new AppError('not_found');
		if (invitation.answeredAt) throw new AppError('conflict', { extra: { reason: 'already_answered' } });
		if (surveyState(row, tx.now()) !== 'open') throw new AppError('conflict', { extra: { reason: 'survey_not_open' } });
		const signedInUser = tx.actor?.userId ?? invitation.userId;
		if (signedInUser) {
			const [done] = await tx.db.select().from(surveyRespondent).where(and(eq(surveyRespondent.surveyId, row.id), eq(surveyRespondent.userId, signedInUser)));
			if (done) throw new AppError('conflict', { extra: { reason: 'already_answered' } });
		}
		const answers = readAnswers(await questionsOf(tx.db, row.id), raw);
		await tx.db
			.update(surveyInvitation)
			.set({ answeredAt: row.anonymous ? dayOf(tx.now()) : tx.now() })
			.where(eq(surveyInvitation.id, invitation.id));
		await storeResponse(tx, row, answers, { invitationId: invitation.id, userId: signedInUser });
		return { slug: row.slug };
	});
}

/** Whether the signed-in person already answered this survey (on its page or through their link). */
export async function hasAnswered(ctx: RequestContext, row: SurveyRow): Promise<boolean> {
	if (!ctx.actor) return false;
	const [done] = await ctx.db.select().from(surveyRespondent).where(and(eq(surveyRespondent.surveyId, row.id), eq(surveyRespondent.userId, ctx.actor.userId)));
	return Boolean(done);
}

/** A signed-in member answers on the survey's page (when the survey takes answers there): once per account. */
export async function answerAsMember(ctx: RequestContext, slug: string, raw: Record<string, unknown>) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const userId = ctx.actor.userId;
	return ctx.transaction(async (tx) => {
		const row = await lockedSurvey(tx, slug);
		if (row.status === 'draft') throw new AppError('not_found');
		if (!row.publicLink) throw new AppError('conflict', { extra: { reason: 'survey_by_invitation' } });
		if (surveyState(row, tx.now()) !== 'open') throw new AppError('conflict', { extra: { reason: 'survey_not_open' } });
		const [done] = await tx.db.select().from(surveyRespondent).where(and(eq(surveyRespondent.surveyId, row.id), eq(surveyRespondent.userId, userId)));
		if (done) throw new AppError('conflict', { extra: { reason: 'already_answered' } });
		const answers = readAnswers(await questionsOf(tx.db, row.id), raw);
		// their personal link, if they had one, is used up too
		const [invitation] = await tx.db
			.update(surveyInvitation)
			.set({ answeredAt: row.anonymous ? dayOf(tx.now()) : tx.now() })
			.where(and(eq(surveyInvitation.surveyId, row.id), eq(surveyInvitation.userId, userId), isNull(surveyInvitation.answeredAt)))
			.returning({ id: surveyInvitation.id });
		await storeResponse(tx, row, answers, { invitationId: invitation?.id ?? null, userId });
		return { slug: row.slug };
	});
}

// ---- results ----------------------------------------------------------------------------------------

/** Who may read the results: the editors always; anyone once the survey is closed, when they are public. */
export function resultsReadable(ctx: RequestContext, row: SurveyRow): 'editor' | 'public' | null {
	if (ctx.can(EDIT)) return 'editor';
	return row.status === 'published' && row.resultsPublic && surveyState(row, ctx.now()) === 'closed' ? 'public' : null;
}

/**
 * The results per question: how many people answered it (the base of its percentages), the count and
 * percentage of each option (multiple choice: of the people who answered, so they may add up to more than
 * 100 %), a scale's distribution and mean, the free-text answers (editors only). Public results show no
 * count under 5 (nor its percentage). A survey held only as a report's figures gives them, read for
 * consistency. Counted in one grouped pass over the answers, whatever their number (no cache).
 */
export async function surveyResults(ctx: RequestContext, slug: string) {
	const row = await getSurvey(ctx, slug);
	const audience = resultsReadable(ctx, row);
	if (!audience) throw new AppError('not_found');
	const questions = await questionsOf(ctx.db, row.id);
	// one pass over the answers: the people per question and distinct answer (a choice's set of options, a
	// point of the scale, or a text), expanded here; distinct answers are few whatever the number of people
	const [groups, totals, invitations] = await Promise.all([
		ctx.db
			.select({ questionId: surveyAnswer.questionId, choices: surveyAnswer.choices, scale: surveyAnswer.scale, n: count() })
			.from(surveyAnswer)
			.where(eq(surveyAnswer.surveyId, row.id))
			.groupBy(surveyAnswer.questionId, surveyAnswer.choices, surveyAnswer.scale),
		responseCount(ctx.db, row.id),
		invitationCounts(ctx.db, row.id)
	]);
	const tally = new Map<string, { respondents: number; values: Map<string, number>; points: number; pointsSum: number }>();
	for (const group of groups) {
		const entry = tally.get(group.questionId) ?? { respondents: 0, values: new Map<string, number>(), points: 0, pointsSum: 0 };
		entry.respondents += group.n;
		for (const value of new Set(group.choices ?? [])) entry.values.set(value, (entry.values.get(value) ?? 0) + group.n);
		if (group.scale !== null) {
			entry.values.set(String(group.scale), (entry.values.get(String(group.scale)) ?? 0) + group.n);
			entry.points += group.n;
			entry.pointsSum += group.scale * group.n;
		}
		tally.set(group.questionId, entry);
	}
	// the first free texts of each question in order of arrival (all of them are in the export)
	const texts: { question_id: string; text: string }[] =
		audience === 'editor' && questions.some((question) => question.kind === 'text')
			? rowsOf(
					await ctx.db.execute(sql`
						select question_id, text from (
							select a.question_id, a.text, row_number() over (partition by a.question_id order by r.submitted_at, r.id) as position
							from ${surveyAnswer} a join ${surveyResponse} r on r.id = a.response_id
							where a.survey_id = ${row.id} and a.text is not null
						) listed
						where position <= ${TEXTS_SHOWN}
						order by question_id, position`)
				)
			: [];
	const hide = (n: number) => audience === 'public' && n > 0 && n < PUBLIC_MINIMUM_COUNT;
	const percent = (n: number, base: number) => (base > 0 ? Math.round((n / base) * 1000) / 10 : 0);
	return {
		row,
		audience,
		state: surveyState(row, ctx.now()),
		responses: totals,
		invited: invitations.sent,
		invitationsAnswered: invitations.answered,
		questions: questions.map((question) => {
			const counted = tally.get(question.id);
			const base = counted?.respondents ?? 0;
			const countOf = (value: string) => counted?.values.get(value) ?? 0;
			const choices: { value: string; label: Translated }[] =
				question.kind === 'scale'
					? Array.from({ length: question.scaleMax! - question.scaleMin! + 1 }, (_, index) => {
							const point = String(question.scaleMin! + index);
							return { value: point, label: { fr: point, ar: point, en: point } };
						})
					: question.options;
			const printed = question.reported?.percentages.map((entry) => entry.percent) ?? [];
			const reported = question.reported
				? {
						...question.reported,
						...readPercentages(printed),
						// whether they can be of the complete answers the report counts (annex 3.3: 48; they cannot)
						fitCompleteAnswers: row.reported?.completeAnswers ? percentagesFit(printed, row.reported.completeAnswers) : null
					}
				: null;
			return {
				question,
				respondents: hide(base) ? null : base,
				options: choices.map((choice) => {
					const n = countOf(choice.value);
					return hide(n) || hide(base) ? { ...choice, count: null, percent: null } : { ...choice, count: n, percent: percent(n, base) };
				}),
				mean: question.kind === 'scale' && counted && counted.points > 0 && !hide(base) ? Math.round((counted.pointsSum / counted.points) * 100) / 100 : null,
				texts: texts.filter((entry) => entry.question_id === question.id).map((entry) => entry.text),
				reported
			};
		}),
		reported: row.reported
	};
}

/**
 * The raw answers, one row per person, one column per question (choices by their label in `language`),
 * for the editors' CSV and XLSX. Not anonymous surveys add who answered (their account's e-mail or the link's).
 */
export async function responseTable(ctx: RequestContext, slug: string, language: Language, header: { response: string; submitted: string; respondent: string }) {
	ctx.require(EDIT);
	const row = await getSurvey(ctx, slug);
	const questions = await questionsOf(ctx.db, row.id);
	const responses = await ctx.db
		.select({ id: surveyResponse.id, submittedAt: surveyResponse.submittedAt, email: sql<string | null>`coalesce((select email from "user" where id = ${surveyResponse.userId}), ${surveyInvitation.email})` })
		.from(surveyResponse)
		.leftJoin(surveyInvitation, eq(surveyInvitation.id, surveyResponse.invitationId))
		.where(eq(surveyResponse.surveyId, row.id))
		.orderBy(asc(surveyResponse.submittedAt), asc(surveyResponse.id));
	const answers = await ctx.db.select().from(surveyAnswer).where(eq(surveyAnswer.surveyId, row.id));
	const byResponse = new Map<string, Map<string, (typeof answers)[number]>>();
	for (const answer of answers) {
		if (!byResponse.has(answer.responseId)) byResponse.set(answer.responseId, new Map());
		byResponse.get(answer.responseId)!.set(answer.questionId, answer);
	}
	if (!row.anonymous) await recordAudit(ctx.db, ctx.audit, { action: 'knowledge_survey.export', resourceType: 'knowledge_survey', resourceId: row.id, after: { responses: responses.length } });
	const label = (question: SurveyQuestionRow, value: string) => pickText(question.options.find((option) => option.value === value)?.label ?? {}, language).text || value;
	const rows: string[][] = [
		[header.response, header.submitted, ...(row.anonymous ? [] : [header.respondent]), ...questions.map((question, index) => `${index + 1}. ${pickText(question.label, language).text}`)]
	];
	responses.forEach((response, index) => {
		const given = byResponse.get(response.id) ?? new Map();
		rows.push([
			String(index + 1),
			row.anonymous ? response.submittedAt.toISOString().slice(0, 10) : response.submittedAt.toISOString(),
			...(row.anonymous ? [] : [response.email ?? '']),
			...questions.map((question) => {
				const answer = given.get(question.id);
				if (!answer) return '';
				if (answer.choices) return answer.choices.map((value: string) => label(question, value)).join('; ');
				if (answer.scale !== null) return String(answer.scale);
				return answer.text ?? '';
			})
		]);
	});
	return { row, rows };
}

// ---- retention and personal data ---------------------------------------------------------------------

/** Retention: 90 days after a survey closes, its personal links lose their address and token (counts stay). */
export async function stripClosedInvitations(db: DbOrTx, now: Date, audit: AuditContext = systemContext()): Promise<number> {
	const limit = new Date(now.getTime() - INVITATION_RETENTION_DAYS * 24 * 3600 * 1000);
	return db.transaction(async (tx) => {
		const stripped = await tx
			.update(surveyInvitation)
			.set({ email: null, tokenHash: null, userId: null, registrationId: null })
			.where(and(isNotNull(surveyInvitation.email), sql`${surveyInvitation.surveyId} in (select ${survey.id} from ${survey} where ${survey.closesAt} < ${limit.toISOString()})`))
			.returning({ surveyId: surveyInvitation.surveyId });
		// one event per survey, with the count (never who)
		const counts = new Map<string, number>();
		for (const row of stripped) counts.set(row.surveyId, (counts.get(row.surveyId) ?? 0) + 1);
		for (const [surveyId, count] of counts) {
			await recordAudit(tx, audit, { action: 'knowledge_survey.links_retention', resourceType: 'knowledge_survey', resourceId: surveyId, after: { stripped: count, days: INVITATION_RETENTION_DAYS } });
		}
		return stripped.length;
	});
}

/** What the platform holds of a person in surveys: links sent to them, surveys answered, their answers when not anonymous. */
export async function surveyDataOf(db: DbOrTx, userId: string, email: string) {
	const invitations = await db
		.select({ survey: survey.slug, sentAt: surveyInvitation.sentAt, answeredAt: surveyInvitation.answeredAt })
		.from(surveyInvitation)
		.innerJoin(survey, eq(survey.id, surveyInvitation.surveyId))
		.where(sql`${surveyInvitation.userId} = ${userId} or lower(${surveyInvitation.email}) = ${email.toLowerCase()}`);
	const answered = await db
		.select({ survey: survey.slug, answeredOn: surveyRespondent.answeredOn })
		.from(surveyRespondent)
		.innerJoin(survey, eq(survey.id, surveyRespondent.surveyId))
		.where(eq(surveyRespondent.userId, userId));
	const responses = await db
		.select({ id: surveyResponse.id, survey: survey.slug, submittedAt: surveyResponse.submittedAt })
		.from(surveyResponse)
		.innerJoin(survey, eq(survey.id, surveyResponse.surveyId))
		.where(eq(surveyResponse.userId, userId));
	const answers = responses.length ? await db.select().from(surveyAnswer).where(inArray(surveyAnswer.responseId, responses.map((response) => response.id))) : [];
	return {
		invitations: invitations.map((entry) => ({ survey: entry.survey, sentAt: entry.sentAt.toISOString(), answeredAt: entry.answeredAt?.toISOString() ?? null })),
		answered: answered.map((entry) => ({ survey: entry.survey, answeredOn: entry.answeredOn.toISOString().slice(0, 10) })),
		responses: responses.map((response) => ({
			survey: response.survey,
			submittedAt: response.submittedAt.toISOString(),
			answers: answers.filter((answer) => answer.responseId === response.id).map((answer) => ({ question: answer.questionId, choices: answer.choices, scale: answer.scale, text: answer.text }))
		}))
	};
}

/**
 * A person's account goes: their links lose address and token, the surveys they answered forget them;
 * answers to surveys that were not anonymous stay in the counts but lose who gave them (the free texts go).
 */
export async function eraseSurveyDataOf(db: DbOrTx, userId: string, email: string) {
	await db
		.update(surveyInvitation)
		.set({ email: null, tokenHash: null, userId: null })
		.where(sql`${surveyInvitation.userId} = ${userId} or lower(${surveyInvitation.email}) = ${email.toLowerCase()}`);
	await db.delete(surveyRespondent).where(eq(surveyRespondent.userId, userId));
	const theirs = await db.select({ id: surveyResponse.id }).from(surveyResponse).where(eq(surveyResponse.userId, userId));
	if (theirs.length) {
		const ids = theirs.map((response) => response.id);
		await db.update(surveyAnswer).set({ text: null }).where(and(inArray(surveyAnswer.responseId, ids), isNotNull(surveyAnswer.text)));
		await db.update(surveyResponse).set({ userId: null, invitationId: null }).where(inArray(surveyResponse.id, ids));
	}
	// a text answer emptied is no answer: the row goes, so the question's count stays honest
	await db.delete(surveyAnswer).where(and(isNull(surveyAnswer.text), isNull(surveyAnswer.choices), isNull(surveyAnswer.scale)));
}

// ---- API ---------------------------------------------------------------------------------------------

/** A survey as the API lists it. */
export function surveyForApi(ctx: RequestContext, entry: Awaited<ReturnType<typeof listSurveys>>[number]) {
	const { row, state, event: linked } = entry;
	return {
		slug: row.slug,
		title: row.title,
		state,
		anonymous: row.anonymous,
		opensAt: row.opensAt?.toISOString() ?? null,
		closesAt: row.closesAt?.toISOString() ?? null,
		event: linked?.slug ?? null,
		resultsPublic: row.resultsPublic,
		isSample: row.isSample,
		url: `${ctx.publicUrl}/${ctx.language}/knowledge/surveys/${row.slug}`
	};
}

/** The results as the API gives them (the schema `KnowledgeSurveyResults`). */
export function resultsForApi(results: Awaited<ReturnType<typeof surveyResults>>) {
	return {
		slug: results.row.slug,
		title: results.row.title,
		responses: results.responses,
		invited: results.invited,
		questions: results.questions.map((entry) => ({
			id: entry.question.id,
			position: entry.question.position,
			kind: entry.question.kind,
			label: entry.question.label,
			respondents: entry.respondents,
			options: entry.options.map((option) => ({ value: option.value, label: option.label, count: option.count, percent: option.percent })),
			mean: entry.mean,
			texts: entry.texts,
			reported:
				entry.reported && entry.reported.percentages.length
					? { percentages: entry.reported.percentages, sum: entry.reported.sum, addsUp: entry.reported.addsUp, fitsRespondents: entry.reported.respondents }
					: null
		}))
	};
}
