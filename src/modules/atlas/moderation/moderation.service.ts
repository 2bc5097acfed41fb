// Atlas collaboration and moderation: proposals (complete new versions with their base version and a
// comment), review (approve, reject, request changes, edit then approve), version history and restore,
// the private discussion thread, stale initiatives, organisations' freshness and completeness scores.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import { initiative, initiativeVersion, type Translated } from '../atlas.table.ts';
import { InitiativeInput, type InitiativeData } from '../atlas.schemas.ts';
import { createInitiative, updateInitiative } from '../initiative.service.ts';
import { initiativeMessage, initiativeProposal, type ProposalStatus } from './moderation.table.ts';
import { changedFields, diffVersions, type Change } from './diff.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where e-mails go and which address the links in them start with. */
export interface Notify {
	mailer: Mailer;
	publicUrl: string;
	/** told when a mail cannot be sent (the change stands) */
	onError?: (error: unknown) => void;
}

function titleText(title: Translated | undefined | null): string {
	return title?.fr ?? title?.en ?? title?.ar ?? '';
}

async function findInitiative(db: DbOrTx, idOrSlug: string) {
	const [row] = await db
		.select({ id: initiative.id, slug: initiative.slug, version: initiative.version, title: initiative.title })
		.from(initiative)
		.where(UUID.test(idOrSlug) ? eq(initiative.id, idOrSlug) : eq(initiative.slug, idOrSlug.toLowerCase()));
	if (!row) throw new AppError('not_found');
	return row;
}

/** The proposed data, validated, with organisations named by slug (so versions compare field by field). */
async function normaliseProposal(db: DbOrTx, input: unknown): Promise<InitiativeData> {
	const data = parseOrThrow(InitiativeInput, input);
	const keys = [...new Set(data.organisations.map((entry) => entry.organisation))];
	if (!keys.length) return data;
	const ids = keys.filter((key) => UUID.test(key));
	const rows = await db
		.select({ id: organisation.id, slug: organisation.slug })
		.from(organisation)
		.where(
			ids.length
				? sql`${organisation.slug} in ${keys.map((key) => key.toLowerCase())} or ${organisation.id} in ${ids}`
				: inArray(organisation.slug, keys.map((key) => key.toLowerCase()))
		);
	const bySlugOrId = new Map<string, string>();
	for (const row of rows) {
		bySlugOrId.set(row.id, row.slug);
		bySlugOrId.set(row.slug, row.slug);
	}
	const problems = data.organisations.flatMap((entry, index) =>
		bySlugOrId.has(entry.organisation.toLowerCase()) || bySlugOrId.has(entry.organisation)
			? []
			: [{ path: `organisations.${index}.organisation`, messageKey: 'field_choice' }]
	);
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return {
		...data,
		organisations: data.organisations.map((entry) => ({
			...entry,
			organisation: bySlugOrId.get(entry.organisation) ?? bySlugOrId.get(entry.organisation.toLowerCase())!
		}))
	};
}

async function emailsOf(db: DbOrTx, where: ReturnType<typeof sql>) {
	return db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(where);
}

async function moderatorsToTell(db: DbOrTx) {
	const moderators = await emailsOf(db, sql`${user.role} = 'moderator'`);
	return moderators.length ? moderators : emailsOf(db, sql`${user.role} = 'administrator'`);
}

/** A moderation e-mail: recipient's locale and address, `moderation.email_<template>_…` messages, values. */
type ModerationMail = [locale: unknown, to: string, template: string, values: Record<string, string | number>];

async function send(notify: Notify | undefined, messages: ModerationMail[]) {
	if (!notify) return 0;
	let sent = 0;
	for (const [locale, to, template, values] of messages) {
		try {
			await notify.mailer.send(composeEmail(locale, to, `moderation.email_${template}`, values));
			sent++;
		} catch (error) {
			notify.onError?.(error);
		}
	}
	return sent;
}

// ── Proposals ───────────────────────────────────────────────────────────────

