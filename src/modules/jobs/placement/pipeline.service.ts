// The candidate pipeline of a campaign (issue 10, item 4): staff list and board views with filters and
// counts per stage and agency (SQL group by, keyset pages), moves of one or many candidates in set-based
// statements with their history and one audit event, CSV export; the candidate's own opportunities; the
// e-mail in each candidate's language when staff announce a stage change.
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { searchWords } from '../../../platform/db/search-words.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import {
	agencyExitStages,
	agencyStages,
	moveProblem,
	nextStage,
	pipelineStages,
	stageIndex,
	stagesOf,
	trackOf,
	type PipelineStage
} from './campaigns.model.ts';
import { CandidateFilter, MoveInput } from './campaigns.schemas.ts';
import { campaignAccess, type CampaignAccess } from './campaigns.service.ts';
import { assignShortlistedToOfferCounsellor } from './mobility.service.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { requirePlacementStaff } from './agency-staff.ts';
import { lastMoveColumn, lastMoveOf } from './last-move.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conditions of a filtered view, within what the person may see. */
function scope(access: CampaignAccess, filter: Pick<CandidateFilter, 'agency' | 'status' | 'stage' | 'q'>, withStage = true): SQL {
	const conditions: (SQL | undefined)[] = [eq(placementCandidate.campaignId, access.campaign.id)];
	if (access.agencyIds) conditions.push(inArray(placementCandidate.agencyId, access.agencyIds));
	if (filter.agency === 'none') conditions.push(isNull(placementCandidate.agencyId));
	else if (filter.agency) conditions.push(eq(placementCandidate.agencyId, filter.agency));
	if (filter.status === 'active') conditions.push(isNull(placementCandidate.exitReason));
	else if (filter.status === 'exited') conditions.push(isNotNull(placementCandidate.exitReason));
	if (withStage && filter.stage) conditions.push(eq(placementCandidate.stage, filter.stage));
	// words of the name or e-mail, each found in the folded text (the platform's search normalisation)
	const words = searchWords(filter.q, 5).map((word) => `%${word.replace(/[%_\\]/g, '')}%`);
	if (words.length) {
		const text = sql`search_normalise(${user.name} || ' ' || ${user.email})`;
		conditions.push(sql`${placementCandidate.userId} in (select ${user.id} from ${user} where ${and(...words.map((word) => sql`${text} like search_normalise(${word})`))})`);
	}
	return and(...conditions)!;
}

const candidateColumns = {
	id: placementCandidate.id,
	name: user.name,
	email: user.email,
	agencyId: placementCandidate.agencyId,
	agencyName: agency.name,
	stage: placementCandidate.stage,
	stageOn: placementCandidate.stageOn,
	exitReason: placementCandidate.exitReason,
	eligibleNextSeason: placementCandidate.eligibleNextSeason,
	stageChangedAt: placementCandidate.stageChangedAt
};

/** A staff read of people's names and e-mails, in the audit trail (what was read, not the rows). */
async function auditRead(ctx: RequestContext, access: CampaignAccess, what: string, filter: Record<string, unknown>, count: number) {
	await recordAudit(ctx.db, ctx.audit, { action: `placement_candidate.${what}`, resourceType: 'placement_campaign', resourceId: access.campaign.id, after: { filter, count } });
}

/** One page of the list (keyset on id: `after` is the last id of the page before), audited. */
export async function listCandidates(ctx: RequestContext, access: CampaignAccess, raw: unknown, options: { withLastMoves?: boolean } = {}) {
	const filter = parseOrThrow(CandidateFilter, raw);
	const rows = await ctx.db
		.select({ ...candidateColumns, lastMove: options.withLastMoves ? lastMoveColumn(sql`${placementCandidate}.id`) : sql<null>`null` })
		.from(placementCandidate)
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.where(and(scope(access, filter), filter.after ? gt(placementCandidate.id, filter.after) : undefined))
		.orderBy(asc(placementCandidate.id))
		.limit(filter.limit + 1);
	const page = rows.slice(0, filter.limit);
	const items = page.map(({ lastMove: _lastMove, ...item }) => item);
	// each row's last move, read with it when asked: the corrections the page offers need no second query
	const lastMoves = options.withLastMoves ? new Map(page.map((row) => [row.id, lastMoveOf(row.lastMove)])) : undefined;
	await auditRead(ctx, access, 'list', { stage: filter.stage ?? null, agency: filter.agency ?? null, status: filter.status, q: filter.q ?? null, after: filter.after ?? null }, items.length);
	return { items, next: rows.length > filter.limit ? items[items.length - 1].id : null, filter, lastMoves };
}
export type CandidateRow = Awaited<ReturnType<typeof listCandidates>>['items'][number];

