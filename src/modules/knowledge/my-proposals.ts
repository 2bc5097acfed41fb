// A proposer's own proposals to the library (issue #14): the documents and changes they sent, with the
// editors' answer, and the withdrawal of one still waiting — confirmed on its own page (a plain form), refused
// when the proposal changed since the confirmation was shown. The platform's moderation keeps the proposals
// (ADR 0011); a withdrawn proposal's PDF is left in the file store for the daily `knowledge.sweep-files`, which
// removes it two days after nothing names it any more (refused-files.ts).
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { findOwnProposal, listOwnProposals, waitingStatuses, withdrawProposal } from '../../platform/moderation/moderation.service.ts';
import type { ProposalRow } from '../../platform/moderation/moderation.table.ts';
import { documentProposals } from './document.service.ts';
import { document, type Translated } from './knowledge.table.ts';

/** The decided proposals a list shows besides those waiting (the newest). */
export const DECIDED_SHOWN = 20;

export const MyProposal = z
	.object({
		id: z.uuid(),
		title: z.record(z.string(), z.string()).meta({ description: 'The proposed titles, keyed by their language (fr, ar, en)' }),
		type: z.string(),
		status: z.enum(['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn']),
		/** a change to a published document (its slug), or null for a new one */
		document: z.object({ slug: z.string(), title: z.record(z.string(), z.string()) }).nullable().meta({ description: 'The published document a change proposal is for; null for a new document' }),
		baseVersion: z.int().nullable(),
		file: z.object({ name: z.string(), bytes: z.int(), pages: z.int() }).nullable().meta({ description: 'The PDF sent with it, if any' }),
		externalUrl: z.string().nullable(),
		comment: z.string().nullable().meta({ description: 'The proposer’s message to the editors' }),
		reviewReason: z.string().nullable().meta({ description: 'The editors’ reason, for a refusal or a request for changes' }),
		createdAt: z.string(),
		reviewedAt: z.string().nullable(),
		withdrawable: z.boolean()
	})
	.meta({ id: 'KnowledgeMyProposal' });
export type MyProposal = z.infer<typeof MyProposal>;

export const MyProposalList = z
	.object({ waiting: z.array(MyProposal).meta({ description: 'Pending or sent back for changes, newest first' }), decided: z.array(MyProposal).meta({ description: `The ${DECIDED_SHOWN} latest others (approved, refused, withdrawn)` }) })
	.meta({ id: 'KnowledgeMyProposalList' });

export const WithdrawalInput = z
	.object({
		expectedStatus: z
			.enum(['pending', 'changes_requested'])
			.optional()
			.meta({ description: 'The status the proposer saw: a proposal whose status differs by now (an editor decided meanwhile) is refused with 409 `stale_proposal`' })
	})
	.meta({ id: 'KnowledgeProposalWithdrawal' });

type Data = { title?: Translated; type?: string; file?: { name?: string; bytes?: number; pages?: number } | null; externalUrl?: string | null };

function shown(row: ProposalRow, documents: Map<string, { slug: string; title: Translated }>): MyProposal {
	const data = (row.data ?? {}) as Data;
	const subject = row.subjectId ? documents.get(row.subjectId) : undefined;
	return {
		id: row.id,
		title: Object.fromEntries(Object.entries(data.title ?? {}).filter(([, text]) => typeof text === 'string' && text !== '')) as Record<string, string>,
		type: data.type ?? '',
		status: row.status,
		document: subject ? { slug: subject.slug, title: subject.title as Record<string, string> } : null,
		baseVersion: row.baseVersion,
		file: data.file?.name ? { name: data.file.name, bytes: data.file.bytes ?? 0, pages: data.file.pages ?? 0 } : null,
		externalUrl: data.externalUrl ?? null,
		comment: row.comment,
		reviewReason: row.reviewReason,
		createdAt: row.createdAt.toISOString(),
		reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
		withdrawable: waitingStatuses.includes(row.status)
	};
}

async function documentsOf(ctx: RequestContext, rows: ProposalRow[]) {
	const ids = [...new Set(rows.flatMap((row) => (row.subjectId ? [row.subjectId] : [])))];
	if (!ids.length) return new Map<string, { slug: string; title: Translated }>();
	const found = await ctx.db.select({ id: document.id, slug: document.slug, title: document.title }).from(document).where(inArray(document.id, ids));
	return new Map(found.map((row) => [row.id, { slug: row.slug, title: row.title }]));
}

/** The proposals the person sent to the library: those still waiting (all), and the latest decided ones. */
export async function myProposals(ctx: RequestContext): Promise<z.infer<typeof MyProposalList>> {
	const { waiting, decided } = await listOwnProposals(ctx, documentProposals, { decided: DECIDED_SHOWN });
	const documents = await documentsOf(ctx, [...waiting, ...decided]);
	return { waiting: waiting.map((row) => shown(row, documents)), decided: decided.map((row) => shown(row, documents)) };
}

/** One proposal of the person's own (anyone else's, or one of another collection: not found). */
export async function myProposal(ctx: RequestContext, id: string): Promise<MyProposal> {
	const row = await findOwnProposal(ctx, documentProposals, id);
	return shown(row, await documentsOf(ctx, [row]));
}

/**
 * Withdraws one's own proposal still waiting (audited by the platform, `knowledge_document_proposal.withdraw`):
 * refused (409) when it was decided meanwhile (`not_pending`) or no longer has the status the proposer saw
 * (`stale_proposal`). Its PDF stays in the file store until the daily sweep finds nothing naming it.
 */
export async function withdrawMyProposal(ctx: RequestContext, id: string, input: unknown = {}): Promise<MyProposal> {
	const { expectedStatus } = parseOrThrow(WithdrawalInput, input ?? {});
	await withdrawProposal(ctx, documentProposals, id, { expectedStatus });
	return myProposal(ctx, id);
}
