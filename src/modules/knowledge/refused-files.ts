// The PDF of a refused proposal: stored when it was sent (under its content's hash), reachable by nobody
// once the proposal is refused. It is removed from the file store at the refusal — unless the same file
// (the same hash) is still named by a document, one of its published versions or another proposal not
// refused or withdrawn, which then keeps it. A daily sweep removes what that leaves behind: the files of
// withdrawn proposals, of a form that failed after its file was stored, or of a refusal that raced an upload
// of the same file — each only once nobody has named it for a grace period.
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { rejectProposal } from '../../platform/moderation/moderation.service.ts';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import type { Notify } from '../../platform/moderation/notify.ts';
import { documentProposals } from './document.service.ts';
import { DOCUMENT_FILE_PREFIX, documentsCollection } from './knowledge.model.ts';
import { document, documentVersion, orphanFile } from './knowledge.table.ts';

/** Whether a document, a published version or a live proposal (other than `proposalId`) names the file `key`. */
export async function fileStillNamed(ctx: RequestContext, key: string, proposalId: string): Promise<boolean> {
	return (await namedKeys(ctx.db, [key], proposalId)).has(key);
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

/** How long a file nobody names is kept: a proposal's file is stored just before its proposal is written. */
export const ORPHAN_GRACE_MS = 2 * 86_400_000;

/** The keys among these that a document, a published version or a live proposal (other than `exceptProposal`) names. */
async function namedKeys(db: DbOrTx, keys: string[], exceptProposal?: string): Promise<Set<string>> {
	if (!keys.length) return new Set();
	const proposalKey = sql<string>`${moderationProposal.data}->'file'->>'key'`;
	const [documents, versions, proposals] = await Promise.all([
		db.select({ key: document.fileKey }).from(document).where(inArray(document.fileKey, keys)),
		db.selectDistinct({ key: sql<string>`${documentVersion.snapshot}->'file'->>'key'` }).from(documentVersion).where(inArray(sql`${documentVersion.snapshot}->'file'->>'key'`, keys)),
		db
			.selectDistinct({ key: proposalKey })
			.from(moderationProposal)
			.where(
				and(
					eq(moderationProposal.collection, documentsCollection),
					exceptProposal ? ne(moderationProposal.id, exceptProposal) : undefined,
					notInArray(moderationProposal.status, ['rejected', 'withdrawn']),
					inArray(proposalKey, keys)
				)
			)
	]);
	return new Set([...documents, ...versions, ...proposals].map((row) => row.key).filter((key): key is string => Boolean(key)));
}

/**
 * The daily sweep of the library's files (job `knowledge.sweep-files`): a file nobody names is noted the first
 * time it is seen so, and removed when a later sweep, at least ORPHAN_GRACE_MS after, finds it still unnamed —
 * checked again under the file's lock, as a refusal does. One audit event per run lists what was removed.
 */
export async function sweepOrphanFiles(db: Db, files: FileStore, audit: AuditContext, now: Date): Promise<{ removed: string[]; waiting: number }> {
	const stored: string[] = [];
	for await (const key of files.list(DOCUMENT_FILE_PREFIX)) stored.push(key);
	const removed: string[] = [];
	let waiting = 0;
	for (let start = 0; start < stored.length; start += 500) {
		const batch = stored.slice(start, start + 500);
		const named = await namedKeys(db, batch);
		const unnamed = batch.filter((key) => !named.has(key));
		if (named.size) await db.delete(orphanFile).where(inArray(orphanFile.key, [...named]));
		const seen = new Map((unnamed.length ? await db.select().from(orphanFile).where(inArray(orphanFile.key, unnamed)) : []).map((row) => [row.key, row.seenAt]));
		const fresh = unnamed.filter((key) => !seen.has(key));
		if (fresh.length) await db.insert(orphanFile).values(fresh.map((key) => ({ key, seenAt: now }))).onConflictDoNothing();
		for (const key of unnamed) {
			const since = seen.get(key);
			if (!since || now.getTime() - since.getTime() < ORPHAN_GRACE_MS) {
				waiting++;
				continue;
			}
			const gone = await db.transaction(async (tx) => {
				await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`knowledge.file:${key}`}))`);
				if ((await namedKeys(tx, [key])).size) {
					await tx.delete(orphanFile).where(eq(orphanFile.key, key));
					return false;
				}
				await tx.delete(orphanFile).where(eq(orphanFile.key, key));
				// last: a store that fails undoes the rest with the transaction
				await files.delete(key);
				return true;
			});
			if (gone) removed.push(key);
		}
	}
	// notes of files no longer in the store
	if (stored.length) await db.delete(orphanFile).where(notInArray(orphanFile.key, stored));
	else await db.delete(orphanFile);
	if (removed.length) {
		await recordAudit(db, audit, { action: 'knowledge_document_file.sweep', resourceType: 'knowledge_document_file', resourceId: null, after: { removed, graceDays: ORPHAN_GRACE_MS / 86_400_000 } });
	}
	return { removed, waiting };
}