export type ProposalRow = typeof initiativeProposal.$inferSelect;

function publicProposal(row: ProposalRow) {
	return {
		id: row.id,
		initiativeId: row.initiativeId,
		baseVersion: row.baseVersion,
		status: row.status,
		comment: row.comment,
		reviewReason: row.reviewReason,
		publishedVersion: row.publishedVersion,
		createdAt: row.createdAt.toISOString(),
		reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null
	};
}
export type PublicProposal = ReturnType<typeof publicProposal>;

async function insertProposal(
	ctx: RequestContext,
	actor: Actor,
	values: { initiativeId: string | null; baseVersion: number | null; data: InitiativeData; comment: string | null },
	check?: (tx: DbOrTx) => Promise<void>
) {
	return ctx.transaction(async ({ db: tx, audit }) => {
		await check?.(tx);
		const [row] = await tx
			.insert(initiativeProposal)
			.values({
				initiativeId: values.initiativeId,
				baseVersion: values.baseVersion,
				data: values.data,
				comment: values.comment,
				proposerUserId: actor.userId,
				proposerOrganisationId: actor.organisationIds[0] ?? null
			})
			.returning();
		await recordAudit(tx, audit, {
			action: 'initiative_proposal.create',
			resourceType: 'initiative_proposal',
			resourceId: row.id,
			after: { initiativeId: row.initiativeId, baseVersion: row.baseVersion, comment: row.comment, data: row.data }
		});
		return row;
	});
}

async function tellModerators(db: DbOrTx, notify: Notify | undefined, row: ProposalRow, title: string) {
	if (!notify) return;
	const moderators = await moderatorsToTell(db);
	await send(
		notify,
		moderators.map((person) => [
			person.locale,
			person.email,
			'proposal_received',
			{ title, comment: row.comment ?? '—', link: `${notify.publicUrl}/${person.locale}/atlas/moderation/proposals/${row.id}` }
		])
	);
}

/**
 * A new initiative: a pending proposal, or — when the actor moderates — published at once.
 */
export async function proposeNewInitiative(
	ctx: RequestContext,
	input: unknown,
	options: { comment?: string | null; notify?: Notify } = {}
): Promise<{ proposal: PublicProposal | null; initiative: { id: string; slug: string; version: number } | null }> {
	const who = ctx.require('atlas.propose');
	const data = await normaliseProposal(ctx.db, input);
	if (ctx.can('atlas.moderate')) {
		const created = await createInitiative(ctx, data, {
			userId: who.userId,
			organisationId: who.organisationIds[0] ?? null,
			comment: options.comment ?? null
		});
		return { proposal: null, initiative: { ...created, version: 1 } };
	}
	const row = await insertProposal(ctx, who, { initiativeId: null, baseVersion: null, data, comment: options.comment?.trim() || null });
	await tellModerators(ctx.db, options.notify, row, titleText(data.title));
	return { proposal: publicProposal(row), initiative: null };
}

/**
 * A complete new version of a published initiative, based on `baseVersion`. A base that is no longer
 * the current version is refused (409, `details.currentVersion`), never applied silently.
 */
export async function proposeChange(
	ctx: RequestContext,
	idOrSlug: string,
	input: unknown,
	options: { baseVersion: number; comment?: string | null; notify?: Notify }
): Promise<PublicProposal> {
	const who = ctx.require('atlas.propose');
	const current = await findInitiative(ctx.db, idOrSlug);
	const data = await normaliseProposal(ctx.db, input);
	const row = await insertProposal(
		ctx,
		who,
		{ initiativeId: current.id, baseVersion: options.baseVersion, data: { ...data, slug: current.slug }, comment: options.comment?.trim() || null },
		async (tx) => {
			const [locked] = await tx.select({ version: initiative.version }).from(initiative).where(eq(initiative.id, current.id)).for('update');
			if (!locked) throw new AppError('not_found');
			if (locked.version !== options.baseVersion) {
				throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: locked.version } });
			}
		}
	);
	await tellModerators(ctx.db, options.notify, row, titleText(current.title));
	return publicProposal(row);
}

