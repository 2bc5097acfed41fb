// Programme versions (issue #13, item 2). The draft is the live programme the planners edit on the plan pages;
// they submit it — a snapshot is stored, with who, when and their note — and the strategy's owner approves it
// (it becomes v1, v2…, never changes again) or returns it with the reason; the planners may withdraw it while
// it waits. One submission waits at a time. Editing stays possible after a submission: the owner decides on
// the snapshot submitted, and the pages say when the draft has changed since. Every step is audited.
// Visitors see the approved versions of a published strategy only; its planners and owners see every one.
import { and, asc, desc, eq, inArray, isNotNull, lt, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { mailRecipient, mailUser } from '../../platform/mail/mail-user.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { diffProgrammes, fingerprintOf, isIdentical, totalsOf } from './programme-diff.ts';
import { CompareQuery, DecideVersion, ProgrammeSnapshot, SubmitVersion, type SnapshotNode, type VersionComparison, type VersionSummary } from './programme-versions.schemas.ts';
import type { TreeNode } from './strategy.schemas.ts';
import { strategyBySlug, strategyResource } from './strategy.service.ts';
import { budgetLine, node, nodePartner, nodeRegion, nodeTag, programmeVersion, strategy, type ProgrammeVersionRow, type StrategyRow } from './strategy.table.ts';

// ---------- the snapshot ----------

/** The programme as it stands: the tree in the planners' order (each node after its parent) and every action's budget lines. */
export async function takeSnapshot(db: DbOrTx, owner: StrategyRow): Promise<ProgrammeSnapshot> {
	const rows = await db
		.select({ row: node, lead: organisation.name })
		.from(node)
		.leftJoin(organisation, eq(organisation.id, node.leadOrganisationId))
		.where(eq(node.strategyId, owner.id))
		.orderBy(asc(node.position), asc(node.createdAt), asc(node.id));
	const ids = rows.map(({ row }) => row.id);
	const partners = new Map<string, { id: string; name: string }[]>();
	const regions = new Map<string, string[]>();
	const tags = new Map<string, string[]>();
	if (ids.length) {
		for (const row of await db.select({ nodeId: nodePartner.nodeId, id: organisation.id, name: organisation.name }).from(nodePartner).innerJoin(organisation, eq(organisation.id, nodePartner.organisationId)).where(inArray(nodePartner.nodeId, ids)).orderBy(asc(organisation.name)))
			partners.set(row.nodeId, [...(partners.get(row.nodeId) ?? []), { id: row.id, name: row.name }]);
		for (const row of await db.select().from(nodeRegion).where(inArray(nodeRegion.nodeId, ids)).orderBy(asc(nodeRegion.region))) regions.set(row.nodeId, [...(regions.get(row.nodeId) ?? []), row.region]);
		for (const row of await db.select().from(nodeTag).where(inArray(nodeTag.nodeId, ids)).orderBy(asc(nodeTag.scheme), asc(nodeTag.code))) tags.set(row.nodeId, [...(tags.get(row.nodeId) ?? []), `${row.scheme}:${row.code}`]);
	}
	const children = new Map<string | null, SnapshotNode[]>();
	for (const { row, lead } of rows) {
		const item: SnapshotNode = {
			id: row.id,
			parentId: row.parentId,
			kind: row.kind,
			title: row.title,
			status: row.status,
			periodStart: row.periodStart,
			periodEnd: row.periodEnd,
			national: row.national,
			regions: row.national ? [] : (regions.get(row.id) ?? []),
			lead: row.leadOrganisationId && lead ? { id: row.leadOrganisationId, name: lead } : null,
			partners: partners.get(row.id) ?? [],
			description: row.description,
			tags: tags.get(row.id) ?? [],
			sources: row.sources.map((source) => ({ citation: source.citation, ...(source.url ? { url: source.url } : {}) })),
			isSample: row.isSample
		};
		children.set(row.parentId, [...(children.get(row.parentId) ?? []), item]);
	}
	const nodes: SnapshotNode[] = [];
	const walk = (parentId: string | null) => {
		for (const item of children.get(parentId) ?? []) {
			nodes.push(item);
			walk(item.id);
		}
	};
	walk(null);
	const lines = ids.length
		? await db
				.select({ line: budgetLine })
				.from(budgetLine)
				.innerJoin(node, eq(node.id, budgetLine.nodeId))
				.where(eq(node.strategyId, owner.id))
				.orderBy(asc(budgetLine.nodeId), asc(budgetLine.year), asc(budgetLine.fundingSource))
		: [];
	return {
		format: 1,
		strategy: { slug: owner.slug, title: owner.title, periodStart: owner.periodStart, periodEnd: owner.periodEnd },
		nodes,
		lines: lines.map(({ line }) => ({
			actionId: line.nodeId,
			year: line.year,
			fundingSource: line.fundingSource,
			currency: line.currency,
			planned: Number(line.planned),
			committed: Number(line.committed),
			executed: Number(line.executed),
			note: line.note,
			isSample: line.isSample
		}))
	};
}

// ---------- who sees what ----------

type Viewer = { insider: boolean; canPlan: boolean; canApprove: boolean };

/** Planners and owners see every version; anyone else the approved ones of a published strategy (else 404). */
function viewerOf(ctx: RequestContext, owner: StrategyRow): Viewer {
	const canPlan = ctx.can('strategy.plan', strategyResource(owner));
	const canApprove = ctx.can('strategy.approve_programme', strategyResource(owner));
	const insider = canPlan || canApprove;
	if (!insider && !owner.published) throw new AppError('not_found');
	return { insider, canPlan, canApprove };
}

const visibleTo = (viewer: Viewer, row: ProgrammeVersionRow) => viewer.insider || row.state === 'approved';

/** A version's name in addresses: its number once approved, else `s` and its submission's order. */
export const refOf = (row: Pick<ProgrammeVersionRow, 'number' | 'seq'>) => (row.number !== null ? String(row.number) : `s${row.seq}`);

/** A version's name on a page: "v2", or "submission 3". */
export const labelOf = (language: Language, row: Pick<ProgrammeVersionRow, 'number' | 'seq'>) =>
	row.number !== null ? translate(language, 'strategy.version_label', { number: row.number }) : translate(language, 'strategy.submission_label', { seq: row.seq });

const submitter = alias(user, 'submitter');
const decider = alias(user, 'decider');
const summaryColumns = {
	id: programmeVersion.id,
	strategyId: programmeVersion.strategyId,
	seq: programmeVersion.seq,
	number: programmeVersion.number,
	state: programmeVersion.state,
	fingerprint: programmeVersion.fingerprint,
	actions: programmeVersion.actions,
	lines: programmeVersion.lines,
	totals: programmeVersion.totals,
	note: programmeVersion.note,
	noteLanguage: programmeVersion.noteLanguage,
	submittedAt: programmeVersion.submittedAt,
	decidedAt: programmeVersion.decidedAt,
	reason: programmeVersion.reason,
	reasonLanguage: programmeVersion.reasonLanguage,
	isSample: programmeVersion.isSample,
	submittedBy: submitter.name,
	decidedBy: decider.name
};
const versionsQuery = (db: DbOrTx) =>
	db.select(summaryColumns).from(programmeVersion).leftJoin(submitter, eq(submitter.id, programmeVersion.submittedBy)).leftJoin(decider, eq(decider.id, programmeVersion.decidedBy)).$dynamic();
type SummaryRow = Awaited<ReturnType<typeof versionsQuery>>[number];

/** A version as the lists show it; who submitted and decided are named to the planners and owners only. */
function summaryOf(language: Language, row: SummaryRow, viewer: Viewer): VersionSummary & { fingerprint: string } {
	return {
		ref: refOf(row),
		label: labelOf(language, row),
		seq: row.seq,
		number: row.number,
		state: row.state,
		note: viewer.insider ? row.note : null,
		noteLanguage: viewer.insider ? row.noteLanguage : null,
		submittedBy: viewer.insider ? row.submittedBy : null,
		submittedAt: row.submittedAt.toISOString(),
		decidedBy: viewer.insider ? row.decidedBy : null,
		decidedAt: row.decidedAt?.toISOString() ?? null,
		reason: row.reason,
		reasonLanguage: row.reasonLanguage,
		actions: row.actions,
		lines: row.lines,
		totals: row.totals,
		isSample: row.isSample,
		fingerprint: row.fingerprint
	};
}

/** Reads a version's name: `2` or `v2` (the approved v2), `s3` (the third submission), `draft`. */
function parseRef(ref: string): { number: number } | { seq: number } | 'draft' | null {
	const value = ref.trim().toLowerCase();
	if (value === 'draft') return 'draft';
	const approved = /^v?(\d{1,6})$/.exec(value);
	if (approved) return { number: Number(approved[1]) };
	const submission = /^s(\d{1,6})$/.exec(value);
	if (submission) return { seq: Number(submission[1]) };
	return null;
}

async function versionRow(db: DbOrTx, owner: StrategyRow, ref: string, lock = false): Promise<ProgrammeVersionRow> {
	const parsed = parseRef(ref);
	if (!parsed || parsed === 'draft') throw new AppError('not_found');
	const where = and(eq(programmeVersion.strategyId, owner.id), 'number' in parsed ? eq(programmeVersion.number, parsed.number) : eq(programmeVersion.seq, parsed.seq));
	const query = db.select().from(programmeVersion).where(where);
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

// ---------- reading ----------

export type VersionsPage = Awaited<ReturnType<typeof versionsOf>>;

/**
 * A strategy's versions, newest first, with where the draft stands: whether it differs from the latest approved
 * version and from the submission waiting (planners and owners only), and what the person may do.
 */
export async function versionsOf(ctx: RequestContext, slug: string) {
	const owner = await strategyBySlug(ctx.db, slug);
	const viewer = viewerOf(ctx, owner);
	const rows = await versionsQuery(ctx.db)
		.where(and(eq(programmeVersion.strategyId, owner.id), viewer.insider ? undefined : eq(programmeVersion.state, 'approved')))
		.orderBy(desc(programmeVersion.seq));
	const versions = rows.map((row) => summaryOf(ctx.language, row, viewer));
	const pending = versions.find((version) => version.state === 'submitted') ?? null;
	const latest = versions.find((version) => version.state === 'approved') ?? null;
	let draft: { fingerprint: string; actions: number; lines: number; changedSinceApproved: boolean | null; changedSinceSubmitted: boolean | null } | null = null;
	if (viewer.insider) {
		const snapshot = await takeSnapshot(ctx.db, owner);
		const fingerprint = fingerprintOf(snapshot);
		draft = {
			fingerprint,
			actions: snapshot.nodes.filter((item) => item.kind === 'action').length,
			lines: snapshot.lines.length,
			changedSinceApproved: latest ? latest.fingerprint !== fingerprint : null,
			changedSinceSubmitted: pending ? pending.fingerprint !== fingerprint : null
		};
	}
	const strip = ({ fingerprint: _fingerprint, ...version }: (typeof versions)[number]) => version;
	return {
		strategy: { slug: owner.slug, title: owner.title, published: owner.published, isSample: owner.isSample },
		versions: versions.map(strip),
		pending: pending ? strip(pending) : null,
		latest: latest ? strip(latest) : null,
		draft: draft ? { actions: draft.actions, lines: draft.lines, changedSinceApproved: draft.changedSinceApproved, changedSinceSubmitted: draft.changedSinceSubmitted } : null,
		// nothing to submit while a submission waits, or when the draft is the latest approved version as it was
		can: { see: viewer.insider, submit: viewer.canPlan && !pending && draft?.changedSinceApproved !== false, withdraw: viewer.canPlan && Boolean(pending), decide: viewer.canApprove && Boolean(pending) }
	};
}

/** A version with its snapshot (read-only). */
export async function versionDetail(ctx: RequestContext, slug: string, ref: string) {
	const owner = await strategyBySlug(ctx.db, slug);
	const viewer = viewerOf(ctx, owner);
	const row = await versionRow(ctx.db, owner, ref);
	if (!visibleTo(viewer, row)) throw new AppError('not_found');
	const [named] = await versionsQuery(ctx.db).where(eq(programmeVersion.id, row.id));
	const { fingerprint: _fingerprint, ...version } = summaryOf(ctx.language, named, viewer);
	// the approved version before it, to compare with
	const [previous] = await ctx.db
		.select({ number: programmeVersion.number, seq: programmeVersion.seq })
		.from(programmeVersion)
		.where(and(eq(programmeVersion.strategyId, owner.id), eq(programmeVersion.state, 'approved'), lt(programmeVersion.seq, row.seq)))
		.orderBy(desc(programmeVersion.seq))
		.limit(1);
	return {
		strategy: { slug: owner.slug, title: owner.title, published: owner.published },
		version,
		previous: previous ? { ref: refOf(previous), label: labelOf(ctx.language, previous) } : null,
		canSeeDraft: viewer.insider,
		snapshot: ProgrammeSnapshot.parse(row.snapshot)
	};
}

/** A snapshot's tree as the strategy's tree component draws it (read-only: no links to pages). */
export function snapshotTree(snapshot: ProgrammeSnapshot, language: Language): TreeNode[] {
	const byId = new Map<string, TreeNode>();
	const roots: TreeNode[] = [];
	for (const [position, item] of snapshot.nodes.entries()) {
		const shown: TreeNode = {
			id: item.id,
			kind: item.kind,
			position,
			title: pickText(item.title, language).text,
			titles: item.title as Record<string, string>,
			description: '',
			lead: item.lead?.name ?? null,
			leadOrganisationId: item.lead?.id ?? null,
			partners: item.partners.map((partner) => partner.name),
			partnerIds: item.partners.map((partner) => partner.id),
			periodStart: item.periodStart,
			periodEnd: item.periodEnd,
			status: item.status,
			national: item.national,
			regions: item.regions,
			gcm: [],
			sdg: [],
			isSample: item.isSample,
			sources: item.sources ?? [],
			children: []
		};
		byId.set(item.id, shown);
		const parent = item.parentId ? byId.get(item.parentId) : undefined;
		if (parent) parent.children.push(shown);
		else roots.push(shown);
	}
	return roots;
}

/** A snapshot's budget lines by action, in the tree's order, each action with its place in the tree. */
export function snapshotLinesByAction(snapshot: ProgrammeSnapshot) {
	const byAction = new Map<string, ProgrammeSnapshot['lines']>();
	for (const line of snapshot.lines) byAction.set(line.actionId, [...(byAction.get(line.actionId) ?? []), line]);
	return snapshot.nodes.filter((item) => byAction.has(item.id)).map((item) => ({ action: { id: item.id, title: item.title, isSample: item.isSample }, lines: byAction.get(item.id)! }));
}

/** The versions one may compare, newest first (the pickers' options), with the draft first for planners and owners. */
async function sides(ctx: RequestContext, owner: StrategyRow, viewer: Viewer) {
	const rows = await ctx.db
		.select({ id: programmeVersion.id, seq: programmeVersion.seq, number: programmeVersion.number, state: programmeVersion.state, submittedAt: programmeVersion.submittedAt })
		.from(programmeVersion)
		.where(and(eq(programmeVersion.strategyId, owner.id), viewer.insider ? undefined : eq(programmeVersion.state, 'approved')))
		.orderBy(desc(programmeVersion.seq));
	const versions = rows.map((row) => ({ ref: refOf(row), label: labelOf(ctx.language, row), state: row.state as ProgrammeVersionRow['state'] | null, at: row.submittedAt.toISOString() as string | null, number: row.number, seq: row.seq as number | null }));
	return viewer.insider ? [{ ref: 'draft', label: translate(ctx.language, 'strategy.draft_label'), state: null, at: null, number: null, seq: null }, ...versions] : versions;
}

/**
 * The differences between two versions, or a version and the draft (planners and owners). Without `from`, the
 * approved version before `to`; without `to`, the draft (planners and owners) or the latest approved version.
 * A name that is no version (or one the person may not see) is refused on its field, nothing shown.
 */
export async function compareVersions(ctx: RequestContext, slug: string, input: unknown): Promise<VersionComparison & { options: Awaited<ReturnType<typeof sides>>; strategy: { slug: string; title: StrategyRow['title'] } }> {
	const query = parseOrThrow(CompareQuery, input);
	const owner = await strategyBySlug(ctx.db, slug);
	const viewer = viewerOf(ctx, owner);
	const options = await sides(ctx, owner, viewer);
	const approved = options.filter((option) => option.state === 'approved');
	const resolve = (ref: string | undefined, field: 'from' | 'to') => {
		if (ref === undefined) return undefined;
		const parsed = parseRef(ref);
		// a submission since approved is found by its order too (`s3` is then v2)
		const found = parsed === 'draft' ? options.find((option) => option.ref === 'draft') : parsed ? options.find((option) => ('number' in parsed ? option.number === parsed.number : option.seq === parsed.seq)) : undefined;
		if (!found) throw new AppError('invalid_input', { fields: [{ path: field, messageKey: 'field_choice' }], extra: { reason: 'unknown_version' } });
		return found;
	};
	const to = resolve(query.to, 'to') ?? options[0];
	if (!to) throw new AppError('not_found');
	// by default, the approved version before `to` (for the draft: the latest approved one), else the one before it
	const index = options.indexOf(to);
	const from = resolve(query.from, 'from') ?? options.slice(index + 1).find((option) => option.state === 'approved') ?? options[index + 1] ?? to;
	const snapshotOf = async (side: typeof from) => {
		if (side.ref === 'draft') return takeSnapshot(ctx.db, owner);
		return ProgrammeSnapshot.parse((await versionRow(ctx.db, owner, side.ref)).snapshot);
	};
	const diff = diffProgrammes(await snapshotOf(from), await snapshotOf(to));
	const side = (value: typeof from) => ({ ref: value.ref, label: value.label, state: value.state, at: value.at });
	return { strategy: { slug: owner.slug, title: owner.title }, options, from: side(from), to: side(to), identical: isIdentical(diff), diff };
}

/** How many submissions wait for the owner, for the strategies given (my space). */
export async function versionsWaitingCount(db: DbOrTx, slugs: string[]): Promise<number> {
	if (!slugs.length) return 0;
	const rows = await db.select({ id: programmeVersion.id }).from(programmeVersion).innerJoin(strategy, eq(strategy.id, programmeVersion.strategyId)).where(and(inArray(strategy.slug, slugs), eq(programmeVersion.state, 'submitted')));
	return rows.length;
}

/** Whether a published strategy has an approved version (its page links to them). */
export async function approvedVersionCount(db: DbOrTx, strategyId: string): Promise<number> {
	const rows = await db.select({ id: programmeVersion.id }).from(programmeVersion).where(and(eq(programmeVersion.strategyId, strategyId), isNotNull(programmeVersion.number)));
	return rows.length;
}

// ---------- the way of a version ----------

/** What the audit keeps of a version: everything but the snapshot (its digest and counts stand for it). */
const audited = ({ snapshot: _snapshot, ...row }: ProgrammeVersionRow) => row;

/** The people who own a strategy through a grant `strategy:owner` scoped to its slug (they decide its versions). */
async function ownersOf(db: DbOrTx, slug: string) {
	return db
		.select({ email: user.email, name: user.name, locale: user.locale })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(accessGrant.module, 'strategy'), eq(accessGrant.role, 'owner'), eq(accessGrant.scope, slug)));
}

