// Atlas collaboration and moderation: proposals of initiatives, their review and the private discussion
// (the platform's moderation with the collection `initiativeProposals`, answering in the API's words:
// `initiativeId`), version history and restore, stale initiatives, organisations' freshness and
// completeness scores.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import * as moderation from '../../../platform/moderation/moderation.service.ts';
import type { ProposalStatus } from '../../../platform/moderation/moderation.table.ts';
import type { Notify } from '../../../platform/moderation/notify.ts';
import { initiative, initiativeVersion, type Translated } from '../atlas.table.ts';
import { InitiativeInput } from '../atlas.schemas.ts';
import { updateInitiative } from '../initiative.service.ts';
import { findInitiative as findPublished, initiativeProposals, initiativeSnapshot } from './initiative-proposals.ts';
import { changedFields } from './diff.ts';

async function findInitiative(db: DbOrTx, idOrSlug: string) {
	const found = await findPublished(db, idOrSlug);
	if (!found) throw new AppError('not_found');
	return found;
}

// ── Proposals ───────────────────────────────────────────────────────────────

/** A proposal as the API shows it (`InitiativeProposal`): the subject is the initiative. */
function publicProposal({ subjectId, ...view }: moderation.ProposalView) {
	return {
		id: view.id,
		initiativeId: subjectId,
		baseVersion: view.baseVersion,
		status: view.status,
		comment: view.comment,
		reviewReason: view.reviewReason,
		publishedVersion: view.publishedVersion,
		createdAt: view.createdAt,
		reviewedAt: view.reviewedAt
	};
}
export type PublicProposal = ReturnType<typeof publicProposal>;

/** A new initiative: a pending proposal, or — when the actor moderates — published at once. */
export async function proposeNewInitiative(
	ctx: RequestContext,
	input: unknown,
	options: { comment?: string | null; notify?: Notify } = {}
): Promise<{ proposal: PublicProposal | null; initiative: { id: string; slug: string; version: number } | null }> {
	const result = await moderation.proposeNew(ctx, initiativeProposals, input, options);
	return { proposal: result.proposal && publicProposal(result.proposal), initiative: result.published };
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
	return publicProposal(await moderation.proposeChange(ctx, initiativeProposals, idOrSlug, input, options));
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
	const list = await moderation.listProposals(ctx, initiativeProposals, query);
	return {
		...list,
		items: list.items.map(({ title, subjectSlug, proposer, proposerOrganisation, currentVersion, ...view }) => ({
			...publicProposal(view),
			title,
			initiativeSlug: subjectSlug,
			proposer,
			proposerOrganisation,
			currentVersion
		}))
	};
}

/** A proposal with what it changes: against its base version, and against the current one when it is stale. */
/** Publishes a pending proposal (optionally as edited by the moderator) as a new version; 409 when its base is outdated. */
export async function approveProposal(
	ctx: RequestContext,
	id: string,
	options: { edited?: unknown; expectedVersion?: number; notify?: Notify } = {}
): Promise<{ proposal: PublicProposal; initiative: { id: string; slug: string; version: number } }> {
	const result = await moderation.approveProposal(ctx, initiativeProposals, id, options);
	return { proposal: publicProposal(result.proposal), initiative: result.published };
}

export async function rejectProposal(ctx: RequestContext, id: string, reason: string, notify?: Notify) {
	return publicProposal(await moderation.rejectProposal(ctx, initiativeProposals, id, reason, notify));
}

export async function requestChanges(ctx: RequestContext, id: string, reason: string, notify?: Notify) {
	return publicProposal(await moderation.requestChanges(ctx, initiativeProposals, id, reason, notify));
}

/** A proposal of one's own (to start again from it after a request for changes). */
export async function getOwnProposal(ctx: RequestContext, id: string) {
	const { data, ...view } = await moderation.ownProposal(ctx, initiativeProposals, id);
	return { ...publicProposal(view), data };
}

/** The proposer withdraws a proposal still waiting for a decision or for changes. */
export async function withdrawProposal(ctx: RequestContext, id: string): Promise<PublicProposal> {
	return publicProposal(await moderation.withdrawProposal(ctx, initiativeProposals, id));
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
	const snapshot = await initiativeSnapshot(db, current.id, number);
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
	const snapshot = await initiativeSnapshot(ctx.db, current.id, number);
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

export function listMessages(ctx: RequestContext, idOrSlug: string) {
	return moderation.listDiscussion(ctx, initiativeProposals, idOrSlug);
}

export function postMessage(ctx: RequestContext, idOrSlug: string, body: string) {
	return moderation.postToDiscussion(ctx, initiativeProposals, idOrSlug, body);
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

/** Sends the reminders one by one; a mail that cannot go is told to `notify.onError`. Returns how many went. */
async function send(notify: Notify, mails: [locale: unknown, to: string, template: string, values: Record<string, string | number>][]) {
	let sent = 0;
	for (const [locale, to, template, values] of mails) {
		try {
			await notify.mailer.send(composeEmail(locale, to, `atlas_moderation.email_${template}`, values));
			sent++;
		} catch (error) {
			notify.onError?.(error);
		}
	}
	return sent;
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
