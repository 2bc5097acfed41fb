// The recommendations tracker (issue #13, item 6): recommendations of studies and deliverables, with their
// horizon, the body that owns them, a due year and their state, followed to completion (each change with the
// note that explains it), linked to the strategy actions that carry them out and to the library's document
// they come from (`knowledge.document:<slug>`, read through the platform's links: never an import).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { linkKindInstalled, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';
import type { Backlink } from '../../platform/kernel/manifest.ts';
import { recommendationHorizons, recommendationStatuses, type RecommendationStatus } from './strategy.model.ts';
import { Translated } from './strategy.schemas.ts';
import { node, recommendation, recommendationAction, recommendationEvent, strategy, type RecommendationRow, type Translated as TranslatedText } from './strategy.table.ts';

/** The kind of record a recommendation's source is (the Knowledge library's documents). */
export const SOURCE_KIND = 'knowledge.document';
const TRACK = 'strategy.track_recommendations';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const RecommendationInput = z
	.object({
		text: Translated.refine((value) => Object.values(value).some(Boolean), { message: 'field_required', path: ['fr'] }),
		originalLanguage: z.enum(['fr', 'ar', 'en']).default('fr'),
		horizon: z.enum(recommendationHorizons),
		ownerOrganisationId: z.preprocess(blankToUndefined, z.uuid().optional()),
		dueYear: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
		source: z.preprocess(blankToUndefined, z.string().trim().max(300).optional()),
		sourceCitation: optionalText(500),
		actions: z.array(z.uuid()).max(50).default([])
	})
	// a recommendation says where it comes from
	.refine((value) => value.source || value.sourceCitation, { path: ['sourceCitation'], message: 'field_required' });
export type RecommendationInput = z.output<typeof RecommendationInput>;

export const FollowUpInput = z
	.object({ status: z.enum(recommendationStatuses), note: optionalText(2000) })
	// done or dropped: say how, or why
	.refine((value) => (value.status !== 'done' && value.status !== 'dropped') || value.note, { path: ['note'], message: 'field_required' });

const textOf = (text: TranslatedText, language: Language) => pickText(text as Record<string, string>, language);

/** The input's references checked: the source a library document, the owner an organisation, the actions actions. */
async function checked(ctx: RequestContext, data: RecommendationInput) {
	const problems: { path: string; messageKey: string }[] = [];
	if (data.source && (parseLink(data.source)?.kind !== SOURCE_KIND || !linkKindInstalled(SOURCE_KIND) || (await unknownLinks(ctx.db, [data.source], ctx.language)).length)) {
		problems.push({ path: 'source', messageKey: 'field_choice' });
	}
	if (data.ownerOrganisationId && !(await ctx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, data.ownerOrganisationId))).length) {
		problems.push({ path: 'ownerOrganisationId', messageKey: 'field_choice' });
	}
	const actions = [...new Set(data.actions)];
	if (actions.length) {
		const found = await ctx.db.select({ id: node.id }).from(node).where(and(inArray(node.id, actions), eq(node.kind, 'action')));
		if (found.length !== actions.length) problems.push({ path: 'actions', messageKey: 'field_choice' });
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { actions };
}

/** The checked input as the table's columns (what a correction may change). */
const columnsOf = (data: RecommendationInput) => ({
	text: data.text as TranslatedText,
	originalLanguage: data.originalLanguage,
	horizon: data.horizon,
	ownerOrganisationId: data.ownerOrganisationId ?? null,
	dueYear: data.dueYear ?? null,
	source: data.source ?? null,
	sourceCitation: data.sourceCitation ?? null
});

const auditView = (row: RecommendationRow, actions: string[]) => ({
	text: row.text,
	horizon: row.horizon,
	ownerOrganisationId: row.ownerOrganisationId,
	dueYear: row.dueYear,
	status: row.status,
	source: row.source,
	sourceCitation: row.sourceCitation,
	actions
});

