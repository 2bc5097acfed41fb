// The reintegration sustainability survey (issue 12, item 7): the operator's case worker sends the
// returnee a personal link for a round (3, 6 or 12 months after return) or enters answers given on
// paper; the raw answers are kept and scored (survey.model.ts). A round is answered once: a second
// answer is refused and the first one stays. Fifteen questions can be left half done (a call cut short,
// a tired returnee): the answers given so far are saved, unscored, and both forms start from them.
import crypto from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mailUser } from '../../platform/mail/mail-user.ts';
import { caseOfMine, caseworker, SMALL_COUNT, stillOpen } from './reintegration.ts';
import { SurveyAnswersForm, SurveyDraftForm, SurveyRoundParam } from './return.schemas.ts';
import { reintegrationCase, reintegrationSurvey } from './return.table.ts';
import { assistedReturnScheme } from './schemes/schemes.table.ts';
import { roundDueDate, surveyRounds, surveyScores, type SurveyAnswers, type SurveyRound } from './survey.model.ts';

/** A round's link can be sent from two weeks before it is due. */
const EARLY_DAYS = 14;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function roundOf(raw: unknown): SurveyRound {
	const parsed = SurveyRoundParam.safeParse(raw);
	if (!parsed.success) throw new AppError('not_found');
	return parsed.data as SurveyRound;
}

function scoreColumns(answers: SurveyAnswers) {
	const scores = surveyScores(answers);
	return { economicScore: scores.economic, socialScore: scores.social, psychosocialScore: scores.psychosocial, overallScore: scores.overall };
}

/** The rounds of a case as its pages show them: due date, invited or answered, the scores. */
export async function caseSurveys(db: DbOrTx, theCase: { id: string; returnDate: string }) {
	return roundsOf(theCase, await db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.caseId, theCase.id)));
}

/** A case's three rounds from its survey rows (the rounds never sent have none). */
function roundsOf(theCase: { returnDate: string }, rows: (typeof reintegrationSurvey.$inferSelect)[]) {
	return surveyRounds.map((round) => {
		const row = rows.find((item) => item.round === round);
		return {
			round,
			dueDate: roundDueDate(theCase.returnDate, round),
			status: row?.answeredAt ? ('answered' as const) : row?.invitedAt ? ('invited' as const) : ('not_sent' as const),
			/** answers saved to finish later (none once answered) */
			savedAnswers: row && !row.answeredAt && row.answers ? Object.keys(row.answers).length : 0,
			invitedAt: row?.invitedAt?.toISOString() ?? null,
			answeredAt: row?.answeredAt?.toISOString() ?? null,
			channel: row?.channel ?? null,
			scores: row?.answeredAt
				? { economic: row.economicScore!, social: row.socialScore!, psychosocial: row.psychosocialScore!, overall: row.overallScore! }
				: null
		};
	});
}

/**
 * The case worker sends the returnee the round's personal link by e-mail (again, with a new link, if
 * the first was lost). Refused for a closed case, a round answered already, or one not due within two
 * weeks. Answers whether the e-mail went.
 */
export async function inviteToSurvey(ctx: RequestContext, caseId: string, rawRound: unknown): Promise<{ sent: boolean }> {
	const actor = caseworker(ctx);
	const round = roundOf(rawRound);
	const token = crypto.randomBytes(24).toString('base64url');
	const personId = await ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const due = Date.parse(roundDueDate(row.returnDate, round));
		if (ctx.now().getTime() < due - EARLY_DAYS * 86_400_000) throw new AppError('conflict', { extra: { reason: 'survey_not_due' } });
		const [existing] = await db.select().from(reintegrationSurvey).where(and(eq(reintegrationSurvey.caseId, row.id), eq(reintegrationSurvey.round, round)));
		if (existing?.answeredAt) throw new AppError('conflict', { extra: { reason: 'survey_answered' } });
		const invitation = { tokenHash: hashToken(token), invitedAt: ctx.now(), invitedBy: actor.userId };
		const [saved] = existing
			? await db.update(reintegrationSurvey).set(invitation).where(eq(reintegrationSurvey.id, existing.id)).returning()
			: await db.insert(reintegrationSurvey).values({ caseId: row.id, round, ...invitation }).returning();
		await recordAudit(db, audit, { action: 'return_survey.invite', resourceType: 'return_survey', resourceId: saved.id, after: { caseId: row.id, round } });
		return row.personUserId;
	});
	const sent = await mailUser(ctx, personId, 'return.email_survey', () => ({ months: round }), `/return/survey/${token}`);
	return { sent };
}

