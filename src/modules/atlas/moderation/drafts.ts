// Proposals saved to finish later: private to their author, kept as typed, resumed on the page they came from.
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { ErasedData } from '../../../platform/kernel/manifest.ts';
import { proposalDraft } from './moderation.table.ts';

export type DraftValues = Record<string, string | string[]>;

const resumable = /^\/atlas\/initiatives\/(new|[a-z0-9-]+\/propose)$/;
/** What may not be kept: the buttons that sent the form, and the draft's own id. */
const notKept = new Set(['saveDraft', 'addRow', 'draft']);

/** A draft's title as its author typed it, in the first language given. */
const draftTitle = (values: DraftValues) => ['title_fr', 'title_ar', 'title_en'].map((key) => values[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? null;

/** Saves the form as typed (a new draft, or over the author's own draft `draftId`); returns the draft's id. */
export async function saveDraft(ctx: RequestContext, input: { draftId?: string | null; resumePath: string; values: DraftValues }): Promise<string> {
	const who = ctx.require('atlas.propose');
	if (!resumable.test(input.resumePath)) throw new AppError('invalid_input', { fields: [{ path: 'resumePath', messageKey: 'field_choice' }] });
	const values = Object.fromEntries(Object.entries(input.values).filter(([key]) => !notKept.has(key)));
	return ctx.transaction(async ({ db, audit }) => {
		// over the author's own draft if there is one, else a new one
		const [updated] = input.draftId
			? await db
					.update(proposalDraft)
					.set({ values, resumePath: input.resumePath, updatedAt: ctx.now() })
					.where(and(eq(proposalDraft.id, input.draftId), eq(proposalDraft.userId, who.userId)))
					.returning({ id: proposalDraft.id })
			: [];
		const [saved] = updated ? [updated] : await db.insert(proposalDraft).values({ userId: who.userId, resumePath: input.resumePath, values }).returning({ id: proposalDraft.id });
		// the trail says a draft was saved, not what it holds
		await recordAudit(db, audit, { action: 'atlas_draft.save', resourceType: 'atlas_proposal_draft', resourceId: saved.id });
		return saved.id;
	});
}

/** The author's own draft (anyone else's: not found). */
export async function getDraft(ctx: RequestContext, id: string): Promise<{ id: string; resumePath: string; values: DraftValues; updatedAt: Date }> {
	const who = ctx.require('atlas.propose');
	if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(proposalDraft).where(and(eq(proposalDraft.id, id), eq(proposalDraft.userId, who.userId)));
	if (!row) throw new AppError('not_found');
	return { id: row.id, resumePath: row.resumePath, values: row.values as DraftValues, updatedAt: row.updatedAt };
}

/** The author's drafts, last saved first. */
export async function listDrafts(ctx: RequestContext) {
	const who = ctx.require('atlas.propose');
	const rows = await ctx.db.select().from(proposalDraft).where(eq(proposalDraft.userId, who.userId)).orderBy(desc(proposalDraft.updatedAt));
	return rows.map((row) => ({ id: row.id, resumePath: row.resumePath, title: draftTitle(row.values as DraftValues), updatedAt: row.updatedAt }));
}

/** Removes the author's draft (once its proposal is sent, or when they discard it). */
export async function deleteDraft(ctx: RequestContext, id: string): Promise<void> {
	const who = ctx.require('atlas.propose');
	if (!/^[0-9a-f-]{36}$/.test(id)) return;
	await ctx.transaction(async ({ db, audit }) => {
		const removed = await db.delete(proposalDraft).where(and(eq(proposalDraft.id, id), eq(proposalDraft.userId, who.userId))).returning({ id: proposalDraft.id });
		if (removed.length) await recordAudit(db, audit, { action: 'atlas_draft.delete', resourceType: 'atlas_proposal_draft', resourceId: id });
	});
}

/** The Atlas's part of a person's data (their drafts), for the export and the closing of the account. */
export const atlasPersonalData = {
	tables: [{ table: proposalDraft, userColumn: proposalDraft.userId, exportKey: 'atlasDrafts' }],
	async export(db: DbOrTx, actor: Actor) {
		const rows = await db.select().from(proposalDraft).where(eq(proposalDraft.userId, actor.userId)).orderBy(desc(proposalDraft.updatedAt));
		return { atlasDrafts: rows.map((row) => ({ resumePath: row.resumePath, values: row.values, createdAt: row.createdAt, updatedAt: row.updatedAt })) };
	},
	async erase(tx: DbOrTx, userId: string): Promise<ErasedData> {
		const removed = await tx.delete(proposalDraft).where(eq(proposalDraft.userId, userId)).returning({ id: proposalDraft.id });
		return { removed: removed.length ? ['atlas_drafts'] : [] };
	}
};
