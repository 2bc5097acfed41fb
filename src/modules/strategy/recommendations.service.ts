// The recommendations tracker (issue #13, item 6): recommendations of studies and deliverables, with their
// horizon, the body that owns them, a due year and their state, followed to completion (each change with the
// note that explains it), linked to the strategy actions that carry them out and to the library's document
// they come from (`knowledge.document:<slug>`, read through the platform's links: never an import).
// A regional concertation body's decisions and recommendations are followed here too (issue #13, item 5):
// each names its body and, when known, the meeting of the body's workspace it was taken at, and may have a
// due day; the body's secretariat (a grant limited to the body; abroad, also the owners and reporters of the
// country's strategies) records and follows its own body's.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mayReach } from '../../platform/policy/policy.ts';
import { platformDay } from '../../platform/time-zone.ts';
import { workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { linkKindInstalled, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';
import type { Backlink } from '../../platform/kernel/manifest.ts';
import { countryScopes, runsWith } from './concertation-access.ts';
import { recommendationHorizons, recommendationKinds, recommendationStatuses, type RecommendationStatus } from './strategy.model.ts';
import { Translated } from './strategy.schemas.ts';
import { concertationBody, node, recommendation, recommendationAction, recommendationEvent, strategy, type RecommendationRow, type Translated as TranslatedText } from './strategy.table.ts';

/** The kind of record a recommendation's source is (the Knowledge library's documents). */
export const SOURCE_KIND = 'knowledge.document';
const TRACK = 'strategy.track_recommendations';
const SECRETARIAT = 'strategy.concertation_secretariat';
/** A concertation body's workspace key (its meetings are the workspace's). */
export const concertationWorkspaceKey = (slug: string) => `strategy.concertation.${slug}`;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.preprocess(blankToUndefined, z.string().regex(DAY).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)).optional());
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
		actions: z.array(z.uuid()).max(50).default([]),
		kind: z.preprocess(blankToUndefined, z.enum(recommendationKinds).default('recommendation')),
		/** the concertation body it comes from, and the meeting of its workspace */
		concertationBodyId: z.preprocess(blankToUndefined, z.uuid().optional()),
		meetingId: z.preprocess(blankToUndefined, z.uuid().optional()),
		/** a due day (YYYY-MM-DD); the due year is then its year */
		dueOn: day
	})
	// a recommendation says where it comes from: a document, a citation, or the body that took it
	.refine((value) => value.source || value.sourceCitation || value.concertationBodyId, { path: ['sourceCitation'], message: 'field_required' })
	// a day and a different year cannot both be the due date
	.refine((value) => !value.dueOn || !value.dueYear || Number(value.dueOn.slice(0, 4)) === value.dueYear, { path: ['dueYear'], message: 'field_invalid' });
export type RecommendationInput = z.output<typeof RecommendationInput>;

export const FollowUpInput = z
	.object({ status: z.enum(recommendationStatuses), note: optionalText(2000) })
	// done or dropped: say how, or why
	.refine((value) => (value.status !== 'done' && value.status !== 'dropped') || value.note, { path: ['note'], message: 'field_required' });

const textOf = (text: TranslatedText, language: Language) => pickText(text as Record<string, string>, language);

type BodyRef = { id: string; slug: string; country: string };

/**
 * The input's references checked: the source a library document, the owner an organisation, the actions
 * actions, the body a concertation body, the meeting one of that body's and the due day not before it.
 */
async function checked(ctx: RequestContext, data: RecommendationInput) {
	const problems: { path: string; messageKey: string }[] = [];
	let reason: string | undefined;
	let body: BodyRef | null = null;
	if (data.concertationBodyId) {
		[body = null] = await ctx.db.select({ id: concertationBody.id, slug: concertationBody.slug, country: concertationBody.country }).from(concertationBody).where(eq(concertationBody.id, data.concertationBodyId));
		if (!body) problems.push({ path: 'concertationBodyId', messageKey: 'field_choice' });
	}
	if (data.meetingId) {
		const [meeting] = body ? await ctx.db.select({ startsAt: workspaceMeeting.startsAt }).from(workspaceMeeting).where(and(eq(workspaceMeeting.id, data.meetingId), eq(workspaceMeeting.workspace, concertationWorkspaceKey(body.slug)))) : [];
		if (!meeting) problems.push({ path: 'meetingId', messageKey: 'field_choice' });
		// due on the meeting's day at the earliest (its day in Morocco)
		else if (data.dueOn && data.dueOn < platformDay(meeting.startsAt)) {
			problems.push({ path: 'dueOn', messageKey: 'field_invalid' });
			reason = 'due_before_meeting';
		}
	}
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
	if (problems.length) throw new AppError('invalid_input', { fields: problems, extra: reason ? { reason } : undefined });
	return { actions, body };
}

/**
 * Who writes an item: the ministry's trackers; a concertation body's secretariat (abroad, also the owners and
 * reporters of the country's strategies), for its own body's items only.
 */