/**
 * The daily job (`return:survey-invitations`): every open case whose round is due (today or before,
 * within the round's first 60 days) and was never sent gets its personal link by e-mail, as if its case
 * worker had sent it. Answers how many were sent, and how many could not be e-mailed.
 */
export async function sendDueSurveyInvitations(ctx: RequestContext): Promise<{ sent: number; failed: number }> {
	const today = ctx.now().getTime();
	const open = await ctx.db.select({ id: reintegrationCase.id, returnDate: reintegrationCase.returnDate, personUserId: reintegrationCase.personUserId }).from(reintegrationCase).where(isNull(reintegrationCase.closedAt));
	const existing = open.length
		? await ctx.db
				.select({ caseId: reintegrationSurvey.caseId, round: reintegrationSurvey.round, invitedAt: reintegrationSurvey.invitedAt, answeredAt: reintegrationSurvey.answeredAt })
				.from(reintegrationSurvey)
				.where(inArray(reintegrationSurvey.caseId, open.map((row) => row.id)))
		: [];
	const touched = new Set(existing.filter((row) => row.invitedAt || row.answeredAt).map((row) => `${row.caseId} ${row.round}`));
	let sent = 0;
	let failed = 0;
	for (const theCase of open) {
		for (const round of surveyRounds) {
			const due = Date.parse(roundDueDate(theCase.returnDate, round));
			// a round long past is left to the case worker (the returnee may have moved on)
			if (due > today || today - due > 60 * 86_400_000 || touched.has(`${theCase.id} ${round}`)) continue;
			const token = crypto.randomBytes(24).toString('base64url');
			await ctx.transaction(async ({ db, audit }) => {
				const [saved] = await db
					.insert(reintegrationSurvey)
					.values({ caseId: theCase.id, round, tokenHash: hashToken(token), invitedAt: ctx.now() })
					.onConflictDoUpdate({ target: [reintegrationSurvey.caseId, reintegrationSurvey.round], set: { tokenHash: hashToken(token), invitedAt: ctx.now() } })
					.returning({ id: reintegrationSurvey.id });
				await recordAudit(db, audit, { action: 'return_survey.invite', resourceType: 'return_survey', resourceId: saved.id, after: { caseId: theCase.id, round, automatic: true } });
			});
			if (await mailUser(ctx, theCase.personUserId, 'return.email_survey', () => ({ months: round }), `/return/survey/${token}`)) sent += 1;
			else failed += 1;
		}
	}
	return { sent, failed };
}

/** What the survey's page shows for a personal link: the round and the operator, or null for an unknown link. */
export async function surveyByToken(db: DbOrTx, token: string) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
	const [found] = await db
		.select({ id: reintegrationSurvey.id, round: reintegrationSurvey.round, answeredAt: reintegrationSurvey.answeredAt, answers: reintegrationSurvey.answers, operatorName: organisation.name })
		.from(reintegrationSurvey)
		.innerJoin(reintegrationCase, eq(reintegrationCase.id, reintegrationSurvey.caseId))
		.innerJoin(organisation, eq(organisation.id, reintegrationCase.operatorOrganisationId))
		.where(eq(reintegrationSurvey.tokenHash, hashToken(token)));
	return found
		? { id: found.id, round: found.round as SurveyRound, answered: found.answeredAt !== null, saved: found.answeredAt ? {} : (found.answers ?? {}), operatorName: found.operatorName }
		: null;
}

/** The returnee answers through the personal link (no sign-in: the link is the key). */
export async function answerSurveyByToken(ctx: RequestContext, token: string, raw: unknown) {
	const answers = parseOrThrow(SurveyAnswersForm, raw) as SurveyAnswers;
	return ctx.transaction(async ({ db, audit }) => {
		const found = await surveyByToken(db, token);
		if (!found) throw new AppError('not_found');
		const [row] = await db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.id, found.id)).for('update');
		if (row.answeredAt) throw new AppError('conflict', { extra: { reason: 'survey_answered' } });
		const [after] = await db
			.update(reintegrationSurvey)
			.set({ answers, channel: 'online', answeredAt: ctx.now(), ...scoreColumns(answers) })
			.where(eq(reintegrationSurvey.id, row.id))
			.returning();
		await recordAudit(db, audit, { action: 'return_survey.answer', resourceType: 'return_survey', resourceId: row.id, after: { round: row.round, channel: 'online', overall: after.overallScore } });
		return after;
	});
}

