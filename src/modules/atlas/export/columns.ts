// THE column layout of the Atlas's tables: written by the CSV and XLSX exports, read by the CSV/XLSX
// import (the same keys, headers and list separator), so an export can be edited and re-imported.
//
// - Each column has a stable `key` (accepted as a header by the importer), a header in fr/ar/en
//   (messages atlas_export.column_<key>) and an HXL hashtag (the optional second row).
// - Lists hold several values joined with " | " (LIST_SEPARATOR); lists of the same group are aligned
//   (funders ↔ funder_names ↔ funder_contributions; sources ↔ source_urls ↔ source_dates).
// - `derived` columns spell out codes in the export's language (theme labels, region names…) or
//   convert amounts; the importer ignores them and reads the codes beside them.
// - Dates are ISO 8601 (YYYY-MM-DD, or YYYY-MM when only the month is known); numbers are plain (1234.5);
//   booleans are true/false. Amounts with their currency are "1000000 EUR"; amounts per year
//   "2021: 250000 EUR" (the initiative's budget) or "giz 2021: 250000 EUR" (a funder's, by identifier).
import { translate } from '../../../platform/i18n/translator.ts';
import { isLanguage, type Language } from '../../../platform/i18n/languages.ts';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { communeByCode } from '../../../platform/geo/communes.ts';
import type { ExportOrganisation, ExportRecord, ExportYearlyAmount, SecondFigure } from './records.ts';
import type { OrganisationRole } from '../atlas.model.ts';

export const LIST_SEPARATOR = ' | ';

export type Cell = string | number | boolean | null;
export type ColumnKind = 'text' | 'list' | 'date' | 'number' | 'boolean';

export interface ColumnContext {
	lang: Language;
}

export interface AtlasColumn {
	key: string;
	/** HXL hashtag and attributes (https://hxlstandard.org) */
	hxl: string;
	kind: ColumnKind;
	/** spelled out or converted from other columns: ignored on import */
	derived?: boolean;
	/** width in characters for the XLSX sheet */
	width: number;
	value: (record: ExportRecord, context: ColumnContext) => Cell;
}

const regionByIso = new Map(regions.map((region) => [region.iso, region]));
const provinceByIso = new Map(provinces.map((province) => [province.iso, province]));
const nameIn = (lang: Language, entry: { nameFr: string; nameAr: string; nameEn: string } | undefined, code: string) =>
	entry ? (lang === 'ar' ? entry.nameAr : lang === 'en' ? entry.nameEn : entry.nameFr) : code;

const countryNames = new Map<Language, Intl.DisplayNames>();
/** A country's name in the language (ISO 3166-1 alpha-2 code when unknown). */
export function countryName(lang: Language, code: string): string {
	if (!countryNames.has(lang)) countryNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
	try {
		return countryNames.get(lang)!.of(code) ?? code;
	} catch {
		return code;
	}
}

/** Joins list items; an item that itself holds the separator gets " / " instead. Empty list → empty cell. */
export function joinList(items: readonly (string | number | null | undefined)[]): string | null {
	if (!items.length || items.every((item) => item == null || item === '')) return null;
	return items.map((item) => (item == null ? '' : String(item).replaceAll(LIST_SEPARATOR, ' / ').trim())).join(LIST_SEPARATOR);
}

/** The items of a list cell (the importer's reading of joinList); an empty cell is an empty list. */
export function splitList(cell: Cell | undefined): string[] {
	if (cell == null) return [];
	const text = String(cell);
	if (text.trim() === '') return [];
	return text.split(LIST_SEPARATOR).map((item) => item.trim());
}

const label = (lang: Language, key: string) => translate(lang, key);
const ofRole = (record: ExportRecord, role: OrganisationRole) => record.organisations.filter((entry) => entry.role === role);
const contribution = (entry: ExportOrganisation) => (entry.amount == null ? '' : `${entry.amount} ${entry.currency ?? ''}`.trim());
const figure = (value: SecondFigure | null) => (value ? `${value.amount} ${value.currency}` : '');

