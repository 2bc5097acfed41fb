// Moderation of proposals (ADR 0011): partners propose complete versions of a module's subjects,
// moderators review them field by field and approve (maybe after editing), reject or ask for changes,
// the proposer is told by e-mail and may withdraw; a private discussion thread per subject; drafts kept
// to finish later. The module declares a `ModeratedCollection`; the platform keeps the proposals, their
// decisions, the audit trail and the e-mails.
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisation, user } from '../accounts/accounts.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import type { Language } from '../i18n/languages.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { ErasedData, PersonalTable } from '../kernel/manifest.ts';
import { composeEmail } from '../mail/compose.ts';
import type { Action, Actor } from '../policy/policy.ts';
import { diffVersions, type Change, type DiffField } from './diff.ts';
import type { Notify } from './notify.ts';
import { moderationDraft, moderationMessage, moderationProposal, type ProposalRow, type ProposalStatus } from './moderation.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A published subject as the moderation pages and e-mails name it. */
export interface ModeratedSubject {
	id: string;
	slug: string;
	version: number;
	/** in the collection's first language given (lists, e-mails) */
	title: string;
}

/** What the collection publishes: a proposal approved (maybe edited), or a reviewer's own new subject. */
export interface Publication<Data> {
	/** null when a reviewer publishes a new subject directly */
	proposalId: string | null;
	/** null: a new subject */
	subjectId: string | null;
	data: Data;
	/** the version the publication replaces: another one current by now is a conflict (409, `stale_version`) */
	expectedVersion: number | undefined;
	/** the proposal's author and comment, recorded with the version */
	author: { userId: string | null; organisationId: string | null; comment: string | null };
}

/**
 * A module's subjects under moderation: the Atlas's initiatives today, Talents' missions and Knowledge's
 * documents next. The module validates the data, reads and publishes its subjects, lists the fields
 * compared; the platform does the rest.
 */
export interface ModeratedCollection<Data = unknown, Field extends string = string> {
	/** `<module>.<name>`, stored with each proposal, message and draft */
	key: string;
	actions: {
		/** propose a new subject or a change (a reviewer's new subject is published at once) */
		propose: Action;
		/** review, approve, reject, ask for changes */
		review: Action;
		/** read and write a subject's private discussion */
		discuss: Action;
	};
	/** the audit trail's names, kept from before the platform held moderation */
	audit: {
		/** resource type of proposals and prefix of their events (`.create`, `.approve`, `.edit_approve`, `.reject`, `.request_changes`, `.withdraw`) */
		proposal: string;
		/** the key naming the subject in the proposals' events (e.g. `initiativeId`) */
		subjectKey: string;
		/** resource type of the subject (a discussion message's event is about its subject) */
		subject: string;
		/** prefix of the discussion's events (`.create`) */
		message: string;
		/** prefix of the drafts' events (`.save`, `.delete`) and their resource type */
		draft: string;
		draftResource: string;
	};
	/** the proposed data, validated and in the form versions are compared in (a refusal: `invalid_input`) */
	normalise(ctx: RequestContext, input: unknown): Promise<Data>;
	/** what a change may not alter, taken back from the subject (e.g. its address) */
	keep?(data: Data, subject: ModeratedSubject): Data;
	/** a published subject by id or slug (`lock`: held for update until the transaction ends) */
	find(ctx: RequestContext, idOrSlug: string, options?: { lock?: boolean }): Promise<ModeratedSubject | null>;
	/** the published subjects among `ids` (the proposals' list) */
	subjects(ctx: RequestContext, ids: string[]): Promise<Map<string, ModeratedSubject>>;
	/** one published version's data (null: no such version) */
	version(ctx: RequestContext, subjectId: string, number: number): Promise<unknown | null>;
	/** creates or updates the subject, inside the transaction of the proposal's decision */
	publish(ctx: RequestContext, publication: Publication<Data>): Promise<{ id: string; slug: string; version: number }>;
	title(data: Data): string;
	diff: {
		fields: readonly DiffField<Field>[];
		/** a stored version or proposal as comparable data */
		comparable(value: unknown): Record<string, unknown>;
		/** what a new subject is compared with (default: nothing) */
		blank?(data: Data): unknown;
	};
	/** message namespace of the e-mails: `<namespace>.email_proposal_received|approved|rejected|changes_requested_subject/_body` */
	emails: string;
	/** page addresses for the links in e-mails */
	pages: { review(language: Language, proposalId: string): string; subject(language: Language, slug: string): string; home(language: Language): string };
	drafts: {
		/** the pages a draft may be resumed on (the language left out) */
		resumable: RegExp;
		/** form fields never kept (the buttons that sent the form, the draft's own id) */
		notKept: readonly string[];
		title(values: DraftValues): string | null;
	};
}