/**
 * Counts per stage and per agency of the filtered view (the stage filter left aside, so every column of
 * the board keeps its count): one group by over the campaign's index.
 */
export async function pipelineCounts(ctx: RequestContext, access: CampaignAccess, raw: unknown) {
	const filter = parseOrThrow(CandidateFilter, raw);
	const rows = await ctx.db
		.select({ stage: placementCandidate.stage, agencyId: placementCandidate.agencyId, n: sql<number>`count(*)::int` })
		.from(placementCandidate)
		.where(scope(access, filter, false))
		.groupBy(placementCandidate.stage, placementCandidate.agencyId);
	const byStage = Object.fromEntries(pipelineStages.map((stage) => [stage, 0])) as Record<PipelineStage, number>;
	const byAgency = new Map<string | null, number>();
	const cells = new Map<string, number>();
	let total = 0;
	for (const row of rows) {
		byStage[row.stage] += row.n;
		byAgency.set(row.agencyId, (byAgency.get(row.agencyId) ?? 0) + row.n);
		cells.set(`${row.stage}|${row.agencyId ?? ''}`, row.n);
		total += row.n;
	}
	return { byStage, byAgency, cells, total };
}
export type PipelineCounts = Awaited<ReturnType<typeof pipelineCounts>>;

/** The board: for each stage of the campaign's track, its first `perStage` people (one query, a lateral join per stage), audited. */
export async function pipelineBoard(ctx: RequestContext, access: CampaignAccess, raw: unknown, perStage = 8) {
	const filter = parseOrThrow(CandidateFilter, raw);
	const stages = stagesOf(trackOf(access.campaign.channel)).filter((stage) => !filter.stage || stage === filter.stage);
	const result = (await ctx.db.execute(sql`
		select s.stage, c.id, c.agency_id as "agencyId", c.stage_on as "stageOn", c.exit_reason as "exitReason", u.name, ${lastMoveColumn(sql`c.id`)} as "lastMove"
		from unnest(${`{${stages.join(',')}}`}::text[]) with ordinality as s(stage, n)
		cross join lateral (
			select ${placementCandidate.id}, ${placementCandidate.userId}, ${placementCandidate.agencyId}, ${placementCandidate.stageOn}, ${placementCandidate.exitReason}
			from ${placementCandidate}
			where ${scope(access, filter, false)} and ${placementCandidate.stage} = s.stage
			order by ${placementCandidate.id}
			limit ${perStage}
		) c
		join ${user} u on u.id = c.user_id
		order by s.n, c.id`)) as unknown as {
		rows: { stage: PipelineStage; id: string; agencyId: string | null; stageOn: string | Date | null; exitReason: string | null; name: string; lastMove: Parameters<typeof lastMoveOf>[0] }[];
	};
	const columns = stages.map((stage) => ({
		stage,
		cards: result.rows
			.filter((row) => row.stage === stage)
			.map(({ lastMove: _lastMove, ...row }) => ({ ...row, stageOn: row.stageOn instanceof Date ? row.stageOn.toISOString().slice(0, 10) : row.stageOn }))
	}));
	await auditRead(ctx, access, 'board', { agency: filter.agency ?? null, status: filter.status }, result.rows.length);
	return { columns, lastMoves: new Map(result.rows.map((row) => [row.id, lastMoveOf(row.lastMove)])) };
}

/** Every row of the filtered view for the CSV export (audited). */
export async function candidatesForExport(ctx: RequestContext, access: CampaignAccess, raw: unknown) {
	const filter = parseOrThrow(CandidateFilter, raw);
	const rows = await ctx.db
		.select(candidateColumns)
		.from(placementCandidate)
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.where(scope(access, filter))
		.orderBy(asc(placementCandidate.id));
	await auditRead(ctx, access, 'export', { stage: filter.stage ?? null, agency: filter.agency ?? null, status: filter.status }, rows.length);
	return rows;
}

/**
 * The agencies whose share of the campaign the people `entering` (per agency) would overfill: the people
 * still in at the preselection or further count, those who left gave their place back.
 */
