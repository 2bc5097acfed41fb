// Correcting a wrong move in a campaign's pipeline (issue 10, item 4): within a short window, staff take a
// candidate back to the stage their last move found them at, or undo an exit, with a reason. The history
// stays append-only: the correction is a new row naming the move it undoes; one audit event; the candidate
// is told (in their language) when the wrong move had been announced to them.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { CORRECTION_WINDOW_DAYS, correctionOf, stageIndex, type Correction, type CorrectionRecord, type PipelineStage } from './campaigns.model.ts';
import { CorrectionInput } from './campaigns.schemas.ts';
import { campaignAccess, type CampaignAccess } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { placementFollowUp, placementInvitation, placementReturn } from './departure.table.ts';
import { quotaProblems, stageLabel } from './pipeline.service.ts';
import { requirePlacementStaff } from './agency-staff.ts';
import type { LastMove } from './last-move.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A move that counts: neither a correction nor corrected by one. */
const standing = sql`${placementCandidateMove.correctsMoveId} is null and not exists (select 1 from ${placementCandidateMove} k where k.corrects_move_id = ${placementCandidateMove.id})`;

/** Each candidate's last standing move (one query: the latest per candidate). */
async function lastMoves(db: DbOrTx, candidateIds: readonly string[]) {
	if (!candidateIds.length) return new Map<string, LastMove>();
	const rows = await db
		.selectDistinctOn([placementCandidateMove.candidateId], {
			candidateId: placementCandidateMove.candidateId,
			id: placementCandidateMove.id,
			fromStage: placementCandidateMove.fromStage,
			toStage: placementCandidateMove.toStage,
			at: placementCandidateMove.at,
			announced: placementCandidateMove.announced
		})
		.from(placementCandidateMove)
		.where(and(inArray(placementCandidateMove.candidateId, [...candidateIds]), standing))
		.orderBy(asc(placementCandidateMove.candidateId), desc(placementCandidateMove.at), desc(placementCandidateMove.id));
	return new Map(rows.map(({ candidateId, ...row }) => [candidateId, row]));
}

/**
 * Of these candidates (still in), what their current stage stands on: the return or follow-up recorded with
 * the move there (`record`, withdrawn by a correction), or something a correction may not take away
 * (`blocked`: a return next season's invitation went out on; an arrival with "did not return" recorded).
 */
async function recordsAmong(db: DbOrTx, rows: readonly { id: string; stage: PipelineStage }[]) {
	const found = new Map<string, { record: CorrectionRecord | null; blocked: boolean }>();
	const returnable = rows.filter((row) => row.stage === 'returned' || row.stage === 'arrived').map((row) => row.id);
	const followed = rows.filter((row) => row.stage === 'follow_up_3' || row.stage === 'follow_up_12');
	if (returnable.length) {
		const returns = await db
			.select({
				id: placementReturn.candidateId,
				invited: sql<boolean>`exists (select 1 from ${placementInvitation} i where i.from_candidate_id = ${placementReturn.candidateId})`
			})
			.from(placementReturn)
			.where(inArray(placementReturn.candidateId, returnable));
		for (const row of returns) {
			const stage = rows.find((candidate) => candidate.id === row.id)!.stage;
			// "did not return" keeps the person at "arrived": the arrival is what the record stands on
			found.set(row.id, stage === 'returned' ? { record: 'return', blocked: row.invited } : { record: null, blocked: true });
		}
	}
	if (followed.length) {
		const records = await db.select({ id: placementFollowUp.candidateId, months: placementFollowUp.months }).from(placementFollowUp).where(inArray(placementFollowUp.candidateId, followed.map((row) => row.id)));
		for (const row of followed) {
			const months = row.stage === 'follow_up_3' ? 3 : 12;
			if (records.some((record) => record.id === row.id && record.months === months)) found.set(row.id, { record: row.stage as CorrectionRecord, blocked: false });
		}
	}
	return found;
}

/** The correction offered on a page or through the API: what it does, the move it corrects and until when. */
export type CorrectionOffer = Correction & { moveId: string; until: string };

/**
 * The correction each of these candidates (of a page of the list or the board) may get now from the person:
 * back to a stage, or the exit undone. Those without one are left out (the page offers nothing for them).
 */