/** "2021: 250000 EUR", or "giz 2021: 250000 EUR" for a funder's (the importer's `parseYearlyAmount`). */
export function yearlyAmountCell(entry: Pick<ExportYearlyAmount, 'year' | 'amount' | 'currency'> & { organisation: { slug: string } | null }): string {
	return `${entry.organisation ? `${entry.organisation.slug} ` : ''}${entry.year}: ${entry.amount} ${entry.currency}`;
}

/** A yearly amount cell read back: its funder's identifier (or name) if any, its year, amount and currency; null when it is none. */
export function parseYearlyAmount(item: string): { organisation: string | null; year: number; amount: string; currency: string } | null {
	const match = /^(?:(.+?)\s+)?(\d{4})\s*:\s*(.+?)\s+([A-Za-z]{3})$/.exec(item.trim());
	return match ? { organisation: match[1]?.trim() || null, year: Number(match[2]), amount: match[3], currency: match[4].toUpperCase() } : null;
}

/** The language of the texts kept in the source's own language, other than fr/ar/en (the first one if several). */
const originalLanguage = (record: ExportRecord) => [...Object.keys(record.title), ...Object.keys(record.summary)].find((key) => !isLanguage(key) && (record.title[key] || record.summary[key])) ?? null;
const originalText = (record: ExportRecord, field: 'title' | 'summary') => {
	const language = originalLanguage(record);
	return language ? (record[field][language] ?? null) : null;
};

const translated = (field: 'title' | 'summary', lang: Language, hxl: string, width: number): AtlasColumn => ({
	key: `${field}_${lang}`,
	hxl: `${hxl} +i_${lang}`,
	kind: 'text',
	width,
	value: (record) => record[field][lang] ?? null
});

const organisations = (role: OrganisationRole, key: string, hxlRole: string): AtlasColumn[] => [
	{ key, hxl: `#org +${hxlRole} +code`, kind: 'list', width: 24, value: (record) => joinList(ofRole(record, role).map((entry) => entry.slug)) },
	{
		key: `${key.replace(/s$/, '')}_names`,
		hxl: `#org +${hxlRole} +name`,
		kind: 'list',
		derived: true,
		width: 40,
		value: (record) => joinList(ofRole(record, role).map((entry) => entry.name))
	}
];