export interface ProposalListItem extends PublicProposal {
	title: string;
	initiativeSlug: string | null;
	proposer: string | null;
	proposerOrganisation: string | null;
	currentVersion: number | null;
}

export async function listProposals(
	ctx: RequestContext,
	query: { status?: ProposalStatus | 'all'; page?: number; pageSize?: number } = {}
): Promise<{ total: number; page: number; pageSize: number; items: ProposalListItem[] }> {
	ctx.require('atlas.moderate');
	const { db } = ctx;
	const page = query.page ?? 1;
	const pageSize = query.pageSize ?? 20;
	const status = query.status ?? 'pending';
	const where = status === 'all' ? sql`true` : eq(initiativeProposal.status, status);
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(initiativeProposal).where(where);
	const rows = await db
		.select({
			proposal: initiativeProposal,
			slug: initiative.slug,
			currentVersion: initiative.version,
			currentTitle: initiative.title,
			proposer: user.name,
			proposerOrganisation: organisation.name
		})
		.from(initiativeProposal)
		.leftJoin(initiative, eq(initiative.id, initiativeProposal.initiativeId))
		.leftJoin(user, eq(user.id, initiativeProposal.proposerUserId))
		.leftJoin(organisation, eq(organisation.id, initiativeProposal.proposerOrganisationId))
		.where(where)
		.orderBy(status === 'pending' ? asc(initiativeProposal.createdAt) : desc(initiativeProposal.createdAt))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return {
		total,
		page,
		pageSize,
		items: rows.map((row) => ({
			...publicProposal(row.proposal),
			title: titleText((row.proposal.data as InitiativeData).title) || titleText(row.currentTitle),
			initiativeSlug: row.slug,
			proposer: row.proposer,
			proposerOrganisation: row.proposerOrganisation,
			currentVersion: row.currentVersion
		}))
	};
}

async function snapshotOf(db: DbOrTx, initiativeId: string, number: number): Promise<unknown | null> {
	const [row] = await db
		.select({ snapshot: initiativeVersion.snapshot })
		.from(initiativeVersion)
		.where(and(eq(initiativeVersion.initiativeId, initiativeId), eq(initiativeVersion.number, number)));
	return row?.snapshot ?? null;
}

/** A proposal with what it changes: against its base version, and against the current one when it is stale. */
export async function getProposalReview(ctx: RequestContext, id: string) {
	ctx.require('atlas.moderate');
	const { db } = ctx;
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await db
		.select({ proposal: initiativeProposal, proposer: user.name, proposerEmail: user.email, proposerOrganisation: organisation.name })
		.from(initiativeProposal)
		.leftJoin(user, eq(user.id, initiativeProposal.proposerUserId))
		.leftJoin(organisation, eq(organisation.id, initiativeProposal.proposerOrganisationId))
		.where(eq(initiativeProposal.id, id));
	if (!row) throw new AppError('not_found');
	const proposal = row.proposal;
	const data = proposal.data as InitiativeData;
	let current: { id: string; slug: string; version: number; title: Translated } | null = null;
	let fromBase: Change[];
	let fromCurrent: Change[] | null = null;
	if (proposal.initiativeId) {
		current = await findInitiative(db, proposal.initiativeId);
		const base = await snapshotOf(db, current.id, proposal.baseVersion ?? current.version);
		fromBase = diffVersions(base, data);
		if (proposal.baseVersion !== current.version) fromCurrent = diffVersions(await snapshotOf(db, current.id, current.version), data);
	} else {
		fromBase = diffVersions({ title: {}, status: data.status }, data);
	}
	return {
		proposal: { ...publicProposal(proposal), data, proposer: row.proposer, proposerOrganisation: row.proposerOrganisation },
		title: titleText(data.title) || titleText(current?.title),
		initiative: current,
		stale: Boolean(current && proposal.baseVersion !== current.version),
		fromBase,
		fromCurrent
	};
}

