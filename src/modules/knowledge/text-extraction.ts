// The text of the library's PDFs, page by page, extracted in the background (job `knowledge.extract-texts`,
// every minute on the platform's job queue) so that full-text search finds what documents say.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { document, documentPage } from './knowledge.table.ts';

/** PostgreSQL refuses NUL in text; PDFs' text layers sometimes carry it, and runs of spaces. */
const clean = (text: string) => text.replace(/\u0000/g, '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

/** Opens a PDF with pdf.js, runs `read` on it, and frees it. */
async function withPdf<T>(bytes: Uint8Array, read: (pdf: PdfDocument) => Promise<T>): Promise<T> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
	try {
		return await read(await task.promise);
	} finally {
		await task.destroy();
	}
}

/** The text of pages `from` to `to` (1-based, inclusive): pdf.js's text layer, '' for a scanned page without one. */
async function pageTexts(pdf: PdfDocument, from: number, to: number): Promise<string[]> {
	const pages: string[] = [];
	for (let number = from; number <= to; number++) {
		const page = await pdf.getPage(number);
		const content = await page.getTextContent();
		pages.push(clean(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('')));
		page.cleanup();
	}
	return pages;
}

/** The text of every page of a PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	return withPdf(bytes, (pdf) => pageTexts(pdf, 1, pdf.numPages));
}

/** A run silent for this long has died: another takes its document over, from its last page written. */
export const TEXT_CLAIM_LEASE_MS = 10 * 60_000;

export interface ExtractionOptions {
	/** documents per run (default 20) */
	limit?: number;
	/** pages read and written together, each chunk with its progress (default 25) */
	chunkPages?: number;
	/** after this long the run stops at the end of a chunk, leaving the rest to the next run (default 10 minutes) */
	budgetMs?: number;
	now?: () => Date;
}

/**
 * Extracts the text of documents waiting for it (oldest change first), page by page in chunks: each chunk's
 * pages are written with the progress (`text_pages_done` of `text_pages_total`), so the editors see how far a
 * very large PDF is, what is read is searchable at once, and a run that stops — its time budget spent, or its
 * process gone — is resumed from its last page by the next. A document is claimed by one run at a time (a
 * claim silent for TEXT_CLAIM_LEASE_MS is taken over); a file changed meanwhile ends the old claim. A file that
 * cannot be read marks the document `failed` with the reason (an editor may send it again), and the others go
 * on. Returns the documents finished and failed.
 */
export async function extractPendingTexts(db: Db, files: FileStore, options: ExtractionOptions = {}): Promise<{ done: number; failed: number }> {
	const now = options.now ?? (() => new Date());
	const started = now().getTime();
	const chunkPages = options.chunkPages ?? 25;
	const result = { done: 0, failed: 0 };
	for (let index = 0; index < (options.limit ?? 20); index++) {
		const claimed = await claimNext(db, now());
		if (!claimed) break;
		const mine = and(eq(document.id, claimed.id), eq(document.textClaim, claimed.claim));
		try {
			const bytes = claimed.fileKey ? await files.get(claimed.fileKey) : null;
			if (!bytes) throw new Error('the stored file is missing');
			const outcome = await withPdf(bytes, async (pdf) => {
				for (let from = claimed.pagesDone + 1; from <= pdf.numPages; from += chunkPages) {
					const to = Math.min(pdf.numPages, from + chunkPages - 1);
					const texts = await pageTexts(pdf, from, to);
					const written = await db.transaction(async (tx) => {
						const [still] = await tx.update(document).set({ textPagesDone: to, textPagesTotal: pdf.numPages, textClaimedAt: now() }).where(mine).returning({ id: document.id });
						if (!still) return false;
						await tx
							.insert(documentPage)
							.values(texts.map((text, offset) => ({ documentId: claimed.id, page: from + offset, text })))
							.onConflictDoUpdate({ target: [documentPage.documentId, documentPage.page], set: { text: sql`excluded.text` } });
						return true;
					});
					if (!written) return 'lost' as const;
					if (to < pdf.numPages && now().getTime() - started >= (options.budgetMs ?? TEXT_CLAIM_LEASE_MS)) return 'paused' as const;
				}
				return 'done' as const;
			});
			if (outcome === 'done') {
				const [finished] = await db.update(document).set({ textStatus: 'done', textError: null, textClaim: null, textClaimedAt: null }).where(mine).returning({ id: document.id });
				if (finished) result.done++;
			} else if (outcome === 'paused') {
				// the next run goes on from the last page written
				await db.update(document).set({ textClaim: null, textClaimedAt: null }).where(mine);
				break;
			}
		} catch (error) {
			const reason = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
			const [failed] = await db.update(document).set({ textStatus: 'failed', textError: reason, textClaim: null, textClaimedAt: null }).where(mine).returning({ id: document.id });
			if (failed) result.failed++;
		}
	}
	return result;
}

/**
 * Takes the next document waiting (unclaimed, or its claim silent for TEXT_CLAIM_LEASE_MS) under a row lock
 * skipped by other instances. One not started for its current file (`text_pages_total` null) loses the pages
 * of an earlier file; one started goes on after its last page written.
 */
async function claimNext(db: Db, at: Date) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: document.id, file: document.file, pagesDone: document.textPagesDone, pagesTotal: document.textPagesTotal })
			.from(document)
			.where(and(eq(document.textStatus, 'pending'), or(isNull(document.textClaim), lt(document.textClaimedAt, new Date(at.getTime() - TEXT_CLAIM_LEASE_MS)))))
			.orderBy(document.updatedAt)
			.limit(1)
			.for('update', { skipLocked: true });
		if (!row) return null;
		const fresh = row.pagesTotal === null;
		if (fresh) await tx.delete(documentPage).where(eq(documentPage.documentId, row.id));
		const claim = randomUUID();
		await tx
			.update(document)
			.set({ textClaim: claim, textClaimedAt: at, ...(fresh ? { textPagesDone: 0 } : {}) })
			.where(eq(document.id, row.id));
		return { id: row.id, fileKey: row.file?.key ?? null, claim, pagesDone: fresh ? 0 : row.pagesDone };
	});
}

/**
 * How many documents wait for their text and how many could not be read, and the ones being read now with
 * their progress (pages done of the file's pages), for the editors' queue.
 */
export async function textProgress(db: Db) {
	const rows = await db
		.select({ status: document.textStatus, n: sql<number>`count(*)::int` })
		.from(document)
		.where(inArray(document.textStatus, ['pending', 'failed']))
		.groupBy(document.textStatus);
	const reading = await db
		.select({ slug: document.slug, title: document.title, pagesDone: document.textPagesDone, pagesTotal: document.textPagesTotal })
		.from(document)
		.where(and(eq(document.textStatus, 'pending'), isNotNull(document.textPagesTotal)))
		.orderBy(document.updatedAt)
		.limit(20);
	const counts = Object.fromEntries(rows.map((row) => [row.status, row.n])) as { pending?: number; failed?: number };
	return { ...counts, reading: reading.map((row) => ({ ...row, pagesTotal: row.pagesTotal ?? 0 })) };
}

/** The job's name on the queue (`<module>.<job>`, the manifest's `jobs` key). */
export const EXTRACT_TEXTS_JOB = 'knowledge.extract-texts';

/** Asks the queue to extract now (after a publication with a PDF) rather than at the next minute; a failure to ask changes nothing. */
export async function extractSoon(queue: { send(name: string, data: object): Promise<string | null> }): Promise<void> {
	await queue.send(EXTRACT_TEXTS_JOB, {}).catch(() => undefined);
}