// ── E-mails ─────────────────────────────────────────────────────────────────

type Mail = [locale: unknown, to: string, template: string, values: Record<string, string | number>];

async function send(notify: Notify | undefined, namespace: string, mails: Mail[]) {
	if (!notify) return;
	for (const [locale, to, template, values] of mails) {
		try {
			await notify.mailer.send(composeEmail(locale, to, `${namespace}.email_${template}`, values));
		} catch (error) {
			notify.onError?.(error);
		}
	}
}

const languageOf = (locale: string): Language => (locale === 'ar' || locale === 'en' ? locale : 'fr');

/** The moderators; without any, the administrators (someone must hear of a proposal). */
async function moderatorsToTell(db: DbOrTx) {
	const people = (role: string) => db.select({ email: user.email, locale: user.locale }).from(user).where(sql`${user.role} = ${role}`);
	const moderators = await people('moderator');
	return moderators.length ? moderators : people('administrator');
}

async function tellModerators(ctx: RequestContext, collection: ModeratedCollection, notify: Notify | undefined, row: ProposalRow, title: string) {
	if (!notify) return;
	const moderators = await moderatorsToTell(ctx.db);
	await send(
		notify,
		collection.emails,
		moderators.map((person) => [
			person.locale,
			person.email,
			'proposal_received',
			{ title, comment: row.comment ?? '—', link: `${notify.publicUrl}${collection.pages.review(languageOf(person.locale), row.id)}` }
		])
	);
}

const decisionTemplates = { approve: 'proposal_approved', reject: 'proposal_rejected', request_changes: 'proposal_changes_requested' } as const;

async function tellProposer(
	ctx: RequestContext,
	collection: ModeratedCollection,
	notify: Notify | undefined,
	row: ProposalRow,
	decision: keyof typeof decisionTemplates,
	slug: string | null
) {
	if (!notify || !row.proposerUserId) return;
	const [person] = await ctx.db.select({ email: user.email, locale: user.locale }).from(user).where(eq(user.id, row.proposerUserId));
	if (!person) return;
	const language = languageOf(person.locale);
	const link = `${notify.publicUrl}${slug ? collection.pages.subject(language, slug) : collection.pages.home(language)}`;
	await send(notify, collection.emails, [
		[person.locale, person.email, decisionTemplates[decision], { title: collection.title(row.data), reason: row.reviewReason ?? '—', link }]
	]);
}

// ── Proposals ───────────────────────────────────────────────────────────────

function proposalView(row: ProposalRow) {
	return {
		id: row.id,
		subjectId: row.subjectId,
		baseVersion: row.baseVersion,
		status: row.status,
		comment: row.comment,
		reviewReason: row.reviewReason,
		publishedVersion: row.publishedVersion,
		createdAt: row.createdAt.toISOString(),
		reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null
	};
}
export type ProposalView = ReturnType<typeof proposalView>;
export type Published = { id: string; slug: string; version: number };

async function insertProposal(
	ctx: RequestContext,
	collection: ModeratedCollection,
	actor: Actor,
	values: { subjectId: string | null; baseVersion: number | null; data: unknown; comment: string | null },
	check?: (ctx: RequestContext) => Promise<void>
) {
	return ctx.transaction(async (inTx) => {
		await check?.(inTx);
		const [row] = await inTx.db
			.insert(moderationProposal)
			.values({
				collection: collection.key,
				subjectId: values.subjectId,
				baseVersion: values.baseVersion,
				data: values.data,
				comment: values.comment,
				proposerUserId: actor.userId,
				proposerOrganisationId: actor.organisationIds[0] ?? null
			})
			.returning();
		await recordAudit(inTx.db, inTx.audit, {
			action: `${collection.audit.proposal}.create`,
			resourceType: collection.audit.proposal,
			resourceId: row.id,
			after: { [collection.audit.subjectKey]: row.subjectId, baseVersion: row.baseVersion, comment: row.comment, data: row.data }
		});
		return row;
	});
}