/** The strategy, locked for the step (one step at a time per strategy: numbers and the one submission waiting). */
async function lockedStrategy(ctx: RequestContext, slug: string): Promise<StrategyRow> {
	const [row] = await ctx.db.select().from(strategy).where(eq(strategy.slug, slug)).for('update');
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * The planners submit the draft: its snapshot is stored with who, when and their note. Refused while another
 * submission waits, for a programme without actions, and for one identical to the latest approved version.
 */
export async function submitVersion(ctx: RequestContext, slug: string, input: unknown, options: { isSample?: boolean } = {}): Promise<ProgrammeVersionRow> {
	const data = parseOrThrow(SubmitVersion, input);
	const submitted = await ctx.transaction(async (tx) => {
		const owner = await lockedStrategy(tx, slug);
		tx.require('strategy.plan', strategyResource(owner));
		const [waiting] = await tx.db.select({ seq: programmeVersion.seq }).from(programmeVersion).where(and(eq(programmeVersion.strategyId, owner.id), eq(programmeVersion.state, 'submitted')));
		if (waiting) throw new AppError('conflict', { extra: { reason: 'version_pending', pending: `s${waiting.seq}` } });
		const snapshot = await takeSnapshot(tx.db, owner);
		const actions = snapshot.nodes.filter((item) => item.kind === 'action').length;
		if (!actions) throw new AppError('conflict', { extra: { reason: 'programme_empty' } });
		const fingerprint = fingerprintOf(snapshot);
		const [latest] = await tx.db.select({ number: programmeVersion.number, fingerprint: programmeVersion.fingerprint }).from(programmeVersion).where(and(eq(programmeVersion.strategyId, owner.id), eq(programmeVersion.state, 'approved'))).orderBy(desc(programmeVersion.number)).limit(1);
		if (latest?.fingerprint === fingerprint) throw new AppError('conflict', { extra: { reason: 'version_unchanged', approved: latest.number } });
		const [last] = await tx.db.select({ seq: max(programmeVersion.seq) }).from(programmeVersion).where(eq(programmeVersion.strategyId, owner.id));
		const [row] = await tx.db
			.insert(programmeVersion)
			.values({
				strategyId: owner.id,
				seq: (last?.seq ?? 0) + 1,
				state: 'submitted',
				snapshot,
				fingerprint,
				actions,
				lines: snapshot.lines.length,
				totals: totalsOf(snapshot),
				note: data.note ?? null,
				noteLanguage: data.note ? tx.language : null,
				submittedBy: tx.actor?.userId ?? null,
				submittedAt: tx.now(),
				isSample: options.isSample ?? false
			})
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'strategy_version.submit', resourceType: 'strategy_programme_version', resourceId: row.id, after: audited(row) });
		return { row, owner };
	});
	// the strategy's owners are told, each in their language, once the submission is committed
	if (!options.isSample)
		for (const person of await ownersOf(ctx.db, slug))
			await mailRecipient(ctx, person, 'strategy.email_version_submitted', (language) => ({ strategy: pickText(submitted.owner.title as Record<string, string>, language).text, version: labelOf(language, submitted.row) }), `/strategy/${slug}/plan/versions`);
	return submitted.row;
}

