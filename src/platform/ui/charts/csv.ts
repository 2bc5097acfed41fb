/**
 * A tiny CSV writer (RFC 4180) for the charts' "download the data" links and other small exports.
 *
 * - Fields are quoted when they hold the delimiter, a quote, a line break, or leading/trailing spaces;
 *   quotes are doubled.
 * - Lines end with CRLF; the text starts with a UTF-8 byte order mark so Excel opens French and Arabic
 *   text correctly (turn it off with `bom: false`).
 * - Numbers are written plainly (`1234.5`), so any spreadsheet or script can read them; dates as ISO 8601.
 * - Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 *   apostrophe (OWASP "CSV injection"); plain numbers written as text ("-12", "+3.5") are left alone.
 */

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

export type CsvOptions = {
	/** Default ','. French Excel expects ';' — offer it as an option if users ask. */
	delimiter?: ',' | ';' | '\t';
	/** Default true. */
	bom?: boolean;
	/** Default true. */
	protectFormulas?: boolean;
};

const BOM = '\uFEFF';
const NUMERIC = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

function cellText(cell: CsvCell, protectFormulas: boolean): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	if (typeof cell === 'bigint') return cell.toString();
	if (typeof cell === 'boolean') return cell ? 'true' : 'false';
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
	return protectFormulas ? guardFormula(cell) : cell;
}

/**
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) with a leading
 * apostrophe; plain numbers written as text ("-12", "+3.5") are left alone. The one guard of every
 * spreadsheet export (CSV here, XLSX in the Atlas's export).
 */
export function guardFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text) ? `'${text}` : text;
}

/** The text a guarded cell stood for: guardFormula's apostrophe taken off again (an import of an export). */
export function unguardFormula(text: string): string {
	return /^'[=+\-@\t\r]/.test(text) && guardFormula(text.slice(1)) === text ? text.slice(1) : text;
}

/** One field, quoted when needed. */
export function csvField(cell: CsvCell, options: CsvOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	const text = cellText(cell, options.protectFormulas ?? true);
	const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
	return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: rows of cells (the first row is usually the header). */
export function toCsv(rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	let out = options.bom === false ? '' : BOM;
	for (const row of rows) out += row.map((cell) => csvField(cell, options)).join(delimiter) + '\r\n';
	return out;
}

/** A file name safe in a Content-Disposition header: ASCII letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
	const ascii = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[-.]+|-+$/g, '');
	return ascii || 'data';
}

/** An HTTP answer that downloads `csv` as `fileName` (a UTF-8 name is kept in filename*). */
export function csvResponse(csv: string, fileName: string, init: { headers?: Record<string, string> } = {}): Response {
	const name = fileName.toLowerCase().endsWith('.csv') ? fileName : `${fileName}.csv`;
	const fallback = safeFileName(name);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'X-Content-Type-Options': 'nosniff',
			...init.headers
		}
	});
}