export async function quotaProblems(db: DbOrTx, campaignId: string, entering: Map<string, number>, path: string): Promise<FieldProblem[]> {
	if (!entering.size) return [];
	const agencies = [...entering.keys()];
	// one after the other: a transaction's queries share one connection
	const quotas = await db
		.select({ agencyId: agency.id, positions: placementCampaignQuota.positions, name: agency.name })
		.from(agency)
		.leftJoin(placementCampaignQuota, and(eq(placementCampaignQuota.agencyId, agency.id), eq(placementCampaignQuota.campaignId, campaignId)))
		.where(inArray(agency.id, agencies));
	const current = await db
		.select({ agencyId: placementCandidate.agencyId, n: sql<number>`count(*)::int` })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaignId), inArray(placementCandidate.agencyId, agencies), isNull(placementCandidate.exitReason), sql`${placementCandidate.stage} <> 'registered'`))
		.groupBy(placementCandidate.agencyId);
	const problems: FieldProblem[] = [];
	for (const quota of quotas) {
		const positions = quota.positions ?? 0;
		const used = current.find((row) => row.agencyId === quota.agencyId)?.n ?? 0;
		const count = entering.get(quota.agencyId) ?? 0;
		if (used + count > positions) problems.push({ path, messageKey: 'field_quota_full', values: { agency: quota.name, available: Math.max(0, positions - used), count } });
	}
	return problems;
}

/** A stage's name in a language ('exited' included). */
export const stageLabel = (language: Parameters<typeof translate>[0], stage: string) => translate(language, `campaigns.stage_${stage}`);

/**
 * Moves candidates of a campaign to a stage, or out of it with a reason: forward only, never past a
 * mandatory step, within the campaign's track; agency staff only preselect (within their agency's quota)
 * or take out their own agency's people before the partner's shortlist. Every problem is refused at once
 * (nothing moves). The moves are two set-based statements (history, then rows) and one audit event naming
 * the batch; the candidates are e-mailed, in their language, after the commit when staff announce it.
 */
