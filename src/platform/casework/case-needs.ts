// The needs of a person's file (ADR 0010): what the team works on with the person — a language course,
// a diploma's recognition, documents to gather —, each with its status (open, in progress, done), a due
// date and a short note. The caseload names its kinds (`Caseload.needs`); staff of the team following the
// person write them (every write audited, the note's text never in the trail); the person sees their own.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { RequestContext } from '../kernel/context.ts';
import { userName } from '../accounts/user-name.ts';
import type { Caseload, CaseNeeds } from './caseload.ts';
import { followedBy, isCaseworkId, requireStaff } from './casework.access.ts';
import { NeedInput, NeedUpdateInput } from './casework.schemas.ts';
import { caseNeed, type CaseNeedRow } from './casework.table.ts';

/** Open needs first, then in progress, then done; within each, the nearest due date first. */
const needOrder = [sql`case ${caseNeed.status} when 'open' then 0 when 'in_progress' then 1 else 2 end`, sql`${caseNeed.dueOn} asc nulls last`, asc(caseNeed.createdAt), asc(caseNeed.id)];

function needView(row: CaseNeedRow) {
	return {
		id: row.id,
		kind: row.kind,
		status: row.status,
		dueOn: row.dueOn,
		note: row.note,
		by: row.byLabel,
		isSample: row.isSample,
		updatedAt: row.updatedAt.toISOString()
	};
}
export type CaseNeed = ReturnType<typeof needView>;

function needsOf(caseload: Caseload): CaseNeeds {
	if (!caseload.needs) throw new AppError('not_found');
	return caseload.needs;
}

/** The needs one team keeps for a person (the file's page); none when the caseload keeps no needs. */
export async function needsOfFile(db: DbOrTx, caseload: Caseload, personId: string, teamId: string): Promise<CaseNeed[]> {
	if (!caseload.needs) return [];
	const rows = await db
		.select()
		.from(caseNeed)
		.where(and(eq(caseNeed.caseload, caseload.key), eq(caseNeed.personUserId, personId), eq(caseNeed.teamId, teamId)))
		.orderBy(...needOrder);
	return rows.map(needView);
}

/** A staff member of the team following the person adds a need; a kind outside the caseload's list is a field error. */
export async function addCaseNeed(ctx: RequestContext, caseload: Caseload, personId: string, raw: unknown) {
	const needs = needsOf(caseload);
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const input = parseOrThrow(NeedInput, raw);
	if (!needs.kinds.includes(input.kind)) throw new AppError('invalid_input', { fields: [{ path: 'kind', messageKey: 'field_choice' }] });
	const byLabel = await userName(ctx.db, actor.userId);
	const now = ctx.now();
	return ctx.transaction(async ({ db, audit }) => {
		const [row] = await db
			.insert(caseNeed)
			.values({ caseload: caseload.key, teamId: team.teamId, personUserId: personId, kind: input.kind, dueOn: input.dueOn ?? null, note: input.note, byUserId: actor.userId, byLabel, createdAt: now, updatedAt: now })
			.returning();
		await recordAudit(db, audit, {
			action: `${needs.audit}.create`,
			resourceType: needs.audit,
			resourceId: row.id,
			after: { personId, teamId: team.teamId, kind: row.kind, status: row.status, dueOn: row.dueOn, fields: row.note ? ['note'] : [] }
		});
		return row;
	});
}

/** A need moves on (status, due date, note); another file's need is not found. Unchanged, nothing is written. */
export async function updateCaseNeed(ctx: RequestContext, caseload: Caseload, personId: string, needId: string, raw: unknown) {
	const needs = needsOf(caseload);
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const input = parseOrThrow(NeedUpdateInput, raw);
	if (!isCaseworkId(needId)) throw new AppError('not_found');
	const byLabel = await userName(ctx.db, actor.userId);
	return ctx.transaction(async ({ db, audit }) => {
		const [before] = await db
			.select()
			.from(caseNeed)
			.where(and(eq(caseNeed.id, needId), eq(caseNeed.caseload, caseload.key), eq(caseNeed.personUserId, personId), eq(caseNeed.teamId, team.teamId)))
			.for('update');
		if (!before) throw new AppError('not_found');
		const dueOn = input.dueOn ?? null;
		if (before.status === input.status && before.dueOn === dueOn && before.note === input.note) return before;
		const [after] = await db
			.update(caseNeed)
			.set({ status: input.status, dueOn, note: input.note, byUserId: actor.userId, byLabel, updatedAt: ctx.now() })
			.where(eq(caseNeed.id, needId))
			.returning();
		await recordAudit(db, audit, {
			action: `${needs.audit}.update`,
			resourceType: needs.audit,
			resourceId: needId,
			before: { status: before.status, dueOn: before.dueOn },
			after: { status: after.status, dueOn: after.dueOn, fields: before.note === after.note ? [] : ['note'] }
		});
		return after;
	});
}

/** The person's own needs in this caseload, whatever the team. */
export async function myCaseNeeds(ctx: RequestContext, caseload: Caseload): Promise<CaseNeed[]> {
	const actor = ctx.require(caseload.actions.seeOwn);
	if (!caseload.needs) return [];
	const rows = await ctx.db
		.select()
		.from(caseNeed)
		.where(and(eq(caseNeed.caseload, caseload.key), eq(caseNeed.personUserId, actor.userId)))
		.orderBy(...needOrder);
	return rows.map(needView);
}