/** The columns, in order. */
export const atlasColumns: readonly AtlasColumn[] = [
	{ key: 'identifier', hxl: '#activity +code', kind: 'text', width: 30, value: (record) => record.slug },
	{ key: 'iati_identifier', hxl: '#activity +code +iati', kind: 'text', width: 24, value: (record) => record.iatiIdentifier },
	translated('title', 'fr', '#activity +name', 40),
	translated('title', 'ar', '#activity +name', 40),
	translated('title', 'en', '#activity +name', 40),
	translated('summary', 'fr', '#description', 50),
	translated('summary', 'ar', '#description', 50),
	translated('summary', 'en', '#description', 50),
	// a text kept in the source's own language (Spanish, Italian…: issue 17, rule 9), with its ISO 639 code
	{ key: 'original_language', hxl: '#meta +lang +original', kind: 'text', width: 8, value: (record) => originalLanguage(record) },
	{ key: 'title_original', hxl: '#activity +name +original', kind: 'text', width: 40, value: (record) => originalText(record, 'title') },
	{ key: 'summary_original', hxl: '#description +original', kind: 'text', width: 50, value: (record) => originalText(record, 'summary') },
	{ key: 'status', hxl: '#status +code', kind: 'text', width: 12, value: (record) => record.status },
	{
		key: 'status_label',
		hxl: '#status +name',
		kind: 'text',
		derived: true,
		width: 14,
		value: (record, { lang }) => label(lang, `atlas.status_${record.status}`)
	},
	{ key: 'themes', hxl: '#sector +code', kind: 'list', width: 30, value: (record) => joinList(record.themes) },
	{
		key: 'theme_labels',
		hxl: '#sector +name',
		kind: 'list',
		derived: true,
		width: 50,
		value: (record, { lang }) => joinList(record.themes.map((theme) => label(lang, `atlas.theme_${theme}`)))
	},
	{ key: 'national_scope', hxl: '#country +national', kind: 'boolean', width: 10, value: (record) => record.nationalScope },
	{ key: 'regions', hxl: '#adm1 +code', kind: 'list', width: 18, value: (record) => joinList(record.regions) },
	{
		key: 'region_names',
		hxl: '#adm1 +name',
		kind: 'list',
		derived: true,
		width: 36,
		value: (record, { lang }) => joinList(record.regions.map((iso) => nameIn(lang, regionByIso.get(iso), iso)))
	},
	{ key: 'provinces', hxl: '#adm2 +code', kind: 'list', width: 18, value: (record) => joinList(record.provinces) },
	{
		key: 'province_names',
		hxl: '#adm2 +name',
		kind: 'list',
		derived: true,
		width: 30,
		value: (record, { lang }) => joinList(record.provinces.map((iso) => nameIn(lang, provinceByIso.get(iso), iso)))
	},
	{ key: 'communes', hxl: '#adm3 +code', kind: 'list', width: 18, value: (record) => joinList(record.communes) },
	{
		key: 'commune_names',
		hxl: '#adm3 +name',
		kind: 'list',
		derived: true,
		width: 30,
		// French names on French and English exports: the sources have no English names
		value: (record, { lang }) => joinList(record.communes.map((code) => (communeByCode(code) ? (lang === 'ar' ? communeByCode(code)!.nameAr : communeByCode(code)!.nameFr) : code)))
	},
	{ key: 'other_places', hxl: '#loc +name', kind: 'text', width: 24, value: (record) => record.otherPlaces },
	{ key: 'countries', hxl: '#country +code', kind: 'list', width: 14, value: (record) => joinList(record.countries) },
	{
		key: 'country_names',
		hxl: '#country +name',
		kind: 'list',
		derived: true,
		width: 24,
		value: (record, { lang }) => joinList(record.countries.map((code) => countryName(lang, code)))
	},
	{ key: 'target_groups', hxl: '#beneficiary +code', kind: 'list', width: 30, value: (record) => joinList(record.targetGroups) },
	{
		key: 'target_group_labels',
		hxl: '#beneficiary +name',
		kind: 'list',
		derived: true,
		width: 36,
		value: (record, { lang }) => joinList(record.targetGroups.map((code) => label(lang, `atlas.target_${code}`)))
	},
	...organisations('funder', 'funders', 'funder'),
	{
		key: 'funder_contributions',
		hxl: '#value +funder',
		kind: 'list',
		width: 24,
		value: (record) => joinList(ofRole(record, 'funder').map(contribution))
	},
	{
		key: 'funder_second_figures',
		hxl: '#value +funder +alt',
		kind: 'list',
		width: 24,
		// aligned with the funders: each contribution as the source also gives it in another currency
		value: (record) => {
			const funders = ofRole(record, 'funder');
			return funders.some((entry) => entry.secondFigure) ? joinList(funders.map((entry) => figure(entry.secondFigure))) : null;
		}
	},
	...organisations('accountable', 'accountable_organisations', 'accountable'),
	...organisations('extending', 'extending_organisations', 'extending'),
	...organisations('implementer', 'implementers', 'impl'),
	...organisations('partner', 'partners', 'partner'),
	...organisations('beneficiary', 'beneficiary_institutions', 'beneficiary'),
	{ key: 'planned_start', hxl: '#date +start +planned', kind: 'date', width: 12, value: (record) => record.plannedStart },
	{ key: 'planned_end', hxl: '#date +end +planned', kind: 'date', width: 12, value: (record) => record.plannedEnd },
	{ key: 'actual_start', hxl: '#date +start', kind: 'date', width: 12, value: (record) => record.actualStart },
	{ key: 'actual_end', hxl: '#date +end', kind: 'date', width: 12, value: (record) => record.actualEnd },
	{ key: 'start_year', hxl: '#date +year +start', kind: 'number', width: 8, value: (record) => record.startYear },
	{ key: 'end_year', hxl: '#date +year +end', kind: 'number', width: 8, value: (record) => record.endYear },
	{ key: 'budget_total', hxl: '#value +total', kind: 'number', width: 14, value: (record) => record.budgetTotal },
	{ key: 'currency', hxl: '#currency', kind: 'text', width: 8, value: (record) => record.budgetCurrency },
	{ key: 'budget_second_figure', hxl: '#value +total +alt', kind: 'text', width: 18, value: (record) => figure(record.budgetSecondFigure) || null },
	{ key: 'yearly_amounts', hxl: '#value +year', kind: 'list', width: 30, value: (record) => joinList(record.yearlyAmounts.map(yearlyAmountCell)) },
	{ key: 'budget_eur', hxl: '#value +total +eur', kind: 'number', derived: true, width: 14, value: (record) => record.budgetEur },
	{ key: 'budget_mad', hxl: '#value +total +mad', kind: 'number', derived: true, width: 16, value: (record) => record.budgetMad },
	{ key: 'website', hxl: '#contact +url', kind: 'text', width: 30, value: (record) => record.website },
	{ key: 'contact', hxl: '#contact +info', kind: 'text', width: 30, value: (record) => record.contact },
	{ key: 'sources', hxl: '#meta +source', kind: 'list', width: 50, value: (record) => joinList(record.sources.map((entry) => entry.citation)) },
	{ key: 'source_urls', hxl: '#meta +source +url', kind: 'list', width: 30, value: (record) => joinList(record.sources.map((entry) => entry.url)) },
	{ key: 'source_dates', hxl: '#meta +source +date', kind: 'list', width: 14, value: (record) => joinList(record.sources.map((entry) => entry.date)) },
	{ key: 'last_verified', hxl: '#date +verified', kind: 'date', width: 12, value: (record) => record.lastVerifiedOn },
	{ key: 'sample', hxl: '#meta +sample', kind: 'boolean', width: 8, value: (record) => record.isSample }
];