export async function moveCandidates(ctx: RequestContext, campaignId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(MoveInput, raw);
	const ids = [...new Set(input.candidateIds)];
	const language = ctx.language;
	if (input.to === 'exited' && !input.exitReason) throw new AppError('invalid_input', { fields: [{ path: 'exitReason', messageKey: 'field_required' }] });
	if (input.to === 'interview' && !input.eventOn) throw new AppError('invalid_input', { fields: [{ path: 'eventOn', messageKey: 'field_required' }] });
	const now = ctx.now();
	const eventOn = input.eventOn ?? platformDay(now);
	const batchId = crypto.randomUUID();
	const moved = await ctx.transaction(async (tx) => {
		const access = await campaignAccess(tx, campaignId);
		if (access.campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		const track = trackOf(access.campaign.channel);
		const staffOfAgency = access.agencyIds !== null;
		if (staffOfAgency && input.to !== 'exited' && !agencyStages.includes(input.to)) {
			throw new AppError('invalid_input', { fields: [{ path: 'to', messageKey: 'field_stage_division', values: { to: stageLabel(language, input.to) } }] });
		}
		const rows = await tx.db
			.select({ id: placementCandidate.id, stage: placementCandidate.stage, agencyId: placementCandidate.agencyId, exitReason: placementCandidate.exitReason, userId: placementCandidate.userId })
			.from(placementCandidate)
			.where(and(eq(placementCandidate.campaignId, campaignId), inArray(placementCandidate.id, ids)))
			.orderBy(asc(placementCandidate.id))
			.for('update');
		// someone of another campaign, or of another agency, is out of reach: as if not there
		if (rows.length !== ids.length || (access.agencyIds && rows.some((row) => !row.agencyId || !access.agencyIds!.includes(row.agencyId)))) throw new AppError('not_found');

		const problems: FieldProblem[] = [];
		const exited = rows.filter((row) => row.exitReason !== null).length;
		if (exited) problems.push({ path: 'candidateIds', messageKey: 'field_stage_exited', values: { count: exited } });
		const byStage = new Map<PipelineStage, number>();
		for (const row of rows) if (row.exitReason === null) byStage.set(row.stage, (byStage.get(row.stage) ?? 0) + 1);
		for (const [from, count] of byStage) {
			if (input.to === 'exited') {
				if (staffOfAgency && !agencyExitStages.includes(from)) problems.push({ path: 'to', messageKey: 'field_stage_division', values: { to: stageLabel(language, 'exited') } });
				continue;
			}
			const problem = moveProblem(from, input.to, track);
			if (problem) {
				problems.push({
					path: 'to',
					messageKey: `field_${problem}`,
					values: { count, from: stageLabel(language, from), to: stageLabel(language, input.to), missing: stageLabel(language, nextStage(from, track) ?? from) }
				});
			}
		}
		// each agency preselects up to its share (people who left give their place back)
		if (input.to !== 'exited' && stageIndex(input.to) >= stageIndex('preselected')) {
			const entering = new Map<string, number>();
			for (const row of rows) if (row.stage === 'registered' && row.agencyId && row.exitReason === null) entering.set(row.agencyId, (entering.get(row.agencyId) ?? 0) + 1);
			problems.push(...(await quotaProblems(tx.db, campaignId, entering, 'candidateIds')));
		}
		if (problems.length) throw new AppError('invalid_input', { fields: problems });

		const idList = `{${ids.join(',')}}`;
		await tx.db.execute(sql`
			insert into ${placementCandidateMove} (candidate_id, from_stage, to_stage, exit_reason, event_on, announced, batch_id, by_user_id, at)
			select c.id, c.stage, ${input.to}, ${input.to === 'exited' ? input.exitReason : null}, ${eventOn}::date, ${input.announce}, ${batchId}::uuid, ${actor.userId}, ${now.toISOString()}::timestamptz
			from ${placementCandidate} c
			where c.id = any(${idList}::uuid[])`);
		await tx.db
			.update(placementCandidate)
			.set(
				input.to === 'exited'
					? { exitReason: input.exitReason, exitedAt: now, stageChangedAt: now }
					: { stage: input.to, stageOn: eventOn, stageChangedAt: now, ...(input.to === 'returned' ? { eligibleNextSeason: input.eligibleNextSeason } : {}) }
			)
			.where(sql`${placementCandidate.id} = any(${idList}::uuid[])`);
		// shortlisted for a qualified offer: its own mobility counsellor follows them (when nobody does yet)
		if (input.to === 'shortlisted') await assignShortlistedToOfferCounsellor(tx.db, tx.audit, campaignId, rows.map((row) => row.userId), now);
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_candidate.move',
			resourceType: 'placement_campaign',
			resourceId: campaignId,
			before: { stages: Object.fromEntries(byStage) },
			after: { to: input.to, exitReason: input.to === 'exited' ? input.exitReason : null, eventOn, announce: input.announce, batchId, count: rows.length, candidateIds: ids }
		});
		return { count: rows.length, campaign: access.campaign, userIds: rows.map((row) => row.userId) };
	});

	let announced = 0;
	if (input.announce && moved.userIds.length) {
		const people = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(inArray(user.id, moved.userIds));
		const campaign = moved.campaign;
		for (const person of people) {
			const sent = await mailRecipient(
				ctx,
				person,
				input.to === 'exited' ? 'campaigns.email_exit' : 'campaigns.email_stage',
				(lang) => ({
					campaign: campaign.title,
					stage: stageLabel(lang, input.to),
					reason: input.exitReason ? translate(lang, `campaigns.exit_${input.exitReason}`) : '',
					// what the stage reached means and what comes next: the same words as the candidate's page
					next: input.to === 'exited' ? translate(lang, 'campaigns.next_none') : translate(lang, `campaigns.next_${input.to}`)
				}),
				'/jobs/placement/mine'
			);
			if (sent) announced++;
		}
	}
	return { moved: moved.count, batchId, announced };
}

/**
 * Tells people, after the commit, that a change of staff's (attendance at an orientation session, a return)
 * moved them to `to`: the same e-mail as an announced move (`campaigns.email_stage`), each in their language.
 * Answers how many went.
 */
export async function announceStage(ctx: RequestContext, userIds: string[], campaignTitle: string, to: PipelineStage): Promise<number> {
	if (!userIds.length || !ctx.mailer) return 0;
	const people = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(inArray(user.id, userIds));
	let sent = 0;
	for (const person of people) {
		const values = (lang: Language) => ({ campaign: campaignTitle, stage: stageLabel(lang, to), reason: '', next: translate(lang, `campaigns.next_${to}`) });
		if (await mailRecipient(ctx, person, 'campaigns.email_stage', values, '/jobs/placement/mine')) sent++;
	}
	return sent;
}

