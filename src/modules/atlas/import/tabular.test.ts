import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isImportRefusal } from './refusal.ts';
import { sniffKind } from './import.service.ts';
import { defaultMapping, dryRunRow, parseDay, parseNumber, readTable } from './tabular.ts';
import type { OrganisationMatcher } from './organisations.ts';
import { zipUnpackedSize } from '../../../platform/tabular/spreadsheet.ts';

const limits = { maxBytes: 50 * 1024 * 1024, maxRows: 1000 };
const encode = (text: string) => new TextEncoder().encode(text);

async function reason(promise: Promise<unknown>) {
	try {
		await promise;
		return 'read';
	} catch (error) {
		if (isImportRefusal(error)) return error.reason;
		throw error;
	}
}

/** A ZIP whose only entry claims `size` unpacked bytes (nothing is stored). */
function forgedZip(size: number): Uint8Array {
	const name = encode('xl/worksheets/sheet1.xml');
	const central = new DataView(new ArrayBuffer(46 + name.length));
	central.setUint32(0, 0x02014b50, true);
	central.setUint32(24, size, true);
	central.setUint16(28, name.length, true);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, 1, true);
	end.setUint16(10, 1, true);
	end.setUint32(12, central.byteLength, true);
	end.setUint32(16, 4, true);
	const bytes = new Uint8Array(4 + central.byteLength + 22);
	bytes.set([0x50, 0x4b, 0x03, 0x04]);
	bytes.set(new Uint8Array(central.buffer), 4);
	bytes.set(name, 4 + 46);
	bytes.set(new Uint8Array(end.buffer), 4 + central.byteLength);
	return bytes;
}

describe('reading tables', () => {
	it('reads a semicolon CSV with a BOM, quoted cells and an HXL row; blank rows are skipped', async () => {
		const table = await readTable(encode('\uFEFFTitre (français);Statut (code);Bailleurs (identifiants)\r\n#activity +name +i_fr;#status +code;#org +funder +code\r\n"Projet ""A""; bis";ongoing;giz | oim\r\n;;\r\nProjet B;completed;\r\n'), 'csv', limits);
		expect(table.headers).toEqual(['Titre (français)', 'Statut (code)', 'Bailleurs (identifiants)']);
		expect(table.hxlRow).toEqual(['#activity +name +i_fr', '#status +code', '#org +funder +code']);
		expect(table.rows).toEqual([
			{ position: 3, cells: ['Projet "A"; bis', 'ongoing', 'giz | oim'] },
			{ position: 5, cells: ['Projet B', 'completed', null] }
		]);
		expect(defaultMapping(table.headers, table.hxlRow)).toEqual(['title_fr', 'status', 'funders']);
		// unknown headers are recognised by their HXL hashtags
		expect(defaultMapping(['Nom', 'État'], ['#activity +i_en +name', '#status +code'])).toEqual(['title_en', 'status']);
	});

	it('reads the first sheet of an XLSX file: dates as ISO days, formulas by their stored result', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Feuille');
		sheet.addRow(['Title (English)', 'Planned start', 'Total budget']);
		sheet.addRow(['Youth mobility', new Date(Date.UTC(2024, 2, 1)), { formula: '1000*2', result: 2000 }]);
		const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx', limits);
		expect(table.rows).toEqual([{ position: 2, cells: ['Youth mobility', '2024-03-01', '2000'] }]);
	});

	it('refuses a ZIP bomb before unpacking it, and what is not a table', async () => {
		expect(zipUnpackedSize(forgedZip(400 * 1024 * 1024))).toBe(400 * 1024 * 1024);
		expect(await reason(readTable(forgedZip(400 * 1024 * 1024), 'xlsx', limits))).toBe('table_unreadable');
		expect(await reason(readTable(forgedZip(1000), 'xlsx', limits))).toBe('table_unreadable');
		expect(await reason(readTable(encode(''), 'csv', limits))).toBe('file_empty');
		expect(await reason(readTable(encode('Titre\n'), 'csv', limits))).toBe('no_activities');
		expect(await reason(readTable(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'csv', limits))).toBe('encoding');
		expect(await reason(readTable(encode('a\n1\n2\n3\n'), 'csv', { ...limits, maxRows: 2 }))).toBe('table_too_many_rows');
	});

	it('tells IATI XML, CSV and XLSX apart by their content', () => {
		expect(sniffKind('activities.xml', encode('\uFEFF<?xml version="1.0"?><iati-activities/>'))).toBe('iati');
		expect(sniffKind('export.txt', encode('<iati-activities/>'))).toBe('iati');
		expect(sniffKind('export.csv', encode('Titre,Statut\n'))).toBe('csv');
		expect(sniffKind('export.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
		expect(sniffKind('document.docx', new Uint8Array([0x50, 0x4b, 3, 4]))).toBeNull();
	});

	it('reads numbers and days written by hand', () => {
		expect(parseNumber('1 250 000,50')).toBe(1_250_000.5);
		expect(parseNumber('1,250,000')).toBe(1_250_000);
		expect(parseNumber('12 k')).toBeNull();
		expect(parseDay('2024-02-29')).toBe('2024-02-29');
		expect(parseDay('2023-02-29')).toBeNull();
		expect(parseDay('01/03/2021')).toBe('2021-03-01');
	});
});

describe('texts in the source’s own language (issue 17, rule 9)', () => {
	const mapping = ['title_fr', 'original_language', 'title_original', 'summary_original', 'status'];
	const row = (cells: (string | null)[]) => dryRunRow(cells, mapping, {} as OrganisationMatcher);

	it('reads a Spanish title and summary with their code: a row with no French, Arabic or English title is readable', () => {
		const read = row([null, 'ES', 'Protección de los derechos de mujeres', 'Acompañamiento jurídico', 'completed']);
		expect(read.problems.filter((problem) => problem.severity === 'critical' || problem.severity === 'error')).toEqual([]);
		expect(read.draft!.input).toMatchObject({ title: { es: 'Protección de los derechos de mujeres' }, summary: { es: 'Acompañamiento jurídico' } });
		// the export's own header row is recognised
		expect(defaultMapping(['Langue d’origine (code ISO 639)', 'Title (original language)'], null)).toEqual(['original_language', 'title_original']);
	});

	it('refuses a text in another language without a valid code, or with the code of a platform language', () => {
		for (const code of [null, 'espagnol', 'fr']) {
			const read = row(['Titre', code, 'Título', null, 'ongoing']);
			expect(read.problems.map((problem) => problem.code)).toContain('invalid_value');
			expect(read.draft?.input.title ?? { fr: 'Titre' }).toEqual({ fr: 'Titre' });
		}
		expect(row([null, null, null, null, 'ongoing']).problems.map((problem) => problem.code)).toContain('no_title');
	});
});
