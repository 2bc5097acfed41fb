import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { exampleNote } from './example.table.ts';

export const NoteInput = z.object({ body: z.string().trim().min(1).max(2000) });

/** How many notes people keep (public: a count, nothing personal). */
export async function countNotes(ctx: Pick<RequestContext, 'db'>): Promise<number> {
	const [{ count }] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(exampleNote);
	return count;
}

export async function listMyNotes(ctx: RequestContext) {
	const actor = ctx.require('example.note.keep');
	return ctx.db
		.select({ id: exampleNote.id, body: exampleNote.body, createdAt: exampleNote.createdAt })
		.from(exampleNote)
		.where(eq(exampleNote.userId, actor.userId))
		.orderBy(desc(exampleNote.createdAt), asc(exampleNote.id));
}

/** Keeps a note; the write and its audit event land together. */
export async function addNote(ctx: RequestContext, input: unknown) {
	const actor = ctx.require('example.note.keep');
	const { body } = parseOrThrow(NoteInput, input);
	return ctx.transaction(async (tx) => {
		const [note] = await tx.db.insert(exampleNote).values({ userId: actor.userId, body }).returning();
		await recordAudit(tx.db, tx.audit, { action: 'example_note.create', resourceType: 'example_note', resourceId: note.id, after: { length: body.length } });
		return { id: note.id, body: note.body, createdAt: note.createdAt };
	});
}

export async function exportNotes(db: DbOrTx, userId: string) {
	return { exampleNotes: await db.select({ body: exampleNote.body, createdAt: exampleNote.createdAt }).from(exampleNote).where(eq(exampleNote.userId, userId)) };
}

export async function eraseNotes(tx: DbOrTx, userId: string) {
	await tx.delete(exampleNote).where(eq(exampleNote.userId, userId));
	return { removed: ['example_notes'] };
}