type Decision = 'approve' | 'reject' | 'request_changes';

async function lockPending(tx: DbOrTx, id: string): Promise<ProposalRow> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await tx.select().from(initiativeProposal).where(eq(initiativeProposal.id, id)).for('update');
	if (!row) throw new AppError('not_found');
	if (row.status !== 'pending') throw new AppError('conflict', { extra: { reason: 'not_pending', status: row.status } });
	return row;
}

async function tellProposer(db: DbOrTx, notify: Notify | undefined, row: ProposalRow, decision: Decision, extra: { slug?: string | null }) {
	if (!notify || !row.proposerUserId) return;
	const [person] = await emailsOf(db, sql`${user.id} = ${row.proposerUserId}`);
	if (!person) return;
	const data = row.data as InitiativeData;
	const template = decision === 'approve' ? 'proposal_approved' : decision === 'reject' ? 'proposal_rejected' : 'proposal_changes_requested';
	const link = extra.slug
		? `${notify.publicUrl}/${person.locale}/atlas/initiatives/${extra.slug}`
		: `${notify.publicUrl}/${person.locale}/atlas`;
	await send(notify, [[person.locale, person.email, template, { title: titleText(data.title), reason: row.reviewReason ?? '—', link }]]);
}

/**
 * Publishes a pending proposal (optionally as edited by the moderator) as a new version, through
 * `updateInitiative` / `createInitiative`: a proposal whose base is no longer current is refused (409).
 */
/**
 * The organisations a partner's import created wait (pending) until a moderator approves a proposal
 * naming them: they then become public, each acceptance in the audit trail.
 */
async function acceptPendingOrganisations({ db: tx, audit, now }: RequestContext, data: InitiativeData) {
	const keys = [...new Set((data.organisations ?? []).map((entry) => entry.organisation))];
	if (!keys.length) return;
	const ids = keys.filter((key) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key));
	const accepted = await tx
		.update(organisation)
		.set({ status: 'active', updatedAt: now() })
		.where(and(ids.length ? or(inArray(organisation.slug, keys), inArray(organisation.id, ids)) : inArray(organisation.slug, keys), eq(organisation.status, 'pending')))
		.returning({ id: organisation.id, slug: organisation.slug });
	for (const row of accepted) {
		await recordAudit(tx, audit, { action: 'organisation.accept', resourceType: 'organisation', resourceId: row.id, before: { status: 'pending' }, after: { status: 'active', slug: row.slug } });
	}
}

export async function approveProposal(
	ctx: RequestContext,
	id: string,
	options: { edited?: unknown; expectedVersion?: number; notify?: Notify } = {}
): Promise<{ proposal: PublicProposal; initiative: { id: string; slug: string; version: number } }> {
	const who = ctx.require('atlas.moderate');
	const edited = options.edited === undefined ? undefined : await normaliseProposal(ctx.db, options.edited);
	const result = await ctx.transaction(async (inTx) => {
		const { db: tx, audit } = inTx;
		const row = await lockPending(tx, id);
		const data = edited ?? (row.data as InitiativeData);
		const author = { userId: row.proposerUserId, organisationId: row.proposerOrganisationId, comment: row.comment };
		let published: { id: string; slug: string; version: number };
		if (row.initiativeId) {
			const [current] = await tx.select({ slug: initiative.slug }).from(initiative).where(eq(initiative.id, row.initiativeId));
			published = await updateInitiative(inTx, row.initiativeId, { ...data, slug: current?.slug ?? data.slug }, {
				...author,
				expectedVersion: edited && options.expectedVersion !== undefined ? options.expectedVersion : (row.baseVersion ?? undefined)
			});
		} else {
			const created = await createInitiative(inTx, data, author);
			published = { ...created, version: 1 };
		}
		const [updated] = await tx
			.update(initiativeProposal)
			.set({
				status: 'approved',
				initiativeId: published.id,
				reviewerUserId: who.userId,
				reviewedAt: ctx.now(),
				publishedVersion: published.version,
				...(edited ? { data: edited } : {})
			})
			.where(eq(initiativeProposal.id, row.id))
			.returning();
		await acceptPendingOrganisations(inTx, data);
		await recordAudit(tx, audit, {
			action: edited ? 'initiative_proposal.edit_approve' : 'initiative_proposal.approve',
			resourceType: 'initiative_proposal',
			resourceId: row.id,
			before: { status: row.status, data: edited ? row.data : undefined },
			after: { status: 'approved', initiativeId: published.id, publishedVersion: published.version }
		});
		return { row: updated, published };
	});
	await tellProposer(ctx.db, options.notify, result.row, 'approve', { slug: result.published.slug });
	return { proposal: publicProposal(result.row), initiative: result.published };
}

