// Reading people's spreadsheets safely: an XLSX file's sheets as rows of text cells, formulas by their
// stored result (never evaluated), dates as ISO, a cell our exports guarded against formulas read as what
// it was, and a ZIP that would unpack to more than MAX_UNPACKED refused before anything is unpacked.
// The Atlas's table import and the Strategy's programme import read through here.
import ExcelJS from 'exceljs';
import { unguardFormula } from '../ui/charts/csv.ts';

export type Cell = string | null;

/** A cell's text as written (NUL characters dropped), or null when blank. */
export const cellText = (value: unknown): Cell => {
	if (value === null || value === undefined) return null;
	const out = unguardFormula(String(value).replace(/\u0000/g, ''));
	return out.trim() === '' ? null : out;
};

/** An XLSX cell as text: values as shown, formulas by their stored result (never evaluated), dates as ISO. */
export function xlsxText(value: ExcelJS.CellValue): Cell {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (typeof value === 'object') {
		if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
		if ('formula' in value || 'sharedFormula' in value) return xlsxText((value as { result?: ExcelJS.CellValue }).result ?? null);
		if ('text' in value) return cellText((value as { text: unknown }).text);
		return null;
	}
	return cellText(value);
}

/** An XLSX file is a ZIP: refused when its parts would unpack to more than this (a "zip bomb"). */
export const MAX_UNPACKED = 300 * 1024 * 1024;

/**
 * The total unpacked size a ZIP declares in its central directory, or Infinity when it cannot be read
 * (no end record, ZIP64 sizes): read before exceljs unpacks anything.
 */
export function zipUnpackedSize(bytes: Uint8Array): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = -1;
	for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 65_535); offset--) {
		if (view.getUint32(offset, true) === 0x06054b50) {
			end = offset;
			break;
		}
	}
	if (end < 0) return Infinity;
	const entries = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	let total = 0;
	for (let entry = 0; entry < entries; entry++) {
		if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return Infinity;
		const size = view.getUint32(offset + 24, true);
		if (size === 0xffffffff) return Infinity;
		total += size;
		offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
	}
	return total;
}

export interface Sheet {
	name: string;
	/** the rows with something in them: their number in the sheet (from 1) and their cells as text */
	rows: { position: number; cells: Cell[] }[];
}

/**
 * Every sheet of an XLSX workbook (at most `maxRows` rows each); null when the file is no readable XLSX
 * (not a ZIP, a ZIP bomb, a broken workbook).
 */
export async function readWorkbook(bytes: Uint8Array, limits: { maxRows: number }): Promise<Sheet[] | null> {
	if (zipUnpackedSize(bytes) > MAX_UNPACKED) return null;
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return null;
	}
	return workbook.worksheets.map((sheet) => {
		const rows: Sheet['rows'] = [];
		sheet.eachRow({ includeEmpty: false }, (row, position) => {
			if (position > limits.maxRows + 1) return;
			const cells: Cell[] = [];
			row.eachCell({ includeEmpty: true }, (cell, column) => {
				cells[column - 1] = xlsxText(cell.value);
			});
			const filled = Array.from(cells, (cell) => cell ?? null);
			if (filled.some(Boolean)) rows.push({ position, cells: filled });
		});
		return { name: sheet.name, rows };
	});
}