async function mayWrite(ctx: RequestContext, body: BodyRef | null) {
	return ctx.can(TRACK) || (body !== null && runsWith(ctx, body.slug, await countryScopes(ctx.db, body.country)));
}

/** Refused at once to whoever can write no item at all (before the input is even read). */
function requireSomeRight(ctx: RequestContext) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!mayReach(ctx.actor, TRACK) && !mayReach(ctx.actor, SECRETARIAT)) throw new AppError('forbidden');
}

/** Whether the actor may follow this item up (its page's form): a tracker, or whoever runs its body. */
export async function mayFollowUp(ctx: RequestContext, item: Pick<ShownRecommendation, 'body'>) {
	return mayWrite(ctx, item.body ? { id: item.body.id, slug: item.body.slug, country: item.body.country } : null);
}

/** The checked input as the table's columns (what a correction may change). */
const columnsOf = (data: RecommendationInput) => ({
	text: data.text as TranslatedText,
	originalLanguage: data.originalLanguage,
	horizon: data.horizon,
	ownerOrganisationId: data.ownerOrganisationId ?? null,
	source: data.source ?? null,
	sourceCitation: data.sourceCitation ?? null,
	kind: data.kind,
	concertationBodyId: data.concertationBodyId ?? null,
	meetingId: data.meetingId ?? null,
	dueOn: data.dueOn ?? null,
	dueYear: data.dueOn ? Number(data.dueOn.slice(0, 4)) : (data.dueYear ?? null)
});

const auditView = (row: RecommendationRow, actions: string[]) => ({
	text: row.text,
	horizon: row.horizon,
	ownerOrganisationId: row.ownerOrganisationId,
	dueYear: row.dueYear,
	status: row.status,
	source: row.source,
	sourceCitation: row.sourceCitation,
	kind: row.kind,
	concertationBodyId: row.concertationBodyId,
	meetingId: row.meetingId,
	dueOn: row.dueOn,
	actions
});

/**
 * A new recommendation (or a body's decision) to follow (open), with its first entry in the follow-up:
 * entered by a tracker, or by a concertation body's secretariat for its own body.
 */
export async function createRecommendation(ctx: RequestContext, input: unknown): Promise<RecommendationRow> {
	requireSomeRight(ctx);
	return insertRecommendation(ctx, input, { check: mayWrite });
}