/** A new recommendation to follow (open), with its first entry in the follow-up. */
export async function createRecommendation(ctx: RequestContext, input: unknown): Promise<RecommendationRow> {
	ctx.require(TRACK);
	return insertRecommendation(ctx, input);
}

/** The same, the right checked by the caller (the seeds' reference data and the demo have no actor). */
export async function insertRecommendation(ctx: RequestContext, input: unknown, options: { isSample?: boolean } = {}): Promise<RecommendationRow> {
	const actor = ctx.actor;
	const data = parseOrThrow(RecommendationInput, input);
	return ctx.transaction(async (tx) => {
		const { actions } = await checked(tx, data);
		const [row] = await tx.db
			.insert(recommendation)
			.values({
				...columnsOf(data),
				createdBy: actor?.userId ?? null,
				isSample: options.isSample ?? false,
				createdAt: tx.now(),
				updatedAt: tx.now()
			})
			.returning();
		if (actions.length) await tx.db.insert(recommendationAction).values(actions.map((nodeId) => ({ recommendationId: row.id, nodeId })));
		await tx.db.insert(recommendationEvent).values({ recommendationId: row.id, status: 'open', actorId: actor?.userId ?? null, at: tx.now() });
		await recordAudit(tx.db, tx.audit, { action: 'strategy_recommendation.create', resourceType: 'strategy_recommendation', resourceId: row.id, after: auditView(row, actions) });
		return row;
	});
}

/** Corrects a recommendation's text, horizon, owner, due year, source or actions (its state moves by follow-up only). */
export async function updateRecommendation(ctx: RequestContext, id: string, input: unknown): Promise<RecommendationRow> {
	ctx.require(TRACK);
	const data = parseOrThrow(RecommendationInput, input);
	return ctx.transaction(async (tx) => {
		const current = await rowFor(tx.db, id, true);
		const before = (await tx.db.select({ nodeId: recommendationAction.nodeId }).from(recommendationAction).where(eq(recommendationAction.recommendationId, id))).map((entry) => entry.nodeId);
		const { actions } = await checked(tx, data);
		const [row] = await tx.db
			.update(recommendation)
			.set({ ...columnsOf(data), updatedAt: tx.now() })
			.where(eq(recommendation.id, id))
			.returning();
		await tx.db.delete(recommendationAction).where(eq(recommendationAction.recommendationId, id));
		if (actions.length) await tx.db.insert(recommendationAction).values(actions.map((nodeId) => ({ recommendationId: id, nodeId })));
		await recordAudit(tx.db, tx.audit, { action: 'strategy_recommendation.update', resourceType: 'strategy_recommendation', resourceId: id, before: auditView(current, before), after: auditView(row, actions) });
		return row;
	});
}

/**
 * Follows a recommendation up: a new state, or a note on the same state (what moved). Done or dropped needs
 * the note (how it was done, why it was dropped); the same state without a note changes nothing and is refused.
 */
export async function followUpRecommendation(ctx: RequestContext, id: string, input: unknown): Promise<RecommendationRow> {
	const actor = ctx.require(TRACK);
	const data = parseOrThrow(FollowUpInput, input);
	return ctx.transaction(async (tx) => {
		const current = await rowFor(tx.db, id, true);
		if (current.status === data.status && !data.note) throw new AppError('conflict', { extra: { reason: 'recommendation_unchanged' } });
		const [row] = await tx.db.update(recommendation).set({ status: data.status, updatedAt: tx.now() }).where(eq(recommendation.id, id)).returning();
		await tx.db.insert(recommendationEvent).values({ recommendationId: id, status: data.status, note: data.note ?? null, noteLanguage: data.note ? tx.language : null, actorId: actor.userId, at: tx.now() });
		await recordAudit(tx.db, tx.audit, {
			action: 'strategy_recommendation.follow_up',
			resourceType: 'strategy_recommendation',
			resourceId: id,
			before: { status: current.status },
			after: { status: row.status, note: data.note ?? null }
		});
		return row;
	});
}

async function rowFor(db: DbOrTx, id: string, lock = false): Promise<RecommendationRow> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
	const query = db.select().from(recommendation).where(eq(recommendation.id, id));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