export async function correctionsFor(
	ctx: RequestContext,
	access: CampaignAccess,
	rows: readonly { id: string; stage: PipelineStage; exitReason: string | null }[],
	/** the rows' last moves when the statement that listed them read them too (`lastMoveColumn`) */
	known?: ReadonlyMap<string, LastMove | null>
) {
	const result = new Map<string, CorrectionOffer>();
	if (access.campaign.status !== 'open' || !rows.length) return result;
	const now = ctx.now();
	const since = new Date(now.getTime() - CORRECTION_WINDOW_DAYS * 86_400_000);
	const last = known ? new Map([...known].filter((entry): entry is [string, LastMove] => entry[1] !== null)) : await lastMoves(ctx.db, rows.map((row) => row.id));
	const recent = rows.filter((row) => (last.get(row.id)?.at ?? since) > since);
	const records = await recordsAmong(ctx.db, recent.filter((row) => row.exitReason === null));
	for (const row of recent) {
		const move = last.get(row.id)!;
		const standing = records.get(row.id);
		const correction = correctionOf(move, row, now, { agencyStaff: access.agencyIds !== null, recorded: standing?.blocked ?? false, record: standing?.record ?? null });
		if (typeof correction !== 'string') result.set(row.id, { ...correction, moveId: move.id, until: new Date(move.at.getTime() + CORRECTION_WINDOW_DAYS * 86_400_000).toISOString() });
	}
	return result;
}

/** Deletes the return or follow-up a corrected move came with; what it recorded (not its note) for the audit trail. */
async function withdrawRecord(db: DbOrTx, candidateId: string, record: CorrectionRecord) {
	if (record === 'return') {
		const [gone] = await db.delete(placementReturn).where(eq(placementReturn.candidateId, candidateId)).returning();
		return gone ? { kind: record, id: gone.id, season: gone.season, outcome: gone.outcome, returnedOn: gone.returnedOn, earlyReason: gone.earlyReason, eligible: gone.eligible, note: gone.note ? 'written' : null } : null;
	}
	const months = record === 'follow_up_3' ? 3 : 12;
	const [gone] = await db
		.delete(placementFollowUp)
		.where(and(eq(placementFollowUp.candidateId, candidateId), eq(placementFollowUp.months, months)))
		.returning();
	return gone ? { kind: record, id: gone.id, months, dueOn: gone.dueOn, doneOn: gone.doneOn, outcome: gone.outcome, note: gone.note ? 'written' : null } : null;
}

/**
 * Corrects a candidate's last move: back to the stage it came from (with that stage's date), or the exit
 * undone — within CORRECTION_WINDOW_DAYS, with a reason; the division for anyone, agency staff for their
 * agency's people and only what they may do themselves. An undone exit takes a place in the agency's share
 * again (refused when full). A move that came with a recorded return or follow-up withdraws that record
 * (the return page and the follow-ups list ask for it again), unless next season's invitation went out on
 * the return. `moveId`, when given, is the move the caller saw offered: another one last is a 409
 * (`correction_stale`), nothing changed. Refused with a localised field error and nothing changed otherwise.
 */