/** The same, the right checked by the caller (the seeds' reference data and the demo have no actor). */
export async function insertRecommendation(ctx: RequestContext, input: unknown, options: { isSample?: boolean; check?: (tx: RequestContext, body: BodyRef | null) => boolean | Promise<boolean> } = {}): Promise<RecommendationRow> {
	const actor = ctx.actor;
	const data = parseOrThrow(RecommendationInput, input);
	return ctx.transaction(async (tx) => {
		const { actions, body } = await checked(tx, data);
		// checked in the transaction (its reads too: a single connection waits for it otherwise)
		if (options.check && !(await options.check(tx, body))) throw new AppError('forbidden');
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
		// the meeting stays when the form does not name one and the body is the same (the tracker's form has no meeting)
		if (!data.meetingId && current.meetingId && data.concertationBodyId === current.concertationBodyId) data.meetingId = current.meetingId;
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
	requireSomeRight(ctx);
	const actor = ctx.actor!;
	const data = parseOrThrow(FollowUpInput, input);
	return ctx.transaction(async (tx) => {
		const current = await rowFor(tx.db, id, true);
		const [body = null] = current.concertationBodyId ? await tx.db.select({ id: concertationBody.id, slug: concertationBody.slug, country: concertationBody.country }).from(concertationBody).where(eq(concertationBody.id, current.concertationBodyId)) : [];
		if (!(await mayWrite(tx, body))) throw new AppError('forbidden');
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
	source: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
	/** a concertation body's slug: its decisions and recommendations */
	body: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()),
	kind: z.preprocess(blankToUndefined, z.enum(recommendationKinds).optional())
});
export type RecommendationFilters = z.output<typeof RecommendationFilters>;

export interface ShownRecommendation {
	id: string;
	text: string;
	textLanguage: string;
	horizon: RecommendationRow['horizon'];
	kind: RecommendationRow['kind'];
	status: RecommendationStatus;
	owner: { id: string; name: string } | null;
	dueYear: number | null;
	/** the due day, when one was set (YYYY-MM-DD) */
	dueOn: string | null;
	/** past its due day (or year) and not done nor dropped */
	late: boolean;
	source: ResolvedLink | null;
	sourceCitation: string | null;
	/** the language the recommendation was entered in (its citation's) */
	originalLanguage: string;
	actions: { id: string; title: string; path: string }[];
	/** the concertation body it comes from (its public page: `/strategy/concertation/<slug>`) */
	body: { id: string; slug: string; name: string; nameLanguage: string; country: string } | null;
	/** the body's meeting it was taken at: its day and title (the meetings held are public on the body's page) */
	meeting: { id: string; startsAt: string; title: string; language: string } | null;
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
	const bodyIds = [...new Set(rows.flatMap((row) => row.concertationBodyId ?? []))];
	const bodies = new Map(
		(bodyIds.length ? await db.select({ id: concertationBody.id, slug: concertationBody.slug, name: concertationBody.name, country: concertationBody.country }).from(concertationBody).where(inArray(concertationBody.id, bodyIds)) : []).map((entry) => {
			const name = textOf(entry.name, language);
			return [entry.id, { id: entry.id, slug: entry.slug, name: name.text, nameLanguage: name.lang, country: entry.country }];
		})
	);
	const meetingIds = [...new Set(rows.flatMap((row) => row.meetingId ?? []))];
	const meetings = new Map(
		(meetingIds.length ? await db.select({ id: workspaceMeeting.id, startsAt: workspaceMeeting.startsAt, title: workspaceMeeting.title, language: workspaceMeeting.language }).from(workspaceMeeting).where(inArray(workspaceMeeting.id, meetingIds)) : []).map(
			(entry) => [entry.id, { ...entry, startsAt: entry.startsAt.toISOString() }]
		)
	);
	const year = now.getUTCFullYear();
	const today = platformDay(now);
	return rows.map((row) => {
		const text = textOf(row.text, language);
		return {
			id: row.id,
			text: text.text,
			textLanguage: text.lang,
			horizon: row.horizon,
			kind: row.kind,
			status: row.status,
			owner: row.ownerOrganisationId ? (owners.get(row.ownerOrganisationId) ?? null) : null,
			dueYear: row.dueYear,
			dueOn: row.dueOn,
			late: (row.dueOn !== null ? row.dueOn < today : row.dueYear !== null && row.dueYear < year) && (row.status === 'open' || row.status === 'in_progress'),
			source: row.source ? (sources.get(row.source) ?? null) : null,
			sourceCitation: row.sourceCitation,
			originalLanguage: row.originalLanguage,
			actions: links.filter((link) => link.recommendationId === row.id).map((link) => ({ id: link.id, title: textOf(link.title, language).text, path: `/strategy/${link.slug}/actions/${link.id}` })),
			body: row.concertationBodyId ? (bodies.get(row.concertationBodyId) ?? null) : null,
			meeting: row.meetingId ? (meetings.get(row.meetingId) ?? null) : null,
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
		filters.source ? eq(recommendation.source, `${SOURCE_KIND}:${filters.source}`) : undefined,
		filters.kind ? eq(recommendation.kind, filters.kind) : undefined,
		filters.body ? sql`${recommendation.concertationBodyId} = (select ${concertationBody.id} from ${concertationBody} where ${concertationBody.slug} = ${filters.body})` : undefined
	);
	const rows = await db
		.select()
		.from(recommendation)
		.where(where)
		.orderBy(asc(recommendation.isSample), sql`array_position(array['short','medium','long'], ${recommendation.horizon})`, asc(recommendation.dueYear), asc(recommendation.dueOn), desc(recommendation.updatedAt))
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

/** The decisions and recommendations taken at a concertation body's meeting (the meeting's page in the body's space). */
export async function recommendationsOfMeeting(db: DbOrTx, meetingId: string, language: Language, now = new Date()) {
	const rows = await db.select().from(recommendation).where(eq(recommendation.meetingId, meetingId)).orderBy(asc(recommendation.createdAt));
	return shown(db, rows, language, now);
}

/** For a library document's page: how many recommendations the tracker follows from it, and where. */
export async function recommendationsLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== SOURCE_KIND) return [];
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(recommendation).where(eq(recommendation.source, value));
	return n ? [{ titleKey: 'strategy.recommendations_of_document', count: n, path: `/strategy/recommendations?source=${encodeURIComponent(link.key)}` }] : [];
}

/** Past its due day, or without one past its due year. */
export const isLate = (now: Date) =>
	or(sql`${recommendation.dueOn} < ${platformDay(now)}::date`, and(isNull(recommendation.dueOn), sql`${recommendation.dueYear} < ${now.getUTCFullYear()}`));

/** For the trackers' space: the recommendations past their due date and not done nor dropped. */
export async function lateRecommendations(db: DbOrTx, now = new Date()): Promise<number> {
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(recommendation)
		.where(and(inArray(recommendation.status, ['open', 'in_progress']), isLate(now)));
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

/** A recommendation as the API gives it: addresses absolute, the body and meeting without internal ids. */
export function recommendationForApi(item: ShownRecommendation, base: string, language: Language) {
	const { source, actions, body, meeting, ...rest } = item;
	return {
		...rest,
		url: `${base}/${language}/strategy/recommendations/${item.id}`,
		source: source ? { link: source.value, title: source.label, url: `${base}/${language}${source.path}` } : null,
		actions: actions.map((action) => ({ id: action.id, title: action.title, url: `${base}/${language}${action.path}` })),
		body: body ? { slug: body.slug, name: body.name, nameLanguage: body.nameLanguage, url: `${base}/${language}/strategy/concertation/${body.slug}` } : null,
		meeting: meeting ? { startsAt: meeting.startsAt, title: meeting.title, language: meeting.language } : null
	};
}
