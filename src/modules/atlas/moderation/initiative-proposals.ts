// The Atlas's initiatives as a collection of the platform's moderation (ADR 0011): partners propose
// complete versions, moderators review them. What is the Atlas's own stays here: the initiative's
// validation with organisations named by slug, its versions, its publication (and the acceptance of the
// organisations a partner's import left pending), the compared fields, the e-mails' words.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { ModeratedCollection, ModeratedSubject } from '../../../platform/moderation/moderation.service.ts';
import { initiative, initiativeVersion, type Translated } from '../atlas.table.ts';
import { InitiativeInput, type InitiativeData } from '../atlas.schemas.ts';
import { checkAmounts, checkShares, createInitiative, updateInitiative } from '../initiative.service.ts';
import { initiativeDiff, type DiffField } from './diff.ts';
import { initiativesCollection } from '../atlas.model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An initiative's title in the first language given, French first (lists, e-mails). */
export function titleText(title: Translated | undefined | null): string {
	return title?.fr ?? title?.en ?? title?.ar ?? '';
}

const subjectColumns = { id: initiative.id, slug: initiative.slug, version: initiative.version, title: initiative.title };
const asSubject = (row: { id: string; slug: string; version: number; title: Translated }): ModeratedSubject => ({ ...row, title: titleText(row.title) });

/** A published initiative by id or slug (`lock`: held for update until the transaction ends). */
export async function findInitiative(db: DbOrTx, idOrSlug: string, options: { lock?: boolean } = {}): Promise<ModeratedSubject | null> {
	const query = db
		.select(subjectColumns)
		.from(initiative)
		.where(UUID.test(idOrSlug) ? eq(initiative.id, idOrSlug) : eq(initiative.slug, idOrSlug.toLowerCase()));
	const [row] = options.lock ? await query.for('update') : await query;
	return row ? asSubject(row) : null;
}

/** One published version's snapshot (null: no such version). */
export async function initiativeSnapshot(db: DbOrTx, initiativeId: string, number: number): Promise<unknown | null> {
	const [row] = await db
		.select({ snapshot: initiativeVersion.snapshot })
		.from(initiativeVersion)
		.where(and(eq(initiativeVersion.initiativeId, initiativeId), eq(initiativeVersion.number, number)));
	return row?.snapshot ?? null;
}

/** The proposed data, validated, with organisations named by slug (so versions compare field by field). */
async function normaliseProposal({ db }: RequestContext, input: unknown): Promise<InitiativeData> {
	const data = parseOrThrow(InitiativeInput, input);
	const shares = checkShares(data);
	if (shares.length) throw new AppError('invalid_input', { fields: shares });
	const keys = [...new Set([...data.organisations.map((entry) => entry.organisation), ...data.yearlyAmounts.flatMap((entry) => (entry.organisation ? [entry.organisation] : []))])];
	if (!keys.length) {
		const amounts = checkAmounts(data);
		if (amounts.length) throw new AppError('invalid_input', { fields: amounts });
		return data;
	}
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
	const slugOf = (key: string) => bySlugOrId.get(key) ?? bySlugOrId.get(key.toLowerCase()) ?? key;
	const named = {
		...data,
		organisations: data.organisations.map((entry) => ({ ...entry, organisation: slugOf(entry.organisation) })),
		yearlyAmounts: data.yearlyAmounts.map((entry) => ({ ...entry, organisation: entry.organisation ? slugOf(entry.organisation) : null }))
	};
	// a second figure beside its first, yearly amounts of the funders named: said at once, when proposing
	const amounts = checkAmounts(named);
	if (amounts.length) throw new AppError('invalid_input', { fields: amounts });
	return named;
}

/**
 * The organisations a partner's import created wait (pending) until a moderator approves a proposal
 * naming them: they then become public, each acceptance in the audit trail.
 */
async function acceptPendingOrganisations({ db: tx, audit, now }: RequestContext, data: InitiativeData) {
	const keys = [...new Set((data.organisations ?? []).map((entry) => entry.organisation))];
	if (!keys.length) return;
	const ids = keys.filter((key) => UUID.test(key));
	const accepted = await tx
		.update(organisation)
		.set({ status: 'active', updatedAt: now() })
		.where(and(ids.length ? or(inArray(organisation.slug, keys), inArray(organisation.id, ids)) : inArray(organisation.slug, keys), eq(organisation.status, 'pending')))
		.returning({ id: organisation.id, slug: organisation.slug });
	for (const row of accepted) {
		await recordAudit(tx, audit, { action: 'organisation.accept', resourceType: 'organisation', resourceId: row.id, before: { status: 'pending' }, after: { status: 'active', slug: row.slug } });
	}
}

/** A proposal saved to finish later is resumed on the page it came from. */
const draftTitle = (values: Record<string, string | string[]>) =>
	['title_fr', 'title_ar', 'title_en'].map((key) => values[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? null;

export const initiativeProposals: ModeratedCollection<InitiativeData, DiffField> = {
	key: initiativesCollection,
	actions: { propose: 'atlas.propose', review: 'atlas.moderate', discuss: 'atlas.discuss' },
	audit: {
		proposal: 'initiative_proposal',
		subjectKey: 'initiativeId',
		subject: 'initiative',
		message: 'initiative_message',
		draft: 'atlas_draft',
		draftResource: 'atlas_proposal_draft'
	},
	normalise: normaliseProposal,
	// a proposal never moves the initiative to another address
	keep: (data, subject) => ({ ...data, slug: subject.slug }),
	find: ({ db }, idOrSlug, options = {}) => findInitiative(db, idOrSlug, options),
	async subjects({ db }, ids) {
		if (!ids.length) return new Map();
		const rows = await db.select(subjectColumns).from(initiative).where(inArray(initiative.id, ids));
		return new Map(rows.map((row) => [row.id, asSubject(row)]));
	},
	version: ({ db }, subjectId, number) => initiativeSnapshot(db, subjectId, number),
	async publish(ctx, { proposalId, subjectId, data, expectedVersion, author }) {
		let published: { id: string; slug: string; version: number };
		if (subjectId) {
			const [current] = await ctx.db.select({ slug: initiative.slug }).from(initiative).where(eq(initiative.id, subjectId));
			published = await updateInitiative(ctx, subjectId, { ...data, slug: current?.slug ?? data.slug }, { ...author, expectedVersion });
		} else {
			published = { ...(await createInitiative(ctx, data, author)), version: 1 };
		}
		if (proposalId) await acceptPendingOrganisations(ctx, data);
		return published;
	},
	title: (data) => titleText(data.title),
	diff: initiativeDiff,
	emails: 'atlas_moderation',
	pages: {
		review: (language, id) => `/${language}/atlas/moderation/proposals/${id}`,
		subject: (language, slug) => `/${language}/atlas/initiatives/${slug}`,
		home: (language) => `/${language}/atlas`
	},
	drafts: {
		resumable: /^\/atlas\/initiatives\/(new|[a-z0-9-]+\/propose)$/,
		notKept: ['saveDraft', 'addRow', 'refreshCommunes', 'draft'],
		title: draftTitle
	}
};