export async function correctMove(ctx: RequestContext, campaignId: string, candidateId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(CorrectionInput, raw);
	if (!UUID.test(candidateId)) throw new AppError('not_found');
	const now = ctx.now();
	const done = await ctx.transaction(async (tx) => {
		const access = await campaignAccess(tx, campaignId);
		if (access.campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		const [candidate] = await tx.db
			.select({ id: placementCandidate.id, userId: placementCandidate.userId, agencyId: placementCandidate.agencyId, stage: placementCandidate.stage, stageOn: placementCandidate.stageOn, exitReason: placementCandidate.exitReason })
			.from(placementCandidate)
			.where(and(eq(placementCandidate.id, candidateId), eq(placementCandidate.campaignId, campaignId)))
			.for('update');
		if (!candidate || (access.agencyIds && (!candidate.agencyId || !access.agencyIds.includes(candidate.agencyId)))) throw new AppError('not_found');
		const history = await tx.db
			.select({ id: placementCandidateMove.id, fromStage: placementCandidateMove.fromStage, toStage: placementCandidateMove.toStage, eventOn: placementCandidateMove.eventOn, at: placementCandidateMove.at, announced: placementCandidateMove.announced, correctsMoveId: placementCandidateMove.correctsMoveId })
			.from(placementCandidateMove)
			.where(eq(placementCandidateMove.candidateId, candidateId))
			.orderBy(desc(placementCandidateMove.at), desc(placementCandidateMove.id));
		const corrected = new Set(history.map((move) => move.correctsMoveId).filter(Boolean));
		const moves = history.filter((move) => move.correctsMoveId === null && !corrected.has(move.id));
		const [last, before] = moves;
		// the move offered is no longer the last one (someone moved or corrected the person meanwhile): nothing is done
		if (input.moveId && last?.id !== input.moveId) throw new AppError('conflict', { extra: { reason: 'correction_stale' } });
		const standing = candidate.exitReason === null ? (await recordsAmong(tx.db, [candidate])).get(candidate.id) : undefined;
		const correction = correctionOf(last ?? null, candidate, now, { agencyStaff: access.agencyIds !== null, recorded: standing?.blocked ?? false, record: standing?.record ?? null });
		const problems: FieldProblem[] = [];
		if (typeof correction === 'string') {
			problems.push({ path: 'reason', messageKey: `field_${correction}`, values: { days: CORRECTION_WINDOW_DAYS } });
		} else if (correction.kind === 'undo_exit' && candidate.agencyId && stageIndex(candidate.stage) >= stageIndex('preselected')) {
			// back in, the person takes a place in the agency's share again
			problems.push(...(await quotaProblems(tx.db, campaignId, new Map([[candidate.agencyId, 1]]), 'reason')));
		}
		if (problems.length || typeof correction === 'string') throw new AppError('invalid_input', { fields: problems });

		const to: PipelineStage = correction.kind === 'back' ? correction.to : candidate.stage;
		// the stage's date as it was: that of the move that brought them there (none for the registration)
		const stageOn = correction.kind === 'back' ? (before && before.toStage === to ? before.eventOn : null) : candidate.stageOn;
		const withdraws = correction.kind === 'back' ? (correction.withdraws ?? null) : null;
		// a recorded return is always announced to the person (an older history row may not say so)
		const announced = last.announced || withdraws === 'return';
		const [row] = await tx.db
			.insert(placementCandidateMove)
			.values({
				candidateId,
				fromStage: correction.kind === 'back' ? candidate.stage : 'exited',
				toStage: to,
				eventOn: stageOn,
				announced,
				batchId: crypto.randomUUID(),
				byUserId: actor.userId,
				at: now,
				correctsMoveId: last.id,
				reason: input.reason
			})
			.returning({ id: placementCandidateMove.id });
		// the return or follow-up recorded with the move goes with it (what it said stays in the audit trail, never its note)
		const withdrawn = withdraws ? await withdrawRecord(tx.db, candidateId, withdraws) : null;
		await tx.db
			.update(placementCandidate)
			.set(correction.kind === 'back' ? { stage: to, stageOn, stageChangedAt: now, ...(withdraws === 'return' ? { eligibleNextSeason: null } : {}) } : { exitReason: null, exitedAt: null, stageChangedAt: now })
			.where(eq(placementCandidate.id, candidateId));
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_candidate.correct',
			resourceType: 'placement_candidate',
			resourceId: candidateId,
			before: { stage: candidate.stage, exitReason: candidate.exitReason, moveId: last.id, ...(withdrawn ? { record: withdrawn } : {}) },
			after: { stage: to, exitReason: null, campaignId, correctionId: row.id, kind: correction.kind, reason: input.reason, withdrew: withdraws }
		});
		return { correction, stage: to, withdrew: withdraws, userId: candidate.userId, announced, campaign: access.campaign };
	});

	// the person was told of the wrong move: they are told of its correction
	let told = false;
	if (done.announced) {
		const [person] = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, done.userId));
		if (person) {
			told = await mailRecipient(
				ctx,
				person,
				'campaigns.email_correction',
				(lang) => ({ campaign: done.campaign.title, stage: stageLabel(lang, done.stage), next: translate(lang, `campaigns.next_${done.stage}`) }),
				'/jobs/placement/mine'
			);
		}
	}
	return { kind: done.correction.kind, stage: done.stage, withdrew: done.withdrew, told };
}