async function decline(
	ctx: RequestContext,
	id: string,
	decision: 'reject' | 'request_changes',
	reason: string,
	notify?: Notify
): Promise<PublicProposal> {
	const who = ctx.require('atlas.moderate');
	const text = reason.trim();
	if (!text) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_required' }] });
	if (text.length > 2000) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_too_long', values: { max: 2000 } }] });
	const status: ProposalStatus = decision === 'reject' ? 'rejected' : 'changes_requested';
	const row = await ctx.transaction(async ({ db: tx, audit }) => {
		const pending = await lockPending(tx, id);
		const [updated] = await tx
			.update(initiativeProposal)
			.set({ status, reviewReason: text, reviewerUserId: who.userId, reviewedAt: ctx.now() })
			.where(eq(initiativeProposal.id, pending.id))
			.returning();
		await recordAudit(tx, audit, {
			action: decision === 'reject' ? 'initiative_proposal.reject' : 'initiative_proposal.request_changes',
			resourceType: 'initiative_proposal',
			resourceId: pending.id,
			before: { status: pending.status },
			after: { status, reason: text }
		});
		return updated;
	});
	let slug: string | null = null;
	if (row.initiativeId) slug = (await findInitiative(ctx.db, row.initiativeId).catch(() => null))?.slug ?? null;
	await tellProposer(ctx.db, notify, row, decision, { slug });
	return publicProposal(row);
}

export function rejectProposal(ctx: RequestContext, id: string, reason: string, notify?: Notify) {
	return decline(ctx, id, 'reject', reason, notify);
}

export function requestChanges(ctx: RequestContext, id: string, reason: string, notify?: Notify) {
	return decline(ctx, id, 'request_changes', reason, notify);
}

/** A proposal of one's own (to start again from it after a request for changes). */
export async function getOwnProposal(ctx: RequestContext, id: string) {
	const who = ctx.require('atlas.propose');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(initiativeProposal).where(eq(initiativeProposal.id, id));
	if (!row || (row.proposerUserId !== who.userId && !ctx.can('atlas.moderate'))) throw new AppError('not_found');
	return { ...publicProposal(row), data: row.data as InitiativeData };
}

/**
 * The proposer withdraws a proposal still waiting for a decision or for changes (for instance after
 * seeing it duplicates a published initiative): it leaves the queue, and can no longer be approved.
 */
export async function withdrawProposal(ctx: RequestContext, id: string): Promise<PublicProposal> {
	const who = ctx.require('atlas.propose');
	if (!UUID.test(id)) throw new AppError('not_found');
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [row] = await tx.select().from(initiativeProposal).where(eq(initiativeProposal.id, id)).for('update');
		if (!row || row.proposerUserId !== who.userId) throw new AppError('not_found');
		if (row.status !== 'pending' && row.status !== 'changes_requested') {
			throw new AppError('conflict', { extra: { reason: 'not_pending', status: row.status } });
		}
		const [updated] = await tx.update(initiativeProposal).set({ status: 'withdrawn' }).where(eq(initiativeProposal.id, row.id)).returning();
		await recordAudit(tx, audit, {
			action: 'initiative_proposal.withdraw',
			resourceType: 'initiative_proposal',
			resourceId: row.id,
			before: { status: row.status },
			after: { status: 'withdrawn' }
		});
		return publicProposal(updated);
	});
}