/** The header row in a language. */
export function headerRow(lang: Language): string[] {
	return atlasColumns.map((column) => translate(lang, `atlas_export.column_${column.key}`));
}

/** The HXL hashtag row. */
export function hxlRow(): string[] {
	return atlasColumns.map((column) => column.hxl);
}

/** One initiative as a row of cells, codes spelled out in `lang`. */
export function recordRow(record: ExportRecord, context: ColumnContext): Cell[] {
	return atlasColumns.map((column) => column.value(record, context));
}

const normaliseHeader = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
let headerIndex: Map<string, AtlasColumn> | undefined;

/**
 * The column a header names, for the importer: its key, its header in any of fr/ar/en, or its HXL
 * hashtag (attributes in any order).
 */
export function columnForHeader(header: string): AtlasColumn | undefined {
	if (!headerIndex) {
		headerIndex = new Map();
		for (const column of atlasColumns) {
			headerIndex.set(column.key, column);
			headerIndex.set(hxlKey(column.hxl), column);
			for (const lang of ['fr', 'ar', 'en'] as const) headerIndex.set(normaliseHeader(translate(lang, `atlas_export.column_${column.key}`)), column);
		}
	}
	const text = header.trim();
	return text.startsWith('#') ? headerIndex.get(hxlKey(text)) : headerIndex.get(normaliseHeader(text));
}

function hxlKey(tag: string): string {
	const [hashtag, ...attributes] = tag.toLowerCase().split(/\s*\+/).map((part) => part.trim());
	return [hashtag, ...attributes.sort()].join('+');
}