/** A new subject: a pending proposal, or — when the actor reviews this collection — published at once. */
export async function proposeNew<Data>(
	ctx: RequestContext,
	collection: ModeratedCollection<Data>,
	input: unknown,
	options: { comment?: string | null; notify?: Notify } = {}
): Promise<{ proposal: ProposalView | null; published: Published | null }> {
	const who = ctx.require(collection.actions.propose);
	const data = await collection.normalise(ctx, input);
	const comment = options.comment?.trim() || null;
	if (ctx.can(collection.actions.review)) {
		const published = await ctx.transaction((inTx) =>
			collection.publish(inTx, {
				proposalId: null,
				subjectId: null,
				data,
				expectedVersion: undefined,
				author: { userId: who.userId, organisationId: who.organisationIds[0] ?? null, comment: options.comment ?? null }
			})
		);
		return { proposal: null, published };
	}
	const row = await insertProposal(ctx, collection, who, { subjectId: null, baseVersion: null, data, comment });
	await tellModerators(ctx, collection, options.notify, row, collection.title(data));
	return { proposal: proposalView(row), published: null };
}

/**
 * A complete new version of a published subject, based on `baseVersion`. A base that is no longer the
 * current version is refused (409, `details.currentVersion`), never applied silently.
 */
export async function proposeChange<Data>(
	ctx: RequestContext,
	collection: ModeratedCollection<Data>,
	idOrSlug: string,
	input: unknown,
	options: { baseVersion: number; comment?: string | null; notify?: Notify }
): Promise<ProposalView> {
	const who = ctx.require(collection.actions.propose);
	const subject = await collection.find(ctx, idOrSlug);
	if (!subject) throw new AppError('not_found');
	const normalised = await collection.normalise(ctx, input);
	const data = collection.keep ? collection.keep(normalised, subject) : normalised;
	const row = await insertProposal(
		ctx,
		collection,
		who,
		{ subjectId: subject.id, baseVersion: options.baseVersion, data, comment: options.comment?.trim() || null },
		async (inTx) => {
			const locked = await collection.find(inTx, subject.id, { lock: true });
			if (!locked) throw new AppError('not_found');
			if (locked.version !== options.baseVersion) throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: locked.version } });
		}
	);
	await tellModerators(ctx, collection, options.notify, row, subject.title);
	return proposalView(row);
}

export interface ProposalListItem extends ProposalView {
	title: string;
	subjectSlug: string | null;
	proposer: string | null;
	proposerOrganisation: string | null;
	currentVersion: number | null;
}

/** What a queue's row shows of a proposal (a collection's own list items may carry more). */
export type QueueItem = Pick<ProposalListItem, 'id' | 'title' | 'status' | 'createdAt' | 'proposer' | 'proposerOrganisation'>;

/** The moderators' queue: one status (pending by default, oldest first) or all (newest first). */
export async function listProposals(
	ctx: RequestContext,
	collection: ModeratedCollection,
	query: { status?: ProposalStatus | 'all'; page?: number; pageSize?: number } = {}
): Promise<{ total: number; page: number; pageSize: number; items: ProposalListItem[] }> {
	ctx.require(collection.actions.review);
	const { db } = ctx;
	const page = query.page ?? 1;
	const pageSize = query.pageSize ?? 20;
	const status = query.status ?? 'pending';
	const where = and(eq(moderationProposal.collection, collection.key), status === 'all' ? undefined : eq(moderationProposal.status, status));
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(moderationProposal).where(where);
	const rows = await db
		.select({ proposal: moderationProposal, proposer: user.name, proposerOrganisation: organisation.name })
		.from(moderationProposal)
		.leftJoin(user, eq(user.id, moderationProposal.proposerUserId))
		.leftJoin(organisation, eq(organisation.id, moderationProposal.proposerOrganisationId))
		.where(where)
		.orderBy(status === 'pending' ? asc(moderationProposal.createdAt) : desc(moderationProposal.createdAt))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const subjects = await collection.subjects(ctx, [...new Set(rows.flatMap((row) => (row.proposal.subjectId ? [row.proposal.subjectId] : [])))]);
	return {
		total,
		page,
		pageSize,
		items: rows.map((row) => {
			const subject = row.proposal.subjectId ? subjects.get(row.proposal.subjectId) : undefined;
			return {
				...proposalView(row.proposal),
				title: collection.title(row.proposal.data) || (subject?.title ?? ''),
				subjectSlug: subject?.slug ?? null,
				proposer: row.proposer,
				proposerOrganisation: row.proposerOrganisation,
				currentVersion: subject?.version ?? null
			};
		})
	};
}