export const RecommendationFilters = z.object({
	status: z.preprocess(blankToUndefined, z.enum(recommendationStatuses).optional()),
	horizon: z.preprocess(blankToUndefined, z.enum(recommendationHorizons).optional()),
	owner: z.preprocess(blankToUndefined, z.uuid().optional()),
	/** a library document's slug */
	source: z.preprocess(blankToUndefined, z.string().trim().max(200).optional())
});
export type RecommendationFilters = z.output<typeof RecommendationFilters>;

export interface ShownRecommendation {
	id: string;
	text: string;
	textLanguage: string;
	horizon: RecommendationRow['horizon'];
	status: RecommendationStatus;
	owner: { id: string; name: string } | null;
	dueYear: number | null;
	/** due and not done nor dropped */
	late: boolean;
	source: ResolvedLink | null;
	sourceCitation: string | null;
	/** the language the recommendation was entered in (its citation's) */
	originalLanguage: string;
	actions: { id: string; title: string; path: string }[];
	isSample: boolean;
	updatedAt: string;
}

/** Recommendations as the pages and the API show them: owner named, source resolved, actions with their page. */
async function shown(db: DbOrTx, rows: RecommendationRow[], language: Language, now: Date): Promise<ShownRecommendation[]> {
	if (!rows.length) return [];
	const ids = rows.map((row) => row.id);
	const owners = new Map(
		(await db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, rows.flatMap((row) => row.ownerOrganisationId ?? [])))).map((entry) => [entry.id, entry])
	);
	const links = await db
		.select({ recommendationId: recommendationAction.recommendationId, id: node.id, title: node.title, slug: strategy.slug })
		.from(recommendationAction)
		.innerJoin(node, eq(node.id, recommendationAction.nodeId))
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(inArray(recommendationAction.recommendationId, ids), eq(strategy.published, true)))
		.orderBy(asc(strategy.slug), asc(node.position));
	const sources = new Map((await resolveLinks(db, [...new Set(rows.flatMap((row) => row.source ?? []))], language)).map((link) => [link.value, link]));
	const year = now.getUTCFullYear();
	return rows.map((row) => {
		const text = textOf(row.text, language);
		return {
			id: row.id,
			text: text.text,
			textLanguage: text.lang,
			horizon: row.horizon,
			status: row.status,
			owner: row.ownerOrganisationId ? (owners.get(row.ownerOrganisationId) ?? null) : null,
			dueYear: row.dueYear,
			late: row.dueYear !== null && row.dueYear < year && (row.status === 'open' || row.status === 'in_progress'),
			source: row.source ? (sources.get(row.source) ?? null) : null,
			sourceCitation: row.sourceCitation,
			originalLanguage: row.originalLanguage,
			actions: links.filter((link) => link.recommendationId === row.id).map((link) => ({ id: link.id, title: textOf(link.title, language).text, path: `/strategy/${link.slug}/actions/${link.id}` })),
			isSample: row.isSample,
			updatedAt: row.updatedAt.toISOString()
		};
	});
}

/** The tracker: recommendations by the filters (real before samples, the most urgent horizon first), and the counts by horizon and state. */
export async function listRecommendations(db: DbOrTx, filters: RecommendationFilters, language: Language, now = new Date()) {
	const where = and(
		filters.status ? eq(recommendation.status, filters.status) : undefined,
		filters.horizon ? eq(recommendation.horizon, filters.horizon) : undefined,
		filters.owner ? eq(recommendation.ownerOrganisationId, filters.owner) : undefined,
		filters.source ? eq(recommendation.source, `${SOURCE_KIND}:${filters.source}`) : undefined
	);
	const rows = await db
		.select()
		.from(recommendation)
		.where(where)
		.orderBy(asc(recommendation.isSample), sql`array_position(array['short','medium','long'], ${recommendation.horizon})`, asc(recommendation.dueYear), desc(recommendation.updatedAt))
		.limit(1000);
	const counts = await db
		.select({ horizon: recommendation.horizon, status: recommendation.status, n: sql<number>`count(*)::int` })
		.from(recommendation)
		.groupBy(recommendation.horizon, recommendation.status);
	return { items: await shown(db, rows, language, now), counts };
}

