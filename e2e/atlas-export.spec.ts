// The Atlas's open-data exports over HTTP: CSV (content type, file name, only the filtered region,
// HXL row, codes spelled out in the chosen language), XLSX, GeoJSON and IATI XML content types, a bad
// format answered in the error shape; and a visitor downloading the CSV from the Atlas page, in French
// without JavaScript and in Arabic with it. Headers come from messages/*/atlas_export.json.
import { describe, expect, test } from 'vitest';
import type { Language } from '#platform/i18n/languages.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, server, t, useBrowser } from './harness.ts';

const { url } = server();
const browser = useBrowser();

/** RFC 4180 rows of a CSV text (BOM dropped). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const char = body[i];
		if (quoted) {
			if (char === '"' && body[i + 1] === '"') (field += '"'), i++;
			else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') row.push(field), (field = '');
		else if (char === '\r' && body[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
		else field += char;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows;
}

describe('the export API', () => {
	test('CSV of one region: content type, file name, only that region, HXL row, codes spelled out', async () => {
		const response = await fetch(url('/api/v1/initiatives?format=csv&region=MA-02&hxl=1&lang=ar'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sharaka-atlas-initiatives-\d{4}-\d{2}-\d{2}\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
		const rows = parseCsv(new TextDecoder().decode(bytes));
		const header = rows[0];
		const regions = header.indexOf(t('ar', 'atlas_export.column_regions'));
		const regionNames = header.indexOf(t('ar', 'atlas_export.column_region_names'));
		const identifier = header.indexOf(t('ar', 'atlas_export.column_identifier'));
		expect(regions).toBeGreaterThan(-1);
		expect(rows[1][regions]).toBe('#adm1 +code');
		expect(rows[1]).toContain('#org +funder +name');
		const data = rows.slice(2);
		expect(data.map((row) => row[identifier])).toContain('primo-oriental');
		// the region's own initiatives, and the national programmes that cover it too (marked)
		const national = header.indexOf(t('ar', 'atlas_export.column_national_scope'));
		expect(data.some((row) => row[national] === 'true')).toBe(true);
		for (const row of data.filter((entry) => entry[national] !== 'true')) {
			expect(row[regions].split(' | ')).toContain('MA-02');
			expect(row[regionNames]).toContain('الشرق');
		}
		// The same selection as the JSON list.
		const list = await (await fetch(url('/api/v1/initiatives?region=MA-02&pageSize=100'))).json();
		expect(data.length).toBe(list.total);
	});

	test('XLSX, GeoJSON and IATI answer with their content types; IATI is an activity file', async () => {
		const xlsx = await fetch(url('/api/v1/initiatives?format=xlsx&region=MA-02'));
		expect(xlsx.status).toBe(200);
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(xlsx.headers.get('content-disposition')).toMatch(/filename="sharaka-atlas-initiatives-[\d-]+\.xlsx"/);
		const zip = new Uint8Array(await xlsx.arrayBuffer());
		expect(String.fromCharCode(zip[0], zip[1])).toBe('PK');

		const geojson = await fetch(url('/api/v1/initiatives?format=geojson&region=MA-02'));
		expect(geojson.headers.get('content-type')).toBe('application/geo+json');
		const collection = await geojson.json();
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features.map((feature: { id: string }) => feature.id)).toContain('primo-oriental');

		const iati = await fetch(url('/api/v1/initiatives?format=iati&region=MA-02'));
		expect(iati.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		expect(iati.headers.get('link')).toContain('rel="license"');
		const xml = await iati.text();
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03"/);
		expect(xml).toContain('<iati-identifier>XM-SHARAKA-convention-oriental-kayes</iati-identifier>');
		// PRIMO: the seeds give no date, so IATI cannot take it; the file says so.
		expect(xml).toContain('primo-oriental (no_date)');
	});

	test('a bad format is a 400 in the error shape', async () => {
		const response = await fetch(url('/api/v1/initiatives?format=pdf'), { headers: { 'accept-language': 'fr' } });
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('invalid_input');
		expect(body.error.message.length).toBeGreaterThan(0);
		expect('details' in body.error).toBe(true);
	});
});

const flows: { language: Language; javaScriptEnabled: boolean }[] = [
	{ language: 'fr', javaScriptEnabled: false },
	{ language: 'ar', javaScriptEnabled: true }
];

describe('a visitor downloads the CSV of a region from the Atlas', () => {
	for (const { language, javaScriptEnabled } of flows) {
		test(`in ${language}${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
			const page = await browser.newPage({ javaScriptEnabled, locale: language, phone: true });
			const response = await page.goto(`/${language}/atlas?region=MA-02`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);
			const label = t(language, 'atlas.export_plain', { format: t(language, 'atlas.format_csv') });
			const link = page.getByRole('link', { name: label, exact: true });
			const href = await link.getAttribute('href');
			expect(href).toContain('format=csv');
			expect(href).toContain('region=MA-02');
			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			expect(download.suggestedFilename()).toMatch(/^sharaka-atlas-initiatives-[\d-]+\.csv$/);
			const path = await download.path();
			const { readFileSync } = await import('node:fs');
			const rows = parseCsv(readFileSync(path, 'utf8'));
			expect(rows[0]).toContain(t(language, 'atlas_export.column_status_label'));
			const regions = rows[0].indexOf(t(language, 'atlas_export.column_regions'));
			expect(rows.length).toBeGreaterThan(1);
			const national = rows[0].indexOf(t(language, 'atlas_export.column_national_scope'));
			for (const row of rows.slice(1).filter((entry) => entry[national] !== 'true')) expect(row[regions].split(' | ')).toContain('MA-02');
		});
	}
});