/** The returnee keeps the answers given so far, to finish later through the same link. */
export async function saveSurveyDraftByToken(ctx: RequestContext, token: string, raw: unknown) {
	const answers = parseOrThrow(SurveyDraftForm, raw) as Partial<SurveyAnswers>;
	return ctx.transaction(async ({ db, audit }) => {
		const found = await surveyByToken(db, token);
		if (!found) throw new AppError('not_found');
		const [row] = await db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.id, found.id)).for('update');
		if (row.answeredAt) throw new AppError('conflict', { extra: { reason: 'survey_answered' } });
		await db.update(reintegrationSurvey).set({ answers: answers as SurveyAnswers }).where(eq(reintegrationSurvey.id, row.id));
		// the trail says how far, not what
		await recordAudit(db, audit, { action: 'return_survey.save_draft', resourceType: 'return_survey', resourceId: row.id, after: { round: row.round, channel: 'online', saved: Object.keys(answers).length } });
		return { saved: Object.keys(answers).length };
	});
}

/** The case worker keeps the answers entered so far for a round, to finish the paper form later. */
export async function savePaperSurveyDraft(ctx: RequestContext, caseId: string, rawRound: unknown, raw: unknown) {
	caseworker(ctx);
	const round = roundOf(rawRound);
	const answers = parseOrThrow(SurveyDraftForm, raw) as Partial<SurveyAnswers>;
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const [existing] = await db.select().from(reintegrationSurvey).where(and(eq(reintegrationSurvey.caseId, row.id), eq(reintegrationSurvey.round, round))).for('update');
		if (existing?.answeredAt) throw new AppError('conflict', { extra: { reason: 'survey_answered' } });
		const [saved] = existing
			? await db.update(reintegrationSurvey).set({ answers: answers as SurveyAnswers }).where(eq(reintegrationSurvey.id, existing.id)).returning()
			: await db.insert(reintegrationSurvey).values({ caseId: row.id, round, answers: answers as SurveyAnswers }).returning();
		await recordAudit(db, audit, { action: 'return_survey.save_draft', resourceType: 'return_survey', resourceId: saved.id, after: { caseId: row.id, round, channel: 'paper', saved: Object.keys(answers).length } });
		return { saved: Object.keys(answers).length };
	});
}

/** The case worker enters the answers a returnee gave on paper (or by phone) for a round. */
export async function enterPaperSurvey(ctx: RequestContext, caseId: string, rawRound: unknown, raw: unknown) {
	const actor = caseworker(ctx);
	const round = roundOf(rawRound);
	const answers = parseOrThrow(SurveyAnswersForm, raw) as SurveyAnswers;
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const { row } = await caseOfMine(tx, db, caseId, true);
		stillOpen(row);
		const [existing] = await db.select().from(reintegrationSurvey).where(and(eq(reintegrationSurvey.caseId, row.id), eq(reintegrationSurvey.round, round)));
		if (existing?.answeredAt) throw new AppError('conflict', { extra: { reason: 'survey_answered' } });
		const values = { answers, channel: 'paper' as const, enteredBy: actor.userId, answeredAt: ctx.now(), ...scoreColumns(answers) };
		const [saved] = existing
			? await db.update(reintegrationSurvey).set(values).where(eq(reintegrationSurvey.id, existing.id)).returning()
			: await db.insert(reintegrationSurvey).values({ caseId: row.id, round, ...values }).returning();
		await recordAudit(db, audit, { action: 'return_survey.answer', resourceType: 'return_survey', resourceId: saved.id, after: { caseId: row.id, round, channel: 'paper', overall: saved.overallScore } });
		return saved;
	});
}