// ── Versions ────────────────────────────────────────────────────────────────

/** Every published version, newest first, with what changed, when and by which organisation. */
export async function listVersions(db: DbOrTx, idOrSlug: string) {
	const current = await findInitiative(db, idOrSlug);
	const rows = await db
		.select({
			number: initiativeVersion.number,
			createdAt: initiativeVersion.createdAt,
			organisation: organisation.name,
			organisationSlug: organisation.slug,
			comment: initiativeVersion.comment,
			snapshot: initiativeVersion.snapshot
		})
		.from(initiativeVersion)
		.leftJoin(organisation, eq(organisation.id, initiativeVersion.authorOrganisationId))
		.where(eq(initiativeVersion.initiativeId, current.id))
		.orderBy(asc(initiativeVersion.number));
	const versions = rows.map((row, index) => ({
		number: row.number,
		createdAt: row.createdAt.toISOString(),
		organisation: row.organisation,
		organisationSlug: row.organisationSlug,
		comment: row.comment,
		changes: index === 0 ? [] : changedFields(rows[index - 1].snapshot, row.snapshot)
	}));
	return { id: current.id, slug: current.slug, currentVersion: current.version, versions: versions.reverse() };
}

/** One published version's snapshot. */
export async function getVersion(db: DbOrTx, idOrSlug: string, number: number) {
	const current = await findInitiative(db, idOrSlug);
	const snapshot = await snapshotOf(db, current.id, number);
	if (!snapshot) throw new AppError('not_found');
	return { initiative: current, snapshot };
}

/** Publishes an old version again, as a new version (moderators). */
export async function restoreVersion(
	ctx: RequestContext,
	idOrSlug: string,
	number: number,
	options: { expectedVersion?: number; comment?: string } = {}
) {
	const who = ctx.require('atlas.moderate');
	const current = await findInitiative(ctx.db, idOrSlug);
	const snapshot = await snapshotOf(ctx.db, current.id, number);
	if (!snapshot) throw new AppError('not_found');
	if (number === current.version) throw new AppError('conflict', { extra: { reason: 'already_current', currentVersion: current.version } });
	const data = parseOrThrow(InitiativeInput, snapshot);
	return ctx.transaction(async (inTx) => {
		const published = await updateInitiative(inTx, current.id, { ...data, slug: current.slug }, {
			userId: who.userId,
			organisationId: who.organisationIds[0] ?? null,
			comment: options.comment ?? `Restored version ${number}`,
			expectedVersion: options.expectedVersion ?? current.version
		});
		await recordAudit(inTx.db, inTx.audit, {
			action: 'initiative.restore_version',
			resourceType: 'initiative',
			resourceId: current.id,
			before: { version: current.version },
			after: { version: published.version, restoredFrom: number }
		});
		return published;
	});
}

// ── Private discussion ──────────────────────────────────────────────────────

export async function listMessages(ctx: RequestContext, idOrSlug: string) {
	ctx.require('atlas.discuss');
	const { db } = ctx;
	const current = await findInitiative(db, idOrSlug);
	const rows = await db
		.select({
			id: initiativeMessage.id,
			body: initiativeMessage.body,
			createdAt: initiativeMessage.createdAt,
			author: user.name,
			organisation: organisation.name
		})
		.from(initiativeMessage)
		.leftJoin(user, eq(user.id, initiativeMessage.authorUserId))
		.leftJoin(organisation, eq(organisation.id, initiativeMessage.authorOrganisationId))
		.where(eq(initiativeMessage.initiativeId, current.id))
		.orderBy(asc(initiativeMessage.createdAt));
	return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export async function postMessage(ctx: RequestContext, idOrSlug: string, body: string) {
	const who = ctx.require('atlas.discuss');
	const text = body.trim();
	if (!text) throw new AppError('invalid_input', { fields: [{ path: 'body', messageKey: 'field_required' }] });
	if (text.length > 5000) throw new AppError('invalid_input', { fields: [{ path: 'body', messageKey: 'field_too_long', values: { max: 5000 } }] });
	const current = await findInitiative(ctx.db, idOrSlug);
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [row] = await tx
			.insert(initiativeMessage)
			.values({ initiativeId: current.id, authorUserId: who.userId, authorOrganisationId: who.organisationIds[0] ?? null, body: text })
			.returning();
		await recordAudit(tx, audit, {
			action: 'initiative_message.create',
			resourceType: 'initiative',
			resourceId: current.id,
			after: { messageId: row.id, body: text }
		});
		return row;
	});
}