/** A proposal with what it changes: against its base version, and against the current one when it is stale. */
export async function reviewProposal<Data, Field extends string>(ctx: RequestContext, collection: ModeratedCollection<Data, Field>, id: string) {
	ctx.require(collection.actions.review);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select({ proposal: moderationProposal, proposer: user.name, proposerOrganisation: organisation.name })
		.from(moderationProposal)
		.leftJoin(user, eq(user.id, moderationProposal.proposerUserId))
		.leftJoin(organisation, eq(organisation.id, moderationProposal.proposerOrganisationId))
		.where(and(eq(moderationProposal.id, id), eq(moderationProposal.collection, collection.key)));
	if (!row) throw new AppError('not_found');
	const proposal = row.proposal;
	const data = proposal.data as Data;
	const { comparable, fields, blank } = collection.diff;
	const compare = (before: unknown): Change<Field>[] => diffVersions(comparable(before), comparable(data), fields);
	let subject: ModeratedSubject | null = null;
	let fromBase: Change<Field>[];
	let fromCurrent: Change<Field>[] | null = null;
	if (proposal.subjectId) {
		subject = await collection.find(ctx, proposal.subjectId);
		if (!subject) throw new AppError('not_found');
		fromBase = compare(await collection.version(ctx, subject.id, proposal.baseVersion ?? subject.version));
		if (proposal.baseVersion !== subject.version) fromCurrent = compare(await collection.version(ctx, subject.id, subject.version));
	} else {
		fromBase = compare(blank ? blank(data) : {});
	}
	return {
		proposal: { ...proposalView(proposal), data, proposer: row.proposer, proposerOrganisation: row.proposerOrganisation },
		title: collection.title(data) || (subject?.title ?? ''),
		subject,
		stale: Boolean(subject && proposal.baseVersion !== subject.version),
		fromBase,
		fromCurrent
	};
}

/**
 * Who approved each version of a subject published from a proposal (version number → the reviewer's
 * name, null once their account is gone), for the subject's history; a version not in the map was
 * published by its own author (a reviewer's change, a restore, reference data).
 */
export async function reviewersOfVersions(db: DbOrTx, collectionKey: string, subjectId: string): Promise<Map<number, string | null>> {
	const rows = await db
		.select({ version: moderationProposal.publishedVersion, reviewer: user.name })
		.from(moderationProposal)
		.leftJoin(user, eq(user.id, moderationProposal.reviewerUserId))
		.where(and(eq(moderationProposal.collection, collectionKey), eq(moderationProposal.subjectId, subjectId), eq(moderationProposal.status, 'approved')));
	return new Map(rows.flatMap((row) => (row.version === null ? [] : [[row.version, row.reviewer] as const])));
}

async function lockPending(tx: DbOrTx, collection: ModeratedCollection, id: string): Promise<ProposalRow> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await tx
		.select()
		.from(moderationProposal)
		.where(and(eq(moderationProposal.id, id), eq(moderationProposal.collection, collection.key)))
		.for('update');
	if (!row) throw new AppError('not_found');
	if (row.status !== 'pending') throw new AppError('conflict', { extra: { reason: 'not_pending', status: row.status } });
	return row;
}

/**
 * Publishes a pending proposal (or the moderator's edit of it) as a new version of its subject, in one
 * transaction with the proposal's decision; a proposal whose base is no longer current is refused (409).
 */