/** One round of one of the actor's cases, for the paper form's page (who, when due, whether answered). */
export async function paperSurveyPage(ctx: RequestContext, caseId: string, rawRound: unknown) {
	caseworker(ctx);
	const round = roundOf(rawRound);
	const { row } = await caseOfMine(ctx, ctx.db, caseId);
	const rows = await ctx.db.select().from(reintegrationSurvey).where(eq(reintegrationSurvey.caseId, row.id));
	const saved = rows.find((item) => item.round === round && !item.answeredAt)?.answers ?? {};
	return { caseId: row.id, personId: row.personUserId, closed: row.closedAt !== null, round: roundsOf(row, rows).find((item) => item.round === round)!, saved: saved as Record<string, string> };
}

type Scored = { key: string; count: number; economic: number | null; social: number | null; psychosocial: number | null; overall: number | null };

/**
 * Mean scores (0–1) of the answered rounds across operators, by round (time since return), by region
 * of settlement and by assisted-return scheme (the catalogue's slug, or the scheme as written); a group of fewer than 5 answers shows no score. Public
 * (open data): only means of groups of 5 and more.
 */
export async function surveyStatistics(ctx: Pick<RequestContext, 'db'>, { samples = false }: { samples?: boolean } = {}) {
	// summed by the database in one scan (the whole and each grouping); a score not computed counts as 0
	const round = reintegrationSurvey.round;
	const region = reintegrationCase.regionCode;
	const scheme = sql<string>`coalesce(${assistedReturnScheme.slug}, ${reintegrationCase.scheme}, '')`;
	const total = (score: AnyPgColumn) => sql<number>`coalesce(sum(${score}), 0)::float8`;
	const rows = await ctx.db
		.select({
			round,
			regionCode: region,
			scheme,
			level: sql<number>`grouping(${round}, ${region}, ${scheme})::int`,
			count: sql<number>`count(*)::int`,
			economic: total(reintegrationSurvey.economicScore),
			social: total(reintegrationSurvey.socialScore),
			psychosocial: total(reintegrationSurvey.psychosocialScore),
			overall: total(reintegrationSurvey.overallScore)
		})
		.from(reintegrationSurvey)
		.innerJoin(reintegrationCase, eq(reintegrationCase.id, reintegrationSurvey.caseId))
		.leftJoin(assistedReturnScheme, eq(assistedReturnScheme.id, reintegrationCase.schemeId))
		// the sample cases' rounds only when asked for
		.where(and(isNotNull(reintegrationSurvey.answeredAt), samples ? undefined : eq(reintegrationCase.isSample, false)))
		.groupBy(sql`grouping sets ((), (${round}), (${region}), (${scheme}))`);
	const mean = (sum: number, count: number) => (count < SMALL_COUNT ? null : Math.round((sum / count) * 1000) / 1000);
	// grouping(round, region, scheme): the bit of each column left out, round's the highest
	const groups = (level: number, key: (row: (typeof rows)[number]) => string): Scored[] =>
		rows
			.filter((row) => row.level === level)
			.map((row) => ({
				key: key(row),
				count: row.count < SMALL_COUNT ? 0 : row.count,
				economic: mean(row.economic, row.count),
				social: mean(row.social, row.count),
				psychosocial: mean(row.psychosocial, row.count),
				overall: mean(row.overall, row.count)
			}))
			.sort((a, b) => a.key.localeCompare(b.key));
	const answered = rows.find((row) => row.level === 7)?.count ?? 0;
	return {
		answered: answered < SMALL_COUNT ? 0 : answered,
		byRound: groups(3, (row) => String(row.round)).sort((a, b) => Number(a.key) - Number(b.key)),
		byRegion: groups(5, (row) => row.regionCode!),
		// a catalogue scheme by its slug, another as written, none as ''
		byScheme: groups(6, (row) => row.scheme!)
	};
}

/** The rounds of the returnee's own cases, with their scores (my reintegration). */
export async function mySurveyRounds(db: DbOrTx, cases: readonly { id: string; returnDate: string }[]) {
	const result = new Map<string, ReturnType<typeof roundsOf>>();
	if (cases.length === 0) return result;
	// one query for every case's rounds
	const rows = await db.select().from(reintegrationSurvey).where(inArray(reintegrationSurvey.caseId, cases.map((row) => row.id)));
	for (const theCase of cases) {
		const own = rows.filter((row) => row.caseId === theCase.id);
		if (own.length) result.set(theCase.id, roundsOf(theCase, own));
	}
	return result;
}