// ── Freshness ───────────────────────────────────────────────────────────────

/** The day twelve months before `now` (YYYY-MM-DD): verified before it means stale. */
export function staleCutoff(now: Date = new Date()): string {
	const cutoff = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
	return cutoff.toISOString().slice(0, 10);
}

const staleCondition = (cutoff: string) => sql`(${initiative.lastVerifiedOn} is null or ${initiative.lastVerifiedOn} < ${cutoff})`;

/** Initiatives not verified for 12 months (never verified first), with their organisations. */
export async function listStaleInitiatives(ctx: RequestContext, query: { page?: number; pageSize?: number; sample?: 'include' | 'exclude' } = {}) {
	ctx.require('atlas.moderate');
	const { db } = ctx;
	const page = query.page ?? 1;
	const pageSize = query.pageSize ?? 50;
	const cutoff = staleCutoff(ctx.now());
	const where = query.sample === 'exclude' ? and(staleCondition(cutoff), eq(initiative.isSample, false))! : staleCondition(cutoff);
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(initiative).where(where);
	const rows = await db
		.select({
			id: initiative.id,
			slug: initiative.slug,
			title: initiative.title,
			lastVerifiedOn: initiative.lastVerifiedOn,
			isSample: initiative.isSample,
			organisations: sql<string[]>`array(select distinct o.name from initiative_organisation io join ${organisation} o on o.id = io.organisation_id where io.initiative_id = ${initiative.id} order by 1)`
		})
		.from(initiative)
		.where(where)
		.orderBy(sql`${initiative.lastVerifiedOn} asc nulls first`, asc(initiative.slug))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { total, page, pageSize, cutoff, items: rows.map((row) => ({ ...row, title: row.title as Translated })) };
}

/** The key fields counted for completeness (each 1 when filled). */
const keyFieldCount = 9;
const completenessSql = sql`((i.summary <> '{}'::jsonb)::int + (i.description <> '{}'::jsonb)::int + (cardinality(i.themes) > 0)::int
	+ (i.national_scope or cardinality(i.countries) > 0 or exists (select 1 from initiative_region r where r.initiative_id = i.id))::int
	+ (i.start_year is not null)::int + (i.budget_eur is not null)::int + (cardinality(i.target_groups) > 0)::int
	+ (i.contact is not null or i.website is not null)::int + (i.last_verified_on is not null)::int)::float8 / ${keyFieldCount}`;

export interface OrganisationScore {
	organisationId: string;
	slug: string;
	name: string;
	/** initiatives the organisation takes part in (any role) */
	initiatives: number;
	/** of which verified within 12 months */
	verified: number;
	/** verified / initiatives, 0–1 (null without initiatives) */
	freshness: number | null;
	/** average share of key fields filled (summary, description, themes, geography, dates, budget, target groups, contact or website, last verified), 0–1 */
	completeness: number | null;
}

