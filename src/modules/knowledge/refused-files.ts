// The PDF of a refused proposal: stored when it was sent (under its content's hash), reachable by nobody
// once the proposal is refused. It is removed from the file store at the refusal — unless the same file
// (the same hash) is still named by a document, one of its published versions or another proposal not
// refused or withdrawn, which then keeps it.
import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { rejectProposal } from '../../platform/moderation/moderation.service.ts';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import type { Notify } from '../../platform/moderation/notify.ts';
import { documentProposals } from './document.service.ts';
import { DOCUMENT_FILE_PREFIX, documentsCollection } from './knowledge.model.ts';
import { document, documentVersion } from './knowledge.table.ts';

/** Whether a document, a published version or a live proposal (other than `proposalId`) names the file `key`. */
export async function fileStillNamed(ctx: RequestContext, key: string, proposalId: string): Promise<boolean> {
	const [named] = await ctx.db
		.select({ one: sql<number>`1` })
		.from(document)
		.where(eq(document.fileKey, key))
		.limit(1);
	if (named) return true;
	const [versioned] = await ctx.db
		.select({ one: sql<number>`1` })
		.from(documentVersion)
		.where(sql`${documentVersion.snapshot}->'file'->>'key' = ${key}`)
		.limit(1);
	if (versioned) return true;
	const [proposed] = await ctx.db
		.select({ one: sql<number>`1` })
		.from(moderationProposal)
		.where(
			and(
				eq(moderationProposal.collection, documentsCollection),
				ne(moderationProposal.id, proposalId),
				notInArray(moderationProposal.status, ['rejected', 'withdrawn']),
				sql`${moderationProposal.data}->'file'->>'key' = ${key}`
			)
		)
		.limit(1);
	return Boolean(proposed);
}

/**
 * Removes the stored PDF of the refused proposal `proposalId` when nothing else names it; audited
 * (`knowledge_document_file.delete`, with the key and the proposal) in the transaction that decides it.
 * Returns what became of it: `removed`, `kept` (still named elsewhere) or `none` (no file, or not refused).
 */
export async function forgetRefusedFile(ctx: RequestContext, proposalId: string): Promise<'removed' | 'kept' | 'none'> {
	ctx.require(documentProposals.actions.review);
	return ctx.transaction(async (inTx) => {
		const [row] = await inTx.db
			.select({ key: sql<string | null>`${moderationProposal.data}->'file'->>'key'` })
			.from(moderationProposal)
			.where(and(eq(moderationProposal.id, proposalId), eq(moderationProposal.collection, documentsCollection), eq(moderationProposal.status, 'rejected')));
		const key = row?.key;
		if (!key || !key.startsWith(DOCUMENT_FILE_PREFIX) || !inTx.files) return 'none';
		// one decision per file at a time: two refusals of the same file, or a refusal and a publication, queue here
		await inTx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`knowledge.file:${key}`}))`);
		if (await fileStillNamed(inTx, key, proposalId)) return 'kept';
		if (!(await inTx.files.exists(key))) return 'none';
		await recordAudit(inTx.db, inTx.audit, {
			action: 'knowledge_document_file.delete',
			resourceType: 'knowledge_document_proposal',
			resourceId: proposalId,
			before: { fileKey: key },
			after: { reason: 'proposal_rejected' }
		});
		// last: a store that fails undoes the audit event with the transaction
		await inTx.files.delete(key);
		return 'removed';
	});
}

/** Refuses a pending proposal (the proposer is told why), then removes its PDF when nothing else names it. */
export async function rejectDocumentProposal(ctx: RequestContext, id: string, reason: string, notify?: Notify) {
	const proposal = await rejectProposal(ctx, documentProposals, id, reason, notify);
	const file = await forgetRefusedFile(ctx, proposal.id);
	return { proposal, file };
}
