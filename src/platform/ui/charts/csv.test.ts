import { describe, expect, it } from 'vitest';
import { csvField, csvResponse, safeFileName, toCsv } from './csv.ts';

describe('toCsv', () => {
	it('writes RFC 4180 CSV with a UTF-8 BOM and CRLF line ends', () => {
		const csv = toCsv([
			['Région', 'Initiatives', 'Budget (EUR)'],
			['Oriental', 31, 1234567.5],
			['الشرق', 0, null]
		]);
		expect(csv).toBe('\uFEFFRégion,Initiatives,Budget (EUR)\r\nOriental,31,1234567.5\r\nالشرق,0,\r\n');
		expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
	});

	it('quotes fields holding the delimiter, quotes, line breaks or edge spaces', () => {
		expect(csvField('Tanger, Tétouan')).toBe('"Tanger, Tétouan"');
		expect(csvField('le "Programme"')).toBe('"le ""Programme"""');
		expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
		expect(csvField(' espace')).toBe('" espace"');
		expect(csvField('a;b')).toBe('a;b');
		expect(csvField('a;b', { delimiter: ';' })).toBe('"a;b"');
	});

	it('neutralises text a spreadsheet would run as a formula, not negative numbers', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('+33 1 23')).toBe("'+33 1 23");
		expect(csvField('-12.5')).toBe('-12.5');
		expect(csvField(-3)).toBe('-3');
		expect(csvField('=1+1', { protectFormulas: false })).toBe('=1+1');
	});

	it('writes dates as ISO 8601, booleans and missing values plainly', () => {
		expect(toCsv([[new Date('2024-05-01T00:00:00Z'), true, undefined, Number.NaN]], { bom: false })).toBe('2024-05-01T00:00:00.000Z,true,,\r\n');
	});
});

describe('csvResponse', () => {
	it('downloads as UTF-8 CSV with an ASCII and a UTF-8 file name', async () => {
		const response = csvResponse(toCsv([['a', 1]]), 'initiatives-par-région');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="initiatives-par-region.csv"; filename*=UTF-8''initiatives-par-r%C3%A9gion.csv`
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('never lets a name break the header', () => {
		expect(safeFileName('a"b\r\nc.csv')).toBe('a-b-c.csv');
		expect(safeFileName('المنطقة')).toBe('data');
	});
});