async function scores(db: DbOrTx, cutoff: string, organisationId?: string): Promise<OrganisationScore[]> {
	const result = (await db.execute(sql`
		select o.id, o.slug, o.name, count(i.id)::int as initiatives,
			(count(i.id) filter (where i.last_verified_on >= ${cutoff}))::int as verified,
			avg(${completenessSql})::float8 as completeness
		from ${organisation} o
		join (select distinct organisation_id, initiative_id from initiative_organisation) io on io.organisation_id = o.id
		join ${initiative} i on i.id = io.initiative_id
		${organisationId ? sql`where o.id = ${organisationId}` : sql``}
		group by o.id, o.slug, o.name
		order by (count(i.id) filter (where i.last_verified_on >= ${cutoff}))::float8 / count(i.id) asc, o.name asc`)) as unknown as {
		rows: { id: string; slug: string; name: string; initiatives: number; verified: number; completeness: number | null }[];
	};
	return result.rows.map((row) => ({
		organisationId: row.id,
		slug: row.slug,
		name: row.name,
		initiatives: Number(row.initiatives),
		verified: Number(row.verified),
		freshness: Number(row.initiatives) ? Math.round((Number(row.verified) / Number(row.initiatives)) * 1000) / 1000 : null,
		completeness: row.completeness == null ? null : Math.round(Number(row.completeness) * 1000) / 1000
	}));
}

/**
 * An organisation's freshness (share of its initiatives verified within 12 months) and completeness
 * (average share of key fields filled). Public figures, for the organisation's page.
 */
export async function organisationScores(db: DbOrTx, organisationId: string, now: Date = new Date()): Promise<OrganisationScore> {
	const [row] = await scores(db, staleCutoff(now), organisationId);
	if (row) return row;
	const [org] = await db.select({ id: organisation.id, slug: organisation.slug, name: organisation.name }).from(organisation).where(eq(organisation.id, organisationId));
	if (!org) throw new AppError('not_found');
	return { organisationId: org.id, slug: org.slug, name: org.name, initiatives: 0, verified: 0, freshness: null, completeness: null };
}

/** Every organisation taking part in initiatives, least fresh first (moderators). */
export async function listOrganisationScores(ctx: RequestContext) {
	ctx.require('atlas.moderate');
	return scores(ctx.db, staleCutoff(ctx.now()));
}

/**
 * E-mails the members of every organisation taking part in initiatives not verified for 12 months
 * (sample initiatives left out), one message per person listing them. Recorded in the audit trail.
 */
export async function sendStaleReminders(ctx: RequestContext, notify: Notify) {
	const cutoff = staleCutoff(ctx.now());
	const result = (await ctx.db.execute(sql`
		select o.id as organisation_id, o.slug, o.name as organisation, u.email, u.name, u.locale,
			array_agg(distinct i.slug order by i.slug) as slugs,
			array_agg(distinct coalesce(i.title->>'fr', i.title->>'en', i.title->>'ar') order by coalesce(i.title->>'fr', i.title->>'en', i.title->>'ar')) as titles
		from ${initiative} i
		join initiative_organisation io on io.initiative_id = i.id
		join ${organisation} o on o.id = io.organisation_id
		join organisation_member m on m.organisation_id = o.id
		join "user" u on u.id = m.user_id
		where not i.is_sample and (i.last_verified_on is null or i.last_verified_on < ${cutoff})
		group by o.id, o.slug, o.name, u.email, u.name, u.locale
		order by o.name, u.email`)) as unknown as {
		rows: { organisation_id: string; slug: string; organisation: string; email: string; name: string; locale: string; slugs: string[]; titles: string[] }[];
	};
	const rows = result.rows;
	const sent = await send(
		notify,
		rows.map((row) => [
			row.locale,
			row.email,
			'stale_reminder',
			{
				organisation: row.organisation,
				count: row.slugs.length,
				list: row.titles.slice(0, 30).map((title) => `- ${title}`).join('\n'),
				link: `${notify.publicUrl}/${row.locale}/atlas/organisations/${row.slug}`
			}
		])
	);
	const organisations = new Set(rows.map((row) => row.organisation_id)).size;
	await ctx.transaction(async ({ db: tx, audit }) => {
		await recordAudit(tx, audit, {
			action: 'atlas.stale_reminders',
			resourceType: 'initiative',
			after: { cutoff, organisations, emails: sent }
		});
	});
	return { organisations, emails: sent, cutoff };
}
