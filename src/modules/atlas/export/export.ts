// The Atlas's open-data exports of a filter: CSV, XLSX, GeoJSON, IATI activity XML 2.03.
// Every format reads the initiatives in batches (records.ts) and streams its output.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { guardFormula, toCsv } from '../../../platform/ui/charts/csv.ts';
import type { InitiativeFilters } from '../atlas.schemas.ts';
import type { ExportFormat } from './export.schemas.ts';
import { atlasColumns, headerRow, hxlRow, recordRow } from './columns.ts';
import { exportBatches } from './records.ts';
import { initiativeFeature } from './geojson.ts';
import { iatiActivity, iatiFooter, iatiHeader, type IatiSkip } from './iati/iati.ts';

export { exportFormats, InitiativeExportQuery, type ExportFormat } from './export.schemas.ts';

export const contentTypes: Readonly<Record<ExportFormat, string>> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	geojson: 'application/geo+json',
	iati: 'application/xml; charset=utf-8'
};
const extensions: Readonly<Record<ExportFormat, string>> = { csv: 'csv', xlsx: 'xlsx', geojson: 'geojson', iati: 'xml' };

export const LICENCE = { name: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' } as const;

export interface ExportOptions {
	format: ExportFormat;
	/** language of the headers and of the codes spelled out (CSV, XLSX) */
	lang: Language;
	hxl?: boolean;
	filters: Partial<InitiativeFilters>;
	batchSize?: number;
	/** the site's origin, for links to each initiative's page (GeoJSON) */
	origin?: string;
	now?: Date;
}

/** The file, as text chunks (CSV, GeoJSON, IATI). */
export async function* textChunks(db: DbOrTx, options: ExportOptions): AsyncGenerator<string> {
	const batches = exportBatches(db, options.filters, { batchSize: options.batchSize });
	const context = { lang: options.lang };
	if (options.format === 'csv') {
		yield toCsv(options.hxl ? [headerRow(options.lang), hxlRow()] : [headerRow(options.lang)]);
		for await (const batch of batches) yield toCsv(batch.map((record) => recordRow(record, context)), { bom: false });
	} else if (options.format === 'geojson') {
		const pageUrl = options.origin ? (slug: string) => `${options.origin}/${options.lang}/atlas/initiatives/${slug}` : undefined;
		yield `{"type":"FeatureCollection","license":${JSON.stringify(LICENCE.url)},"features":[`;
		let first = true;
		for await (const batch of batches) {
			const text = batch.map((record) => JSON.stringify(initiativeFeature(record, { pageUrl }))).join(',\n');
			yield (first ? '\n' : ',\n') + text;
			first = false;
		}
		yield '\n]}\n';
	} else if (options.format === 'iati') {
		yield iatiHeader({ now: options.now });
		const skipped: { slug: string; reason: IatiSkip }[] = [];
		for await (const batch of batches) {
			let text = '';
			for (const record of batch) {
				const result = iatiActivity(record);
				if ('xml' in result) text += result.xml + '\n';
				else skipped.push({ slug: record.slug, reason: result.skipped });
			}
			yield text;
		}
		yield iatiFooter(skipped);
	} else {
		throw new Error(`textChunks: ${options.format} is not a text format`);
	}
}

/** A row's cells for the XLSX: text guarded against formulas exactly as the CSV's (csv.ts's guardFormula). */
export function xlsxCells<T>(cells: readonly T[]): (T | string)[] {
	return cells.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell));
}

/** The XLSX workbook, streamed (exceljs's streaming writer: rows are written as they come). */
export function xlsxStream(db: DbOrTx, options: ExportOptions): Readable {
	const output = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
	workbook.creator = 'Sharaka';
	workbook.created = options.now ?? new Date();
	const headerRows = options.hxl ? 2 : 1;
	const sheet = workbook.addWorksheet(translate(options.lang, 'atlas_export.sheet_name'), {
		views: [{ state: 'frozen', xSplit: 1, ySplit: headerRows, rightToLeft: options.lang === 'ar' }]
	});
	sheet.columns = atlasColumns.map((column) => ({ key: column.key, width: column.width }));
	const write = async () => {
		const header = sheet.addRow(xlsxCells(headerRow(options.lang)));
		header.font = { bold: true };
		header.commit();
		if (options.hxl) {
			const tags = sheet.addRow(hxlRow());
			tags.font = { italic: true };
			tags.commit();
		}
		for await (const batch of exportBatches(db, options.filters, { batchSize: options.batchSize })) {
			for (const record of batch) sheet.addRow(xlsxCells(recordRow(record, { lang: options.lang }))).commit();
		}
		sheet.commit();
		await workbook.commit();
	};
	write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
	return output;
}

/** The whole file in memory (tests, small exports). */
export async function exportToBuffer(db: DbOrTx, options: ExportOptions): Promise<Buffer> {
	const parts: Buffer[] = [];
	if (options.format === 'xlsx') {
		for await (const chunk of xlsxStream(db, options)) parts.push(Buffer.from(chunk as Uint8Array));
	} else {
		for await (const chunk of textChunks(db, options)) parts.push(Buffer.from(chunk, 'utf8'));
	}
	return Buffer.concat(parts);
}

/** The file name of an export, dated. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
	return `sharaka-atlas-initiatives-${now.toISOString().slice(0, 10)}.${extensions[format]}`;
}

/** The HTTP answer streaming the export. */
export function exportResponse(db: DbOrTx, options: ExportOptions): Response {
	let body: ReadableStream<Uint8Array>;
	if (options.format === 'xlsx') {
		body = Readable.toWeb(xlsxStream(db, options)) as ReadableStream<Uint8Array>;
	} else {
		const chunks = textChunks(db, options);
		const encoder = new TextEncoder();
		body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				const next = await chunks.next();
				if (next.done) controller.close();
				else if (next.value) controller.enqueue(encoder.encode(next.value));
			},
			async cancel() {
				await chunks.return(undefined);
			}
		});
	}
	return new Response(body, {
		headers: {
			'Content-Type': contentTypes[options.format],
			'Content-Disposition': `attachment; filename="${exportFileName(options.format, options.now)}"`,
			'Content-Language': options.lang,
			Link: `<${LICENCE.url}>; rel="license"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store'
		}
	});
}