export async function approveProposal<Data>(
	ctx: RequestContext,
	collection: ModeratedCollection<Data>,
	id: string,
	options: { edited?: unknown; expectedVersion?: number; notify?: Notify } = {}
): Promise<{ proposal: ProposalView; published: Published }> {
	const who = ctx.require(collection.actions.review);
	const edited = options.edited === undefined ? undefined : await collection.normalise(ctx, options.edited);
	const result = await ctx.transaction(async (inTx) => {
		const row = await lockPending(inTx.db, collection, id);
		const published = await collection.publish(inTx, {
			proposalId: row.id,
			subjectId: row.subjectId,
			data: edited ?? (row.data as Data),
			expectedVersion: edited && options.expectedVersion !== undefined ? options.expectedVersion : (row.baseVersion ?? undefined),
			author: { userId: row.proposerUserId, organisationId: row.proposerOrganisationId, comment: row.comment }
		});
		const [updated] = await inTx.db
			.update(moderationProposal)
			.set({
				status: 'approved',
				subjectId: published.id,
				reviewerUserId: who.userId,
				reviewedAt: ctx.now(),
				publishedVersion: published.version,
				...(edited ? { data: edited } : {})
			})
			.where(eq(moderationProposal.id, row.id))
			.returning();
		await recordAudit(inTx.db, inTx.audit, {
			action: `${collection.audit.proposal}.${edited ? 'edit_approve' : 'approve'}`,
			resourceType: collection.audit.proposal,
			resourceId: row.id,
			before: { status: row.status, data: edited ? row.data : undefined },
			after: { status: 'approved', [collection.audit.subjectKey]: published.id, publishedVersion: published.version }
		});
		return { row: updated, published };
	});
	await tellProposer(ctx, collection, options.notify, result.row, 'approve', result.published.slug);
	return { proposal: proposalView(result.row), published: result.published };
}

async function decline(
	ctx: RequestContext,
	collection: ModeratedCollection,
	id: string,
	decision: 'reject' | 'request_changes',
	reason: string,
	notify?: Notify
): Promise<ProposalView> {
	const who = ctx.require(collection.actions.review);
	const text = reason.trim();
	if (!text) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_required' }] });
	if (text.length > 2000) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_too_long', values: { max: 2000 } }] });
	const status: ProposalStatus = decision === 'reject' ? 'rejected' : 'changes_requested';
	const row = await ctx.transaction(async ({ db: tx, audit }) => {
		const pending = await lockPending(tx, collection, id);
		const [updated] = await tx
			.update(moderationProposal)
			.set({ status, reviewReason: text, reviewerUserId: who.userId, reviewedAt: ctx.now() })
			.where(eq(moderationProposal.id, pending.id))
			.returning();
		await recordAudit(tx, audit, {
			action: `${collection.audit.proposal}.${decision}`,
			resourceType: collection.audit.proposal,
			resourceId: pending.id,
			before: { status: pending.status },
			after: { status, reason: text }
		});
		return updated;
	});
	const subject = row.subjectId ? await collection.find(ctx, row.subjectId) : null;
	await tellProposer(ctx, collection, notify, row, decision, subject?.slug ?? null);
	return proposalView(row);
}

/** Refuses a pending proposal; the proposer is told why. */
export function rejectProposal(ctx: RequestContext, collection: ModeratedCollection, id: string, reason: string, notify?: Notify) {
	return decline(ctx, collection, id, 'reject', reason, notify);
}

/** Sends a pending proposal back to its proposer with what to change. */
export function requestChanges(ctx: RequestContext, collection: ModeratedCollection, id: string, reason: string, notify?: Notify) {
	return decline(ctx, collection, id, 'request_changes', reason, notify);
}

/** A proposal of one's own (to start again from it after a request for changes); reviewers see any. */
export async function ownProposal<Data>(ctx: RequestContext, collection: ModeratedCollection<Data>, id: string) {
	const who = ctx.require(collection.actions.propose);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select()
		.from(moderationProposal)
		.where(and(eq(moderationProposal.id, id), eq(moderationProposal.collection, collection.key)));
	if (!row || (row.proposerUserId !== who.userId && !ctx.can(collection.actions.review))) throw new AppError('not_found');
	return { ...proposalView(row), data: row.data as Data };
}

