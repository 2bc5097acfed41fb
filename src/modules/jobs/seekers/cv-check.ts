import { AppError } from '../../../platform/http/app-error.ts';

/** A CV is a PDF of at most 5 MB. */
export const CV_MAX_BYTES = 5 * 1024 * 1024;
const PDF_MAGIC = new TextEncoder().encode('%PDF-');
const MAX_PAGES_INSPECTED = 60;

/** Tokens of active content, looked for in the file's uncompressed parts as a second net. */
const ACTIVE_TOKENS = /\/(JavaScript|JS|Launch|RichMedia|XFA|EmbeddedFiles?|SubmitForm|ImportData|GoToE)\b/;

/** Link targets a CV may point to: web pages and e-mail addresses, nothing that runs. */
const SAFE_LINK = /^(https?:|mailto:)/i;

const refused = (reason: 'cv_not_pdf' | 'cv_active_content') => new AppError('unsupported_media_type', { extra: { reason } });

/**
 * Checks a CV by its content, whatever its name or declared type: at most 5 MB, a PDF whose structure a
 * PDF reader (Mozilla's pdf.js) opens, with at least one page, and without active content — scripts
 * (document, page or form actions), launch actions, embedded files, rich media or XFA forms — which a
 * counsellor's or employer's PDF viewer could run. `payload_too_large` or `unsupported_media_type`
 * (`cv_not_pdf`, `cv_active_content`) otherwise.
 */
export async function checkCv(bytes: Uint8Array): Promise<void> {
	if (bytes.byteLength === 0) throw new AppError('invalid_input', { fields: [{ path: 'cv', messageKey: 'field_required' }], extra: { reason: 'cv_empty' } });
	if (bytes.byteLength > CV_MAX_BYTES) throw new AppError('payload_too_large', { values: { limit: '5 MB' }, extra: { reason: 'cv_too_large' } });
	if (bytes.byteLength < PDF_MAGIC.length || PDF_MAGIC.some((byte, index) => bytes[index] !== byte)) throw refused('cv_not_pdf');
	if (ACTIVE_TOKENS.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) throw refused('cv_active_content');

	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// pdf.js may detach the buffer it reads, and refuses a Node Buffer: it gets a plain copy
	const task = getDocument({ data: new Uint8Array(bytes), stopAtErrors: true, verbosity: 0, disableFontFace: true });
	try {
		let document: Awaited<typeof task.promise>;
		try {
			document = await task.promise;
		} catch {
			throw refused('cv_not_pdf');
		}
		if (document.numPages < 1) throw refused('cv_not_pdf');
		if ((await document.hasJSActions()) || (await document.getJSActions()) || (await document.getAttachments())) throw refused('cv_active_content');
		for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES_INSPECTED); number++) {
			const page = await document.getPage(number).catch(() => {
				throw refused('cv_not_pdf');
			});
			if (await page.getJSActions()) throw refused('cv_active_content');
			for (const annotation of (await page.getAnnotations()) as { actions?: unknown; unsafeUrl?: string; subtype?: string }[]) {
				if (annotation.actions && Object.keys(annotation.actions).length) throw refused('cv_active_content');
				if (annotation.unsafeUrl && !SAFE_LINK.test(annotation.unsafeUrl)) throw refused('cv_active_content');
				if (annotation.subtype === 'FileAttachment' || annotation.subtype === 'RichMedia' || annotation.subtype === 'Screen') throw refused('cv_active_content');
			}
		}
	} finally {
		await task.destroy();
	}
}
