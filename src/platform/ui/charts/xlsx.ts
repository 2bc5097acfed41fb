// A table of text as a one-sheet XLSX (exceljs), beside csv.ts: the same rows, the same formula guard,
// the header in bold and frozen, right to left for Arabic. For staff's and open-data lists alike.
import ExcelJS from 'exceljs';
import { guardFormula, safeFileName, type CsvCell } from './csv.ts';

const cellValue = (cell: CsvCell): string | number | boolean | Date | null => {
	if (cell === null || cell === undefined) return null;
	if (typeof cell === 'bigint') return cell.toString();
	return typeof cell === 'string' ? guardFormula(cell) : cell;
};

/** The rows (the first one is the header) as an XLSX file. */
export async function toXlsx(rows: readonly (readonly CsvCell[])[], options: { sheet: string; rightToLeft?: boolean }): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	// a sheet name is at most 31 characters and has none of []:*?/\
	const sheet = workbook.addWorksheet(options.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data', { views: [{ rightToLeft: options.rightToLeft ?? false, state: 'frozen', ySplit: 1 }] });
	const [header, ...body] = rows;
	if (header) sheet.addRow(header.map(cellValue)).font = { bold: true };
	for (const row of body) sheet.addRow(row.map(cellValue));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An HTTP answer that downloads the workbook as `fileName`. */
export function xlsxResponse(workbook: Buffer, fileName: string, init: { headers?: Record<string, string> } = {}): Response {
	const name = fileName.toLowerCase().endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
	return new Response(new Uint8Array(workbook), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${safeFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'X-Content-Type-Options': 'nosniff',
			...init.headers
		}
	});
}