/** One candidate of a campaign with every move (who, when), for staff: audited. */
export async function candidateDetail(ctx: RequestContext, campaignId: string, candidateId: string) {
	const access = await campaignAccess(ctx, campaignId);
	if (!UUID.test(candidateId)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select(candidateColumns)
		.from(placementCandidate)
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.where(and(eq(placementCandidate.id, candidateId), scope(access, { status: 'all' })));
	if (!row) throw new AppError('not_found');
	const history = await ctx.db
		.select({
			id: placementCandidateMove.id,
			fromStage: placementCandidateMove.fromStage,
			toStage: placementCandidateMove.toStage,
			exitReason: placementCandidateMove.exitReason,
			eventOn: placementCandidateMove.eventOn,
			announced: placementCandidateMove.announced,
			by: user.name,
			at: placementCandidateMove.at,
			correctsMoveId: placementCandidateMove.correctsMoveId,
			reason: placementCandidateMove.reason
		})
		.from(placementCandidateMove)
		.leftJoin(user, eq(user.id, placementCandidateMove.byUserId))
		.where(eq(placementCandidateMove.candidateId, candidateId))
		.orderBy(asc(placementCandidateMove.at), asc(placementCandidateMove.id));
	await recordAudit(ctx.db, ctx.audit, { action: 'placement_candidate.read', resourceType: 'placement_candidate', resourceId: candidateId, after: { campaignId } });
	return { access, candidate: row, history };
}

/** The candidate's own opportunities: each campaign they are in, its stage, the next step and the path so far. */
export async function myOpportunities(ctx: RequestContext) {
	const actor = ctx.require('placement.pipeline.own');
	return opportunitiesOf(ctx.db, actor.userId);
}

async function opportunitiesOf(db: DbOrTx, userId: string) {
	const rows = await db
		.select({ candidate: placementCandidate, campaign: placementCampaign, agencyName: agency.name })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.where(eq(placementCandidate.userId, userId))
		.orderBy(asc(placementCandidate.createdAt));
	const moves = rows.length
		? await db
				.select({
					candidateId: placementCandidateMove.candidateId,
					toStage: placementCandidateMove.toStage,
					exitReason: placementCandidateMove.exitReason,
					on: placementCandidateMove.eventOn,
					at: placementCandidateMove.at,
					correctsMoveId: placementCandidateMove.correctsMoveId
				})
				.from(placementCandidateMove)
				.where(inArray(placementCandidateMove.candidateId, rows.map((row) => row.candidate.id)))
				.orderBy(asc(placementCandidateMove.at), asc(placementCandidateMove.id))
		: [];
	return rows.map(({ candidate, campaign, agencyName }) => ({
		id: candidate.id,
		campaign: {
			id: campaign.id,
			title: campaign.title,
			lang: campaign.lang,
			hostCountry: campaign.hostCountry,
			hostRegion: campaign.hostRegion,
			channel: campaign.channel,
			seasonStartsOn: campaign.seasonStartsOn,
			seasonEndsOn: campaign.seasonEndsOn
		},
		agency: agencyName,
		stage: candidate.stage,
		stageOn: candidate.stageOn,
		exitReason: candidate.exitReason,
		nextStage: candidate.exitReason ? null : nextStage(candidate.stage, trackOf(campaign.channel)),
		eligibleNextSeason: candidate.eligibleNextSeason,
		// a correction shows as such: the stage it took the person back to (its reason stays with staff)
		history: moves.filter((move) => move.candidateId === candidate.id).map(({ candidateId: _id, correctsMoveId, ...move }) => ({ ...move, correction: correctsMoveId !== null, at: move.at.toISOString() }))
	}));
}
export type Opportunity = Awaited<ReturnType<typeof myOpportunities>>[number];

/** How many opportunities a person is in and still active (my space). */
export async function activeOpportunityCount(db: DbOrTx, userId: string) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(placementCandidate).where(and(eq(placementCandidate.userId, userId), isNull(placementCandidate.exitReason)));
	return row?.n ?? 0;
}

// ---------- personal data ----------

/** The person's pipeline entries with their history (`/api/v1/me/export`). */
export async function exportPipeline(db: DbOrTx, userId: string) {
	return { placementPipeline: await opportunitiesOf(db, userId) };
}

/** Deleting the account removes the person's pipeline entries and their history (the audit trail keeps the moves' counts). */
export async function erasePipeline(tx: DbOrTx, userId: string) {
	const removed = await tx.delete(placementCandidate).where(eq(placementCandidate.userId, userId)).returning({ id: placementCandidate.id });
	return removed.length;
}
