// Files people send (a CV, a returnee's papers) are judged by their content, never by their name or
// declared type, and only the kinds a staff member's viewer opens without running anything are kept.

/** The kinds of document accepted: a PDF, or a photograph of a paper (JPEG, PNG). */
export type DocumentFormat = 'pdf' | 'jpeg' | 'png';

export const documentMediaTypes: Record<DocumentFormat, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };

const PDF_MAGIC = new TextEncoder().encode('%PDF-');
const PNG_MAGIC = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_PAGES_INSPECTED = 60;

/** Tokens of active content, looked for in the file's uncompressed parts as a second net. */
const ACTIVE_TOKENS = /\/(JavaScript|JS|Launch|RichMedia|XFA|EmbeddedFiles?|SubmitForm|ImportData|GoToE)\b/;

/** Link targets a document may point to: web pages and e-mail addresses, nothing that runs. */
const SAFE_LINK = /^(https?:|mailto:)/i;

const startsWith = (bytes: Uint8Array, magic: Uint8Array) => bytes.byteLength >= magic.length && magic.every((byte, index) => bytes[index] === byte);

/** The format the first bytes announce (not yet a proof that the file is whole). */
export function sniffDocument(bytes: Uint8Array): DocumentFormat | null {
	if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
	if (startsWith(bytes, PNG_MAGIC)) return 'png';
	if (bytes.byteLength >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	return null;
}

/**
 * A PDF that a PDF reader (Mozilla's pdf.js) opens, with at least one page and no active content —
 * scripts (document, page or form actions), launch actions, embedded files, rich media or XFA forms —
 * which a counsellor's PDF viewer could run. Answers what is wrong, or 'ok'.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<'ok' | 'not_pdf' | 'active_content'> {
	if (!startsWith(bytes, PDF_MAGIC)) return 'not_pdf';
	if (ACTIVE_TOKENS.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) return 'active_content';
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// pdf.js may detach the buffer it reads, and refuses a Node Buffer: it gets a plain copy
	const task = getDocument({ data: new Uint8Array(bytes), stopAtErrors: true, verbosity: 0, disableFontFace: true });
	try {
		let document: Awaited<typeof task.promise>;
		try {
			document = await task.promise;
		} catch {
			return 'not_pdf';
		}
		if (document.numPages < 1) return 'not_pdf';
		if ((await document.hasJSActions()) || (await document.getJSActions()) || (await document.getAttachments())) return 'active_content';
		for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES_INSPECTED); number++) {
			const page = await document.getPage(number).catch(() => null);
			if (!page) return 'not_pdf';
			if (await page.getJSActions()) return 'active_content';
			for (const annotation of (await page.getAnnotations()) as { actions?: unknown; unsafeUrl?: string; subtype?: string }[]) {
				if (annotation.actions && Object.keys(annotation.actions).length) return 'active_content';
				if (annotation.unsafeUrl && !SAFE_LINK.test(annotation.unsafeUrl)) return 'active_content';
				if (annotation.subtype === 'FileAttachment' || annotation.subtype === 'RichMedia' || annotation.subtype === 'Screen') return 'active_content';
			}
		}
		return 'ok';
	} finally {
		await task.destroy();
	}
}

/** A PNG whose chunks run from the signature to IEND, with a header first: a whole picture, not a disguise. */
export function isWholePng(bytes: Uint8Array): boolean {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let offset = PNG_MAGIC.length;
	let first = true;
	while (offset + 12 <= bytes.byteLength) {
		const length = view.getUint32(offset);
		const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
		if (first && type !== 'IHDR') return false;
		first = false;
		offset += 12 + length;
		if (type === 'IEND') return offset === bytes.byteLength;
	}
	return false;
}

/** A JPEG whose segments run from the start marker to the image data, and which ends with the end marker. */
export function isWholeJpeg(bytes: Uint8Array): boolean {
	if (bytes[bytes.byteLength - 2] !== 0xff || bytes[bytes.byteLength - 1] !== 0xd9) return false;
	let offset = 2;
	while (offset + 4 <= bytes.byteLength) {
		if (bytes[offset] !== 0xff) return false;
		const marker = bytes[offset + 1];
		if (marker === 0xda) return true; // start of scan: the picture itself follows
		const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
		if (length < 2) return false;
		offset += 2 + length;
	}
	return false;
}

/**
 * What a sent document is, checked whole: a safe PDF (see inspectPdf), or a JPEG or PNG picture whose
 * structure holds from start to end. `null` for anything else, `active_content` for a PDF that could run code.
 */
export async function checkDocument(bytes: Uint8Array): Promise<DocumentFormat | 'active_content' | null> {
	const format = sniffDocument(bytes);
	if (format === 'pdf') {
		const verdict = await inspectPdf(bytes);
		return verdict === 'ok' ? 'pdf' : verdict === 'active_content' ? 'active_content' : null;
	}
	if (format === 'png') return isWholePng(bytes) ? 'png' : null;
	if (format === 'jpeg') return isWholeJpeg(bytes) ? 'jpeg' : null;
	return null;
}

/** The HTTP response that hands a stored document over: always a download, never rendered or sniffed, never cached. */
export function downloadResponse(bytes: Uint8Array, mediaType: string, fileName: string): Response {
	const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_') || 'document';
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': mediaType,
			'content-length': String(bytes.byteLength),
			// the ASCII name for old browsers, the real one (Arabic included) for the others
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
