// A library PDF is checked by its content, never by its name or declared type, before anything is stored.
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { DOCUMENT_FILE_PREFIX, DOCUMENT_MAX_BYTES } from './knowledge.model.ts';
import type { StoredPdf } from './knowledge.table.ts';

const PDF_MAGIC = new TextEncoder().encode('%PDF-');

export type FileRefusal = 'document_not_pdf' | 'document_encrypted' | 'document_broken' | 'document_too_large' | 'document_empty';

const refused = (reason: FileRefusal) =>
	reason === 'document_too_large'
		? new AppError('payload_too_large', { values: { limit: '50 MB' }, fields: [{ path: 'file', messageKey: 'field_invalid' }], extra: { reason } })
		: new AppError(reason === 'document_empty' ? 'invalid_input' : 'unsupported_media_type', { fields: [{ path: 'file', messageKey: 'field_invalid' }], extra: { reason } });

/**
 * At most 50 MB, starting with `%PDF-`, opened by a PDF reader (Mozilla's pdf.js) without a password
 * and with at least one page. Returns the number of pages. Refusals: `payload_too_large`
 * (`document_too_large`) or `unsupported_media_type` (`document_not_pdf`, `document_encrypted`, `document_broken`).
 */
export async function checkDocumentPdf(bytes: Uint8Array): Promise<{ pages: number }> {
	if (bytes.byteLength === 0) throw refused('document_empty');
	if (bytes.byteLength > DOCUMENT_MAX_BYTES) throw refused('document_too_large');
	if (bytes.byteLength < PDF_MAGIC.length || PDF_MAGIC.some((byte, index) => bytes[index] !== byte)) throw refused('document_not_pdf');
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// pdf.js may detach the buffer it reads, and refuses a Node Buffer: it gets a plain copy
	const task = getDocument({ data: new Uint8Array(bytes), stopAtErrors: true, verbosity: 0, disableFontFace: true });
	try {
		let pdf: Awaited<typeof task.promise>;
		try {
			pdf = await task.promise;
		} catch (error) {
			// an encrypted file asks for a password: nobody could read it on the site, nor search its text
			throw refused((error as { name?: string })?.name === 'PasswordException' ? 'document_encrypted' : 'document_broken');
		}
		if (pdf.numPages < 1) throw refused('document_broken');
		await pdf.getPage(1).catch(() => {
			throw refused('document_broken');
		});
		return { pages: pdf.numPages };
	} finally {
		await task.destroy();
	}
}

/** Checks, then stores the PDF under its content's hash (a second upload of the same file stores nothing new). */
export async function storeDocumentPdf(files: FileStore | null, bytes: Uint8Array, name: string): Promise<StoredPdf> {
	const { pages } = await checkDocumentPdf(bytes);
	if (!files) throw new AppError('internal', { extra: { reason: 'no_file_store' } });
	const key = `${DOCUMENT_FILE_PREFIX}${createHash('sha256').update(bytes).digest('hex')}.pdf`;
	if (!(await files.exists(key))) await files.put(key, bytes);
	return { key, bytes: bytes.byteLength, pages, name: name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'document.pdf' };
}