/**
 * The proposer withdraws a proposal still waiting for a decision or for changes (for instance after
 * seeing it duplicates a published subject): it leaves the queue, and can no longer be approved.
 * `expectedStatus`: the status the proposer saw when confirming; a proposal decided on since (asked for
 * changes, say) is refused (409, `stale_proposal`, with its status) rather than withdrawn unseen.
 */
export async function withdrawProposal(ctx: RequestContext, collection: ModeratedCollection, id: string, options: { expectedStatus?: ProposalStatus } = {}): Promise<ProposalView> {
	const who = ctx.require(collection.actions.propose);
	if (!UUID.test(id)) throw new AppError('not_found');
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [row] = await tx
			.select()
			.from(moderationProposal)
			.where(and(eq(moderationProposal.id, id), eq(moderationProposal.collection, collection.key)))
			.for('update');
		if (!row || row.proposerUserId !== who.userId) throw new AppError('not_found');
		if (!waitingStatuses.includes(row.status)) throw new AppError('conflict', { extra: { reason: 'not_pending', status: row.status } });
		if (options.expectedStatus && row.status !== options.expectedStatus) throw new AppError('conflict', { extra: { reason: 'stale_proposal', status: row.status } });
		const [updated] = await tx.update(moderationProposal).set({ status: 'withdrawn' }).where(eq(moderationProposal.id, row.id)).returning();
		await recordAudit(tx, audit, {
			action: `${collection.audit.proposal}.withdraw`,
			resourceType: collection.audit.proposal,
			resourceId: row.id,
			before: { status: row.status },
			after: { status: 'withdrawn' }
		});
		return proposalView(updated);
	});
}

// ── The proposer's own ──────────────────────────────────────────────────────

/** The statuses in which a proposal still waits, for a decision or for its proposer's changes: it may be withdrawn. */
export const waitingStatuses: readonly ProposalStatus[] = ['pending', 'changes_requested'];

/** What a proposer's list and page show of each proposal of theirs (the module's own view adds its subject's words). */
export interface OwnProposalItem {
	id: string;
	status: ProposalStatus;
	createdAt: string;
	reviewedAt: string | null;
	comment: string | null;
	reviewReason: string | null;
	/** still waiting: it may be withdrawn */
	withdrawable: boolean;
}

const proposedBy = (collection: Pick<ModeratedCollection, 'key'>, userId: string) => and(eq(moderationProposal.collection, collection.key), eq(moderationProposal.proposerUserId, userId));

/**
 * The proposals one sent to a collection, for one's own list: all those still waiting (newest first), then the
 * `decided` latest others (approved, refused, withdrawn), the newest decision first. The module says how each reads.
 */
export async function listOwnProposals(ctx: RequestContext, collection: ModeratedCollection, options: { decided: number }): Promise<{ waiting: ProposalRow[]; decided: ProposalRow[] }> {
	const who = ctx.require(collection.actions.propose);
	const [waiting, decided] = await Promise.all([
		ctx.db
			.select()
			.from(moderationProposal)
			.where(and(proposedBy(collection, who.userId), inArray(moderationProposal.status, [...waitingStatuses])))
			.orderBy(desc(moderationProposal.createdAt)),
		ctx.db
			.select()
			.from(moderationProposal)
			.where(and(proposedBy(collection, who.userId), notInArray(moderationProposal.status, [...waitingStatuses])))
			.orderBy(desc(sql`coalesce(${moderationProposal.reviewedAt}, ${moderationProposal.createdAt})`))
			.limit(options.decided)
	]);
	return { waiting, decided };
}

/** One proposal of one's own in the collection; anyone else's is not found, for a reviewer too (unlike `ownProposal`). */
export async function findOwnProposal(ctx: RequestContext, collection: ModeratedCollection, id: string): Promise<ProposalRow> {
	const who = ctx.require(collection.actions.propose);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(moderationProposal).where(and(proposedBy(collection, who.userId), eq(moderationProposal.id, id)));
	if (!row) throw new AppError('not_found');
	return row;
}

