import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx, xlsxResponse } from './xlsx.ts';

describe('XLSX tables', () => {
	it('writes the rows with a bold header, right to left for Arabic, formulas guarded', async () => {
		const file = await toXlsx(
			[
				['المرجع', 'الاسم', 'عدد الأشخاص'],
				['ABC-234', '=HYPERLINK("http://evil")', 3],
				['XYZ-789', 'نادية', null]
			],
			{ sheet: 'crisis: test/1', rightToLeft: true }
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('crisis  test 1');
		expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
		expect(sheet.getRow(1).font).toMatchObject({ bold: true });
		expect(sheet.getCell('B2').value).toBe('\'=HYPERLINK("http://evil")');
		expect(sheet.getCell('C2').value).toBe(3);
		expect(sheet.getCell('B3').value).toBe('نادية');
		expect(sheet.rowCount).toBe(3);
	});

	it('answers a download with the workbook type and a safe file name', async () => {
		const response = xlsxResponse(await toXlsx([['a']], { sheet: 'x' }), 'évacuation-inscriptions');
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(response.headers.get('content-disposition')).toContain('filename="evacuation-inscriptions.xlsx"');
		expect(new Uint8Array(await response.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
	});
});