/** One recommendation with its follow-up (newest first: the state, the note, when; never who — the ministry speaks). */
export async function recommendationDetail(db: DbOrTx, id: string, language: Language, now = new Date()) {
	const row = await rowFor(db, id);
	const [item] = await shown(db, [row], language, now);
	const history = await db
		.select({ status: recommendationEvent.status, note: recommendationEvent.note, noteLanguage: recommendationEvent.noteLanguage, at: recommendationEvent.at })
		.from(recommendationEvent)
		.where(eq(recommendationEvent.recommendationId, id))
		.orderBy(desc(recommendationEvent.at));
	const actions = (await db.select({ nodeId: recommendationAction.nodeId }).from(recommendationAction).where(eq(recommendationAction.recommendationId, id))).map((entry) => entry.nodeId);
	return { item, row: { ...row, actions }, history: history.map((entry) => ({ ...entry, at: entry.at.toISOString() })) };
}

/** The recommendations an action carries out (the action's page). */
export async function recommendationsOfAction(db: DbOrTx, nodeId: string, language: Language) {
	const rows = await db
		.select({ row: recommendation })
		.from(recommendationAction)
		.innerJoin(recommendation, eq(recommendation.id, recommendationAction.recommendationId))
		.where(eq(recommendationAction.nodeId, nodeId))
		.orderBy(asc(recommendation.horizon));
	return shown(db, rows.map((entry) => entry.row), language, new Date());
}

/**
 * The recommendations carried out by a strategy's actions (those of `actionIds` only, when given: a region's),
 * the most urgent horizon first (the annual report).
 */
export async function recommendationsOfStrategy(db: DbOrTx, strategyId: string, language: Language, only: { actionIds?: string[] } = {}, now = new Date()) {
	if (only.actionIds && !only.actionIds.length) return [];
	const ids = await db
		.selectDistinct({ id: recommendationAction.recommendationId })
		.from(recommendationAction)
		.innerJoin(node, eq(node.id, recommendationAction.nodeId))
		.where(and(eq(node.strategyId, strategyId), only.actionIds ? inArray(node.id, only.actionIds) : undefined));
	if (!ids.length) return [];
	const rows = await db
		.select()
		.from(recommendation)
		.where(inArray(recommendation.id, ids.map((row) => row.id)))
		.orderBy(asc(recommendation.isSample), sql`array_position(array['short','medium','long'], ${recommendation.horizon})`, asc(recommendation.dueYear), asc(recommendation.createdAt));
	return shown(db, rows, language, now);
}

/** For a library document's page: how many recommendations the tracker follows from it, and where. */
export async function recommendationsLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== SOURCE_KIND) return [];
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(recommendation).where(eq(recommendation.source, value));
	return n ? [{ titleKey: 'strategy.recommendations_of_document', count: n, path: `/strategy/recommendations?source=${encodeURIComponent(link.key)}` }] : [];
}

/** For the trackers' space: the recommendations past their due year and not done nor dropped. */
export async function lateRecommendations(db: DbOrTx, now = new Date()): Promise<number> {
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(recommendation)
		.where(and(inArray(recommendation.status, ['open', 'in_progress']), sql`${recommendation.dueYear} < ${now.getUTCFullYear()}`));
	return n;
}

/** What a person wrote in the tracker, for their data export. */
export async function recommendationDataOf(db: DbOrTx, userId: string) {
	const created = await db.select({ id: recommendation.id, text: recommendation.text, createdAt: recommendation.createdAt }).from(recommendation).where(eq(recommendation.createdBy, userId));
	const followUps = await db
		.select({ recommendation: recommendationEvent.recommendationId, status: recommendationEvent.status, note: recommendationEvent.note, at: recommendationEvent.at })
		.from(recommendationEvent)
		.where(eq(recommendationEvent.actorId, userId));
	return { created, followUps };
}