/** My space: how many proposals a person sent to the collection, and how many of them still wait. */
export async function ownProposalCounts(db: DbOrTx, collection: Pick<ModeratedCollection, 'key'>, userId: string): Promise<{ all: number; waiting: number }> {
	const [row] = await db
		.select({ all: sql<number>`count(*)::int`, waiting: sql<number>`(count(*) filter (where ${inArray(moderationProposal.status, [...waitingStatuses])}))::int` })
		.from(moderationProposal)
		.where(proposedBy(collection, userId));
	return { all: row?.all ?? 0, waiting: row?.waiting ?? 0 };
}

// ── Private discussion ──────────────────────────────────────────────────────

export interface DiscussionMessage {
	id: string;
	body: string;
	createdAt: string;
	author: string | null;
	organisation: string | null;
}

/** A subject's private thread, oldest first. */
export async function listDiscussion(ctx: RequestContext, collection: ModeratedCollection, idOrSlug: string): Promise<DiscussionMessage[]> {
	ctx.require(collection.actions.discuss);
	const subject = await collection.find(ctx, idOrSlug);
	if (!subject) throw new AppError('not_found');
	const rows = await ctx.db
		.select({
			id: moderationMessage.id,
			body: moderationMessage.body,
			createdAt: moderationMessage.createdAt,
			author: user.name,
			organisation: organisation.name
		})
		.from(moderationMessage)
		.leftJoin(user, eq(user.id, moderationMessage.authorUserId))
		.leftJoin(organisation, eq(organisation.id, moderationMessage.authorOrganisationId))
		.where(and(eq(moderationMessage.collection, collection.key), eq(moderationMessage.subjectId, subject.id)))
		.orderBy(asc(moderationMessage.createdAt));
	return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Adds a message to a subject's thread, signed with the author's first organisation. */
export async function postToDiscussion(ctx: RequestContext, collection: ModeratedCollection, idOrSlug: string, body: string) {
	const who = ctx.require(collection.actions.discuss);
	const text = body.trim();
	if (!text) throw new AppError('invalid_input', { fields: [{ path: 'body', messageKey: 'field_required' }] });
	if (text.length > 5000) throw new AppError('invalid_input', { fields: [{ path: 'body', messageKey: 'field_too_long', values: { max: 5000 } }] });
	const subject = await collection.find(ctx, idOrSlug);
	if (!subject) throw new AppError('not_found');
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [row] = await tx
			.insert(moderationMessage)
			.values({ collection: collection.key, subjectId: subject.id, authorUserId: who.userId, authorOrganisationId: who.organisationIds[0] ?? null, body: text })
			.returning();
		await recordAudit(tx, audit, {
			action: `${collection.audit.message}.create`,
			resourceType: collection.audit.subject,
			resourceId: subject.id,
			after: { messageId: row.id, body: text }
		});
		return row;
	});
}

// ── Deleted subjects ────────────────────────────────────────────────────────

/**
 * The proposals and messages of subjects the module deletes go with them (no foreign key reaches the
 * module's table): the module calls this in the transaction of its deletion.
 */
export async function forgetModeratedSubjects(tx: DbOrTx, collectionKey: string, subjectIds: string[]): Promise<void> {
	if (!subjectIds.length) return;
	await tx.delete(moderationProposal).where(and(eq(moderationProposal.collection, collectionKey), inArray(moderationProposal.subjectId, subjectIds)));
	await tx.delete(moderationMessage).where(and(eq(moderationMessage.collection, collectionKey), inArray(moderationMessage.subjectId, subjectIds)));
}

// ── Drafts ──────────────────────────────────────────────────────────────────

export type DraftValues = Record<string, string | string[]>;

