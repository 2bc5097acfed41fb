// A real, minimal PDF for tests (one page with a line of text, or several pages), with room for what a test needs to
// add: active content in the catalogue or the page, an extra object, padding to a given size.
// Plain erasable TypeScript: browser tests import it too.

export interface PdfParts {
	/** the page's text */
	text?: string;
	/** several pages instead, each with its line of text (`catalog`, `page` and `extra` then stay out) */
	pages?: string[];
	/** more entries of the catalogue, e.g. `/OpenAction 5 0 R` */
	catalog?: string;
	/** more entries of the page, e.g. `/AA << /O 5 0 R >>` or `/Annots [5 0 R]` */
	page?: string;
	/** object 5, for the entries above to refer to */
	extra?: string;
	/** the file's exact size, padded inside a comment (when larger than the PDF itself) */
	size?: number;
}

export function aPdf(parts: PdfParts = {}): Buffer<ArrayBuffer> {
	let pdf = build(parts, '');
	// the padding moves the cross-reference table, whose offset may take one more digit: adjust once more
	for (let room = (parts.size ?? 0) - pdf.length - 2, tries = 0; room > 0 && pdf.length !== parts.size && tries < 3; tries++) {
		pdf = build(parts, `%${' '.repeat(room)}\n`);
		room -= pdf.length - parts.size!;
	}
	return pdf;
}

function build(parts: PdfParts, padding: string): Buffer<ArrayBuffer> {
	const objects = parts.pages ? manyPages(parts.pages) : onePage(parts);
	let body = `%PDF-1.7\n${padding}`;
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(body.length);
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1') as Buffer<ArrayBuffer>;
}

const font = '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';
const stream = (text: string) => {
	const content = `BT /F1 12 Tf 20 100 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
};

function onePage(parts: PdfParts): string[] {
	return [
		`<< /Type /Catalog /Pages 2 0 R ${parts.catalog ?? ''} >>`,
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] ${font} /Contents 4 0 R ${parts.page ?? ''} >>`,
		stream(parts.text ?? 'Curriculum vitae'),
		parts.extra ?? '<< >>'
	];
}

/** Objects 1 and 2 (catalogue, page tree), then each page (3, 5, 7…) followed by its content (4, 6, 8…). */
function manyPages(texts: string[]): string[] {
	const kids = texts.map((_, index) => `${3 + index * 2} 0 R`).join(' ');
	return [
		'<< /Type /Catalog /Pages 2 0 R >>',
		`<< /Type /Pages /Kids [${kids}] /Count ${texts.length} >>`,
		...texts.flatMap((text, index) => [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] ${font} /Contents ${4 + index * 2} 0 R >>`, stream(text)])
	];
}
