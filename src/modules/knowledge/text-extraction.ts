// The text of the library's PDFs, page by page, extracted in the background (job `knowledge.extract-texts`,
// every minute on the platform's job queue) so that full-text search finds what documents say.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { document, documentPage } from './knowledge.table.ts';

/** PostgreSQL refuses NUL in text; PDFs' text layers sometimes carry it, and runs of spaces. */
const clean = (text: string) => text.replace(/\u0000/g, '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

/** The text of every page of a PDF (pdf.js's text layer: a scanned page without one gives ''). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
	try {
		const pdf = await task.promise;
		const pages: string[] = [];
		for (let number = 1; number <= pdf.numPages; number++) {
			const page = await pdf.getPage(number);
			const content = await page.getTextContent();
			pages.push(clean(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('')));
			page.cleanup();
		}
		return pages;
	} finally {
		await task.destroy();
	}
}

/**
 * Extracts the text of up to `limit` documents waiting for it (oldest change first). Each document is
 * taken under a row lock skipped by other instances, its pages replaced in one transaction; a file that
 * cannot be read marks the document `failed` with the reason (an editor may send it again), and the
 * others go on. Returns what was done.
 */
export async function extractPendingTexts(db: Db, files: FileStore, options: { limit?: number } = {}): Promise<{ done: number; failed: number }> {
	const result = { done: 0, failed: 0 };
	for (let index = 0; index < (options.limit ?? 20); index++) {
		const outcome = await db.transaction(async (tx) => {
			const [row] = await tx
				.select({ id: document.id, file: document.file })
				.from(document)
				.where(eq(document.textStatus, 'pending'))
				.orderBy(document.updatedAt)
				.limit(1)
				.for('update', { skipLocked: true });
			if (!row) return null;
			try {
				const bytes = row.file ? await files.get(row.file.key) : null;
				if (!bytes) throw new Error('the stored file is missing');
				const pages = await pdfPages(bytes);
				await tx.delete(documentPage).where(eq(documentPage.documentId, row.id));
				for (let start = 0; start < pages.length; start += 200) {
					await tx.insert(documentPage).values(pages.slice(start, start + 200).map((text, offset) => ({ documentId: row.id, page: start + offset + 1, text })));
				}
				await tx.update(document).set({ textStatus: 'done', textError: null }).where(eq(document.id, row.id));
				return 'done' as const;
			} catch (error) {
				await tx
					.update(document)
					.set({ textStatus: 'failed', textError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500) })
					.where(eq(document.id, row.id));
				return 'failed' as const;
			}
		});
		if (!outcome) break;
		result[outcome]++;
	}
	return result;
}

/** How many documents wait for their text, and how many could not be read (the editors' queue shows it). */
export async function textProgress(db: Db) {
	const rows = await db
		.select({ status: document.textStatus, n: sql<number>`count(*)::int` })
		.from(document)
		.where(inArray(document.textStatus, ['pending', 'failed']))
		.groupBy(document.textStatus);
	return Object.fromEntries(rows.map((row) => [row.status, row.n])) as { pending?: number; failed?: number };
}


/** The job's name on the queue (`<module>.<job>`, the manifest's `jobs` key). */
export const EXTRACT_TEXTS_JOB = 'knowledge.extract-texts';

/** Asks the queue to extract now (after a publication with a PDF) rather than at the next minute; a failure to ask changes nothing. */
export async function extractSoon(queue: { send(name: string, data: object): Promise<string | null> }): Promise<void> {
	await queue.send(EXTRACT_TEXTS_JOB, {}).catch(() => undefined);
}