/** Saves the form as typed (a new draft, or over the author's own draft `draftId`); returns the draft's id. */
export async function saveDraft(
	ctx: RequestContext,
	collection: ModeratedCollection,
	input: { draftId?: string | null; resumePath: string; values: DraftValues }
): Promise<string> {
	const who = ctx.require(collection.actions.propose);
	if (!collection.drafts.resumable.test(input.resumePath)) throw new AppError('invalid_input', { fields: [{ path: 'resumePath', messageKey: 'field_choice' }] });
	const values = Object.fromEntries(Object.entries(input.values).filter(([key]) => !collection.drafts.notKept.includes(key)));
	const own = (id: string) => and(eq(moderationDraft.id, id), eq(moderationDraft.userId, who.userId), eq(moderationDraft.collection, collection.key));
	return ctx.transaction(async ({ db, audit }) => {
		// over the author's own draft if there is one, else a new one
		const [updated] =
			input.draftId && UUID.test(input.draftId)
				? await db.update(moderationDraft).set({ values, resumePath: input.resumePath, updatedAt: ctx.now() }).where(own(input.draftId)).returning({ id: moderationDraft.id })
				: [];
		const [saved] = updated
			? [updated]
			: await db.insert(moderationDraft).values({ collection: collection.key, userId: who.userId, resumePath: input.resumePath, values }).returning({ id: moderationDraft.id });
		// the trail says a draft was saved, not what it holds
		await recordAudit(db, audit, { action: `${collection.audit.draft}.save`, resourceType: collection.audit.draftResource, resourceId: saved.id });
		return saved.id;
	});
}

/** The author's own draft (anyone else's: not found). */
export async function getDraft(ctx: RequestContext, collection: ModeratedCollection, id: string): Promise<{ id: string; resumePath: string; values: DraftValues; updatedAt: Date }> {
	const who = ctx.require(collection.actions.propose);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select()
		.from(moderationDraft)
		.where(and(eq(moderationDraft.id, id), eq(moderationDraft.userId, who.userId), eq(moderationDraft.collection, collection.key)));
	if (!row) throw new AppError('not_found');
	return { id: row.id, resumePath: row.resumePath, values: row.values as DraftValues, updatedAt: row.updatedAt };
}

/** The author's drafts, last saved first. */
export async function listDrafts(ctx: RequestContext, collection: ModeratedCollection) {
	const who = ctx.require(collection.actions.propose);
	const rows = await ctx.db
		.select()
		.from(moderationDraft)
		.where(and(eq(moderationDraft.userId, who.userId), eq(moderationDraft.collection, collection.key)))
		.orderBy(desc(moderationDraft.updatedAt));
	return rows.map((row) => ({ id: row.id, resumePath: row.resumePath, title: collection.drafts.title(row.values as DraftValues), updatedAt: row.updatedAt }));
}

/** Removes the author's draft (once its proposal is sent, or when they discard it). */
export async function deleteDraft(ctx: RequestContext, collection: ModeratedCollection, id: string): Promise<void> {
	const who = ctx.require(collection.actions.propose);
	if (!UUID.test(id)) return;
	await ctx.transaction(async ({ db, audit }) => {
		const removed = await db
			.delete(moderationDraft)
			.where(and(eq(moderationDraft.id, id), eq(moderationDraft.userId, who.userId), eq(moderationDraft.collection, collection.key)))
			.returning({ id: moderationDraft.id });
		if (removed.length) await recordAudit(db, audit, { action: `${collection.audit.draft}.delete`, resourceType: collection.audit.draftResource, resourceId: id });
	});
}

// ── Personal data ───────────────────────────────────────────────────────────

/**
 * A person's part of moderation, for every collection: their drafts are exported and erased with the
 * account. Proposals and messages stay, without their author (the foreign keys set it to null).
 */
export const moderationPersonalData = {
	tables: [{ table: moderationDraft, userColumn: moderationDraft.userId, exportKey: 'proposalDrafts' }] as PersonalTable[],
	async export(db: DbOrTx, actor: Actor) {
		const rows = await db.select().from(moderationDraft).where(eq(moderationDraft.userId, actor.userId)).orderBy(desc(moderationDraft.updatedAt));
		return {
			proposalDrafts: rows.map((row) => ({ collection: row.collection, resumePath: row.resumePath, values: row.values, createdAt: row.createdAt, updatedAt: row.updatedAt }))
		};
	},
	async erase(tx: DbOrTx, userId: string): Promise<ErasedData> {
		const removed = await tx.delete(moderationDraft).where(eq(moderationDraft.userId, userId)).returning({ collection: moderationDraft.collection });
		// named by module as before (`atlas_drafts`), so the account deletion's audit event reads the same
		return { removed: [...new Set(removed.map((row) => `${row.collection.split('.')[0]}_drafts`))] };
	}
};
