// The library's list as open data: CSV (RFC 4180) or XLSX, the list page's filters, headers in the reader's language.
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../platform/db/database.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { guardFormula, toCsv } from '../../platform/ui/charts/csv.ts';
import { documentsForExport } from './document.service.ts';
import type { DocumentListQuery } from './knowledge.schemas.ts';

const columns = ['slug', 'title_fr', 'title_ar', 'title_en', 'type', 'status', 'year', 'authors', 'organisations', 'languages', 'themes', 'regions', 'linked_records', 'link', 'sources', 'is_sample'] as const;

export async function libraryRows(db: DbOrTx, query: Partial<DocumentListQuery>, publicUrl: string, language: Language) {
	const docs = await documentsForExport(db, query);
	return docs.map((doc) => [
		doc.slug,
		doc.title.fr ?? '',
		doc.title.ar ?? '',
		doc.title.en ?? '',
		translate(language, `knowledge.type_${doc.type}`),
		translate(language, `knowledge.status_${doc.status}`),
		doc.year ?? '',
		doc.authors.join('; '),
		doc.organisations.map((entry) => entry.name).join('; '),
		doc.languages.join('; '),
		doc.themes.map((theme) => translate(language, `knowledge.theme_${theme}`)).join('; '),
		doc.regions.join('; '),
		// the Atlas initiatives and strategies' actions, as platform links (`atlas.initiative:<slug>`)
		doc.links.join('; '),
		doc.externalUrl ?? (doc.hasFile ? `${publicUrl}/${language}/knowledge/documents/${doc.slug}/file` : ''),
		doc.sources.map((source) => source.citation).join(' | '),
		doc.isSample ? 'true' : 'false'
	]);
}

export const header = () => [...columns];

export function libraryCsv(rows: (string | number)[][]): string {
	return toCsv([header(), ...rows]);
}

export async function libraryXlsx(rows: (string | number)[][], language: Language): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Sharaka';
	const sheet = workbook.addWorksheet(translate(language, 'knowledge.list_title'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: language === 'ar' }] });
	sheet.addRow(header()).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
