import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../../platform/testing/people.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { createInitiative } from '../initiative.service.ts';
import { InitiativeQuery, type InitiativeInput } from '../atlas.schemas.ts';
import { searchInitiatives } from '../initiative.service.ts';
import { atlasColumns, columnForHeader, headerRow, hxlRow, splitList } from './columns.ts';
import { exportResponse, exportToBuffer, InitiativeExportQuery, xlsxCells, type ExportOptions } from './export.ts';
import { csvField } from '../../../platform/ui/charts/csv.ts';
import { equalPercentages, xmlText } from './iati/iati.ts';
import { dacSectors, themeToDac } from './iati/themes-to-dac.ts';
import { regionCentroids } from './centroids.ts';
import { regions } from '../../../platform/geo/morocco.ts';

let app: TestApp;
const schemaDir = join(import.meta.dirname, 'iati', 'schema');
const run = (options: Partial<ExportOptions> & Pick<ExportOptions, 'format'>) =>
	exportToBuffer(app.database.db, { lang: 'fr', filters: {}, ...options });
const filterOf = (query: Record<string, unknown>) => {
	const { page: _p, pageSize: _s, sort: _o, lang: _l, ...filters } = InitiativeQuery.parse(query);
	return filters;
};

/** Parses our own CSV (RFC 4180, CRLF, BOM) back into rows. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
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

const column = (key: string) => atlasColumns.findIndex((entry) => entry.key === key);
const tricky: InitiativeInput = {
	slug: 'test-export-escaping',
	title: { fr: 'Titre <b>gras</b> & « guillemets » "doubles"', ar: 'مبادرة الهجرة <والتنمية> & الشراكة', en: '=HYPERLINK("http://evil")' },
	summary: { fr: 'Ligne 1\nLigne 2, avec virgule' },
	status: 'ongoing',
	plannedStart: '2021-01-15',
	plannedEnd: '2023-12-31',
	regions: ['MA-02', 'MA-01'],
	provinces: ['MA-OUJ'],
	// Oujda and Ahfir (Berkane province, implied): codes; a douar the list does not hold: text
	communes: ['02.411.01.23', '02.113.01.01'],
	otherPlaces: 'Douar Laaouinate',
	countries: ['SN', 'ML'],
	themes: ['diaspora_investment', 'legal_migration', 'south_south'],
	targetGroups: ['youth', 'women'],
	budget: { total: 1_250_000.5, currency: 'EUR' },
	organisations: [
		{ organisation: 'giz', role: 'funder', amount: 1_000_000, currency: 'EUR' },
		{ organisation: 'union-europeenne', role: 'funder' },
		{ organisation: 'anapec', role: 'implementer' },
		{ organisation: 'region-oriental', role: 'beneficiary' }
	],
	points: [{ lat: 34.68, lon: -1.91, label: 'Oujda & environs' }],
	sources: [{ citation: 'Source A | avec barre', url: 'https://example.org/a' }, { citation: 'Source B', date: '2022-05-01' }],
	website: 'https://example.org/?a=1&b=2',
	lastVerifiedOn: '2025-01-10'
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await createInitiative(contextFor(app.database.db, null), tricky);
});
afterAll(async () => app?.close());

describe('the column layout', () => {
	it('has a distinct key, header in each language and HXL tag for every column', () => {
		for (const lang of ['fr', 'ar', 'en'] as const) {
			const headers = headerRow(lang);
			expect(new Set(headers).size).toBe(atlasColumns.length);
			for (const [index, header] of headers.entries()) expect(columnForHeader(header)?.key).toBe(atlasColumns[index].key);
		}
		expect(new Set(hxlRow()).size).toBe(atlasColumns.length);
		expect(columnForHeader('#org +impl +name')?.key).toBe('implementer_names');
		expect(columnForHeader('#ADM1 +CODE')?.key).toBe('regions');
		expect(columnForHeader('identifier')?.key).toBe('identifier');
		expect(splitList('a | b |  | c')).toEqual(['a', 'b', '', 'c']);
	});
});

describe('CSV', () => {
	it('exports the filter with a BOM, the header, the HXL row and codes spelled out in the chosen language', async () => {
		const text = (await run({ format: 'csv', hxl: true, filters: filterOf({ region: 'MA-02', national: 'exclude' }) })).toString('utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parseCsv(text);
		expect(rows[0]).toEqual(headerRow('fr'));
		expect(rows[1]).toEqual(hxlRow());
		expect(rows[1]).toEqual(expect.arrayContaining(['#org +funder +name', '#org +impl +name', '#sector +code', '#adm1 +code', '#status +code', '#date +start', '#value +total', '#currency']));
		const data = rows.slice(2);
		const expected = await searchInitiatives(app.database.db, InitiativeQuery.parse({ region: 'MA-02', national: 'exclude', pageSize: 100 }));
		expect(data.map((row) => row[column('identifier')]).sort()).toEqual(expected.items.map((item) => item.slug).sort());
		for (const row of data) expect(splitList(row[column('regions')])).toContain('MA-02');
		const mine = data.find((row) => row[column('identifier')] === 'test-export-escaping')!;
		expect(mine[column('title_fr')]).toBe(tricky.title.fr);
		expect(mine[column('title_ar')]).toBe(tricky.title.ar);
		expect(mine[column('title_en')]).toBe(`'${tricky.title.en}`); // formula guard
		expect(mine[column('summary_fr')]).toBe('Ligne 1\nLigne 2, avec virgule');
		expect(mine[column('status_label')]).toBe('En cours');
		expect(splitList(mine[column('region_names')])).toEqual(['Tanger-Tétouan-Al Hoceima', 'Oriental']);
		expect(mine[column('funders')]).toBe('giz | union-europeenne');
		expect(mine[column('funder_contributions')]).toBe('1000000 EUR | ');
		expect(mine[column('budget_total')]).toBe('1250000.5');
		expect(mine[column('sources')]).toBe('Source A / avec barre | Source B');
		expect(mine[column('source_urls')]).toBe('https://example.org/a | ');
		expect(mine[column('country_names')]).toBe('Sénégal | Mali');
		// communes by HCP code, their names beside them; the province a commune implies is listed
		expect(mine[column('communes')]).toBe('02.113.01.01 | 02.411.01.23');
		expect(mine[column('commune_names')]).toBe('Ahfir | Oujda');
		expect(mine[column('other_places')]).toBe('Douar Laaouinate');
		expect(splitList(mine[column('provinces')])).toEqual(['MA-BER', 'MA-OUJ']);
		expect(rows[1][column('communes')]).toBe('#adm3 +code');
	});

	it('spells out codes in Arabic and English', async () => {
		const ar = parseCsv((await run({ format: 'csv', lang: 'ar', filters: filterOf({ q: 'test-export-escaping' }) })).toString('utf8'));
		expect(ar[0][column('status_label')]).toBe('الحالة');
		expect(ar[1][column('status_label')]).not.toBe('En cours');
		expect(splitList(ar[1][column('region_names')])).toEqual(['طنجة-تطوان-الحسيمة', 'الشرق']);
		expect(ar[1][column('status')]).toBe('ongoing');
		const en = parseCsv((await run({ format: 'csv', lang: 'en', filters: filterOf({ q: 'test-export-escaping' }) })).toString('utf8'));
		expect(en[1][column('status_label')]).toBe('Ongoing');
		expect(splitList(en[1][column('theme_labels')])).toEqual(['Diaspora investment and remittances', 'Legal migration and labour mobility', 'South–South cooperation']);
		expect(en[1][column('country_names')]).toBe('Senegal | Mali');
	});

	it('pages through the database in batches and keeps every initiative once', async () => {
		const all = parseCsv((await run({ format: 'csv', batchSize: 3 })).toString('utf8')).slice(1);
		const total = (await searchInitiatives(app.database.db, InitiativeQuery.parse({}))).total;
		expect(all.length).toBe(total);
		expect(new Set(all.map((row) => row[0])).size).toBe(total);
	});
});

describe('XLSX', () => {
	it('reads back (with the same library) as the same rows as the CSV, bold frozen header, right-to-left in Arabic', async () => {
		const filters = filterOf({ region: 'MA-02' });
		const csvRows = parseCsv((await run({ format: 'csv', lang: 'ar', hxl: true, filters })).toString('utf8'));
		const buffer = await run({ format: 'xlsx', lang: 'ar', hxl: true, filters });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.name).toBe('المبادرات');
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, rightToLeft: true });
		expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(sheet.getColumn(3).width).toBe(40);
		const xlsxRows: string[][] = [];
		sheet.eachRow({ includeEmpty: false }, (row) => {
			const cells: string[] = [];
			for (let index = 1; index <= atlasColumns.length; index++) {
				const value = row.getCell(index).value;
				cells.push(value == null ? '' : String(value));
			}
			xlsxRows.push(cells);
		});
		// The same cells, formula guard included (a leading apostrophe, as in the CSV).
		expect(xlsxRows).toEqual(csvRows);
		const mine = xlsxRows.find((row) => row[0] === 'test-export-escaping')!;
		expect(typeof sheet.getRow(xlsxRows.indexOf(mine) + 1).getCell(column('budget_total') + 1).value).toBe('number');
	});

	it('neutralises text a spreadsheet would run as a formula exactly as the CSV does', async () => {
		const buffer = await run({ format: 'xlsx', lang: 'en', filters: filterOf({ q: 'test-export-escaping' }) });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
		const row = workbook.worksheets[0].getRow(2);
		expect(row.getCell(column('identifier') + 1).value).toBe('test-export-escaping');
		const cell = row.getCell(column('title_en') + 1);
		expect(cell.value).toBe(`'${tricky.title.en}`);
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.formula).toBeUndefined();
		// every leading character the CSV guards (=, +, -, @, tab, CR), and numbers left as they are
		const cells = ['=1+1', '+33 1 23', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-12.5', 'plain', 12, null];
		expect(xlsxCells(cells)).toEqual(["'=1+1", "'+33 1 23", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", '-12.5', 'plain', 12, null]);
		expect(xlsxCells(cells).map((cell) => (typeof cell === 'string' ? csvField(cell) : cell))).toEqual(
			cells.map((cell) => (typeof cell === 'string' ? csvField(cell) : cell))
		);
	});
});

describe('GeoJSON', () => {
	it('is an RFC 7946 FeatureCollection: own points, else region centroids (lon, lat), else no geometry', async () => {
		const collection = JSON.parse((await run({ format: 'geojson', origin: 'https://atlas.example' })).toString('utf8'));
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.crs).toBeUndefined();
		const bySlug = new Map<string, { geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }>(
			collection.features.map((feature: { id: string }) => [feature.id, feature])
		);
		const mine = bySlug.get('test-export-escaping')!;
		// its own point, then its communes' (Ahfir, Oujda)
		expect(mine.geometry).toEqual({ type: 'MultiPoint', coordinates: [[-1.91, 34.68], [-2.105, 34.956], [-1.911, 34.692]] });
		expect(mine.properties).toMatchObject({ location: 'points', title: tricky.title, url: 'https://atlas.example/fr/atlas/initiatives/test-export-escaping' });
		expect(mine.properties.communes).toEqual([
			{ code: '02.113.01.01', nameFr: 'Ahfir', nameAr: 'أحفير' },
			{ code: '02.411.01.23', nameFr: 'Oujda', nameAr: 'وجدة' }
		]);
		// the seeds' IOM programme names Berkane and Oujda: their points, not the regions' centroids
		const oim = bySlug.get('oim-migration-developpement-durable')!;
		expect(oim.geometry).toEqual({ type: 'MultiPoint', coordinates: [[-2.315, 34.93], [-1.911, 34.692]] });
		expect(oim.properties.location).toBe('communes');
		const primo = bySlug.get('primo-oriental')!;
		expect(primo.geometry).toEqual({ type: 'Point', coordinates: regionCentroids['MA-02'] });
		for (const feature of collection.features) {
			expect(feature.type).toBe('Feature');
			const points = feature.geometry === null ? [] : feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
			for (const [lon, lat] of points) {
				expect(lon).toBeGreaterThan(-18); // Morocco: west longitudes, north latitudes
				expect(lon).toBeLessThan(0);
				expect(lat).toBeGreaterThan(20);
				expect(lat).toBeLessThan(37);
			}
		}
		expect(Object.keys(regionCentroids).sort()).toEqual(regions.map((region) => region.iso).sort());
	});
});

describe('IATI activity XML 2.03', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'iati-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const validate = (xml: Buffer) => {
		const file = join(dir, 'export.xml');
		writeFileSync(file, xml);
		return execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(schemaDir, 'iati-activities-schema.xsd'), file], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		});
	};

	it('validates against the IATI 2.03 schema (all initiatives) and carries the key elements', async () => {
		const xml = await run({ format: 'iati', now: new Date('2026-01-02T03:04:05Z') });
		expect(() => validate(xml)).not.toThrow();
		const text = xml.toString('utf8');
		expect(text).toContain('<iati-activities version="2.03" generated-datetime="2026-01-02T03:04:05Z" xmlns:sharaka="urn:sharaka:atlas">');
		const mine = text.slice(text.indexOf('<iati-identifier>XM-SHARAKA-test-export-escaping<'));
		const activity = mine.slice(0, mine.indexOf('</iati-activity>'));
		expect(activity).toContain('<narrative xml:lang="fr">Titre &lt;b&gt;gras&lt;/b&gt; &amp; « guillemets » "doubles"</narrative>');
		expect(activity).toContain('<narrative xml:lang="ar">مبادرة الهجرة &lt;والتنمية&gt; &amp; الشراكة</narrative>');
		expect(activity).toContain('<participating-org role="1" type="10"><narrative>Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)</narrative>');
		expect(activity).toMatch(/<participating-org role="4" type="15"><narrative>Agence nationale/);
		expect(activity).toMatch(/<participating-org role="4" type="11" sharaka:role="beneficiary">/);
		expect(activity).toContain('<activity-status code="2"/>');
		expect(activity).toContain('<activity-date type="1" iso-date="2021-01-15"/>');
		expect(activity).toContain('<activity-date type="3" iso-date="2023-12-31"/>');
		expect(activity).toContain('<recipient-country code="MA" percentage="33.33" sharaka:share="equal"/><recipient-country code="SN" percentage="33.33" sharaka:share="equal"/><recipient-country code="ML" percentage="33.34" sharaka:share="equal"/>');
		expect(activity).toContain('<location ref="MA-02"><name><narrative xml:lang="fr">Oriental</narrative>');
		// a commune: its HCP code as reference and third-level administrative code, its point
		expect(activity).toMatch(
			/<location ref="02\.411\.01\.23"><name><narrative xml:lang="fr">Oujda<\/narrative><narrative xml:lang="ar">وجدة<\/narrative><\/name><administrative vocabulary="A4" level="0" code="MA"\/><administrative vocabulary="HCP" level="3" code="02\.411\.01\.23"\/><point srsName="[^"]+"><pos>34\.692 -1\.911<\/pos><\/point><exactness code="2"\/><location-class code="1"\/><feature-designation code="ADM3"\/><\/location>/
		);
		expect(activity).toContain('<sector vocabulary="1" code="24050" percentage="50"/><sector vocabulary="1" code="15190" percentage="50"/>');
		expect(activity).toContain('<sector vocabulary="99" vocabulary-uri="urn:sharaka:atlas:theme" code="south_south" percentage="33.34">');
		expect(activity).toContain(
			'<budget type="1" status="1"><period-start iso-date="2021-01-15"/><period-end iso-date="2023-12-31"/><value currency="EUR" value-date="2021-01-15">1250000.5</value></budget>'
		);
		expect(activity).toContain('<website>https://example.org/?a=1&amp;b=2</website>');
		// the seeds' SHARAKA programme: its start month (April 2014, said so), its end year only, its three funders
		const sharaka = text.slice(text.indexOf('<iati-identifier>XM-SHARAKA-sharaka<'));
		const sharakaActivity = sharaka.slice(0, sharaka.indexOf('</iati-activity>'));
		expect(sharakaActivity).toContain('<activity-date type="2" iso-date="2014-04-01" sharaka:precision="month"><narrative xml:lang="fr">Seul le mois est connu\u00a0: avril 2014</narrative>');
		expect(sharakaActivity).toMatch(/<activity-date type="4" iso-date="2017-12-31">/);
		// a programme names its components (type 2), a component its programme (type 1) one level below
		expect(sharakaActivity).toContain('<related-activity ref="XM-SHARAKA-sharaka-composante-1-migration-developpement" type="2"/>');
		const component = text.slice(text.lastIndexOf('<iati-activity', text.indexOf('<iati-identifier>XM-SHARAKA-sharaka-composante-2-mobilisation-competences-mre<')));
		expect(component.slice(0, component.indexOf('</iati-activity>'))).toMatch(/hierarchy="2"[\s\S]*<related-activity ref="XM-SHARAKA-sharaka" type="1"\/>/);
		// PRIMO: the seeds give no date; the schema needs one, so it is left out and listed in a comment.
		expect(text).not.toContain('<iati-identifier>XM-SHARAKA-primo-oriental<');
		expect(text).toMatch(/<!-- Left out [^>]*primo-oriental \(no_date\)[^>]*-->\n<\/iati-activities>/);
	});

	it('round-trips titles with <, & and Arabic through an XML parser', async () => {
		const xml = await run({ format: 'iati', filters: filterOf({ q: 'test-export-escaping' }) });
		expect(() => validate(xml)).not.toThrow();
		const title = (lang: string) =>
			execFileSync('xmllint', ['--xpath', `string(//iati-activity/title/narrative[@xml:lang="${lang}"])`, join(dir, 'export.xml')], {
				encoding: 'utf8'
			}).replace(/\n$/, '');
		expect(title('fr')).toBe(tricky.title.fr);
		expect(title('ar')).toBe(tricky.title.ar);
		expect(title('en')).toBe(tricky.title.en);
	});

	it('maps every theme to a DAC code of the copied Sector codelist; helpers are exact', () => {
		const sectorList = readFileSync(join(import.meta.dirname, 'iati', 'codelists', 'Sector.xml'), 'utf8');
		for (const code of Object.values(themeToDac)) expect(sectorList).toContain(`<code>${code}</code>`);
		for (const sector of Object.values(dacSectors)) expect(sectorList).toContain(`<narrative>${sector.name}</narrative>`);
		expect(equalPercentages(3)).toEqual(['33.33', '33.33', '33.34']);
		expect(equalPercentages(1)).toEqual(['100']);
		expect(xmlText('a\u0001b & <c>')).toBe('ab &amp; &lt;c&gt;');
	});
});

describe('the HTTP answer', () => {
	it('streams with the content type, a dated file name and the licence', async () => {
		const response = exportResponse(app.database.db, { format: 'csv', lang: 'fr', filters: filterOf({ region: 'MA-02', national: 'exclude' }), now: new Date('2026-03-04T00:00:00Z') });
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="sharaka-atlas-initiatives-2026-03-04.csv"');
		expect(response.headers.get('link')).toContain('rel="license"');
		expect((await response.text()).split('\r\n')[0]).toContain('Identifiant');
		const xlsx = exportResponse(app.database.db, { format: 'xlsx', lang: 'fr', filters: {} });
		expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const bytes = new Uint8Array(await xlsx.arrayBuffer());
		expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a ZIP (PK)
	});

	it('refuses an unknown format', () => {
		expect(() => InitiativeExportQuery.parse({ format: 'pdf' })).toThrow();
		expect(InitiativeExportQuery.parse({}).format).toBe('json');
	});
});