/**
 * The owner approves the submission waiting (it takes the next number and never changes again) or returns it
 * with the reason. A version already decided is refused, as is a return without a reason.
 */
export async function decideVersion(ctx: RequestContext, slug: string, ref: string, input: unknown): Promise<ProgrammeVersionRow> {
	const data = parseOrThrow(DecideVersion, input);
	if (data.decision === 'return' && !data.reason) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_required' }], extra: { reason: 'return_reason_required' } });
	const decided = await ctx.transaction(async (tx) => {
		const owner = await lockedStrategy(tx, slug);
		tx.require('strategy.approve_programme', strategyResource(owner));
		const before = await versionRow(tx.db, owner, ref, true);
		if (before.state !== 'submitted') throw new AppError('conflict', { extra: { reason: 'version_already_decided', state: before.state } });
		let number: number | null = null;
		if (data.decision === 'approve') {
			const [last] = await tx.db.select({ number: max(programmeVersion.number) }).from(programmeVersion).where(eq(programmeVersion.strategyId, owner.id));
			number = (last?.number ?? 0) + 1;
		}
		const [row] = await tx.db
			.update(programmeVersion)
			.set({
				state: data.decision === 'approve' ? 'approved' : 'returned',
				number,
				decidedBy: tx.actor?.userId ?? null,
				decidedAt: tx.now(),
				reason: data.decision === 'return' ? data.reason! : null,
				reasonLanguage: data.decision === 'return' ? tx.language : null
			})
			.where(eq(programmeVersion.id, before.id))
			.returning();
		await recordAudit(tx.db, tx.audit, { action: data.decision === 'approve' ? 'strategy_version.approve' : 'strategy_version.return', resourceType: 'strategy_programme_version', resourceId: row.id, before: audited(before), after: audited(row) });
		return { row, owner, submission: before };
	});
	// the planner who submitted it is told the decision (and the reason of a return), in their language
	const { row, owner, submission } = decided;
	if (submission.submittedBy && !row.isSample)
		await mailUser(
			ctx,
			submission.submittedBy,
			row.state === 'approved' ? 'strategy.email_version_approved' : 'strategy.email_version_returned',
			(language) => ({ strategy: pickText(owner.title as Record<string, string>, language).text, submission: labelOf(language, submission), version: labelOf(language, row), reason: row.reason ?? '' }),
			`/strategy/${slug}/plan/versions`
		);
	return row;
}

/** The planners take back the submission waiting (to submit the draft as it is now, say). */
export async function withdrawVersion(ctx: RequestContext, slug: string, ref: string): Promise<ProgrammeVersionRow> {
	return ctx.transaction(async (tx) => {
		const owner = await lockedStrategy(tx, slug);
		tx.require('strategy.plan', strategyResource(owner));
		const before = await versionRow(tx.db, owner, ref, true);
		if (before.state !== 'submitted') throw new AppError('conflict', { extra: { reason: 'version_already_decided', state: before.state } });
		const [row] = await tx.db.update(programmeVersion).set({ state: 'withdrawn', decidedBy: tx.actor?.userId ?? null, decidedAt: tx.now() }).where(eq(programmeVersion.id, before.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'strategy_version.withdraw', resourceType: 'strategy_programme_version', resourceId: row.id, before: audited(before), after: audited(row) });
		return row;
	});
}
