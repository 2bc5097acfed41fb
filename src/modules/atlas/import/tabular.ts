// CSV and XLSX tables: the export's columns are the import's (export/columns.ts). A file is read into
// header + rows of text cells; the person maps each header to one of the Atlas's columns (pre-filled
// from the header or its HXL hashtag; derived columns are never read); the dry run turns each row into
// an activity with its problems, in the same shape as an IATI activity.
import { parse as parseCsv } from 'csv-parse/sync';
import { cellText, MAX_UNPACKED, xlsxText, zipUnpackedSize } from '../../../platform/tabular/spreadsheet.ts';
import ExcelJS from 'exceljs';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { languages } from '../../../platform/i18n/languages.ts';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { communeByCode, communeNamed } from '../../../platform/geo/communes.ts';
import type { Translated } from '../atlas.table.ts';
import { initiativeStatuses, initiativeThemes, otherLanguagePattern, targetGroups, type OrganisationRole } from '../atlas.model.ts';
import { atlasColumns, columnForHeader, LIST_SEPARATOR, parseYearlyAmount, splitList } from '../export/columns.ts';
import { isDay, parseWrittenDate } from '../partial-dates.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { sizeText } from '../../../platform/http/body-limits.ts';
import { cut, Problems, type ActivityPreview, type ImportedActivity, type ImportedOrganisation } from './imported.ts';
import type { ImportProblem } from './import.table.ts';
import type { OrganisationMatcher } from './organisations.ts';
import { ImportRefusal } from './refusal.ts';
import { sanitise } from './validate.ts';

export type TableKind = 'csv' | 'xlsx';
type Cell = string | null;

export interface Table {
	headers: string[];
	/** the HXL hashtag row under the headers, when there is one (skipped) */
	hxlRow: string[] | null;
	/** data rows: the row number in the sheet (the header is row 1) and the cells, as text */
	rows: { position: number; cells: Cell[] }[];
}

const text = cellText;

function isHxlRow(cells: Cell[]): boolean {
	const filled = cells.filter((cell): cell is string => Boolean(cell));
	return filled.length > 0 && filled.every((cell) => cell.trim().startsWith('#'));
}

/** Reads a CSV (UTF-8, comma, semicolon or tab; RFC 4180 quoting) or the first sheet of an XLSX file. */
export async function readTable(bytes: Uint8Array, kind: TableKind, limits: { maxBytes: number; maxRows: number }): Promise<Table> {
	if (bytes.byteLength === 0) throw new ImportRefusal('file_empty');
	if (bytes.byteLength > limits.maxBytes) throw new ImportRefusal('file_too_large', { limit: sizeText(limits.maxBytes) });
	let grid: Cell[][];
	if (kind === 'csv') {
		let source: string;
		try {
			source = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
		} catch {
			throw new ImportRefusal('encoding', { encoding: '?' });
		}
		const firstLine = source.slice(0, source.search(/\r?\n|$/));
		const delimiter = [',', ';', '\t'].map((candidate) => ({ candidate, count: firstLine.split(candidate).length })).sort((a, b) => b.count - a.count)[0].candidate;
		try {
			const records = parseCsv(source, { delimiter, relax_column_count: true, skip_empty_lines: true, to: limits.maxRows + 3 }) as string[][];
			grid = records.map((record) => record.map(text));
		} catch {
			throw new ImportRefusal('table_unreadable');
		}
	} else {
		if (zipUnpackedSize(bytes) > MAX_UNPACKED) throw new ImportRefusal('table_unreadable');
		const workbook = new ExcelJS.Workbook();
		try {
			await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		} catch {
			throw new ImportRefusal('table_unreadable');
		}
		const sheet = workbook.worksheets[0];
		if (!sheet) throw new ImportRefusal('table_unreadable');
		grid = [];
		sheet.eachRow({ includeEmpty: true }, (row, number) => {
			if (number > limits.maxRows + 3) return;
			const cells: Cell[] = [];
			row.eachCell({ includeEmpty: true }, (cell, column) => {
				cells[column - 1] = xlsxText(cell.value);
			});
			grid[number - 1] = Array.from(cells, (cell) => cell ?? null);
		});
		grid = Array.from(grid, (row) => row ?? []);
	}
	const headerIndex = grid.findIndex((row) => row.some(Boolean));
	if (headerIndex < 0) throw new ImportRefusal('table_no_header');
	const headers = grid[headerIndex].map((cell, index) => cell?.trim() || `#${index + 1}`);
	while (headers.length && /^#\d+$/.test(headers[headers.length - 1])) headers.pop();
	if (!headers.length || isHxlRow(grid[headerIndex])) throw new ImportRefusal('table_no_header');
	let first = headerIndex + 1;
	const hxlRow = grid[first] && isHxlRow(grid[first]) ? headers.map((_, index) => grid[first][index]?.trim() ?? '') : null;
	if (hxlRow) first++;
	const rows: Table['rows'] = [];
	for (let index = first; index < grid.length; index++) {
		const cells = headers.map((_, column) => grid[index]?.[column] ?? null);
		if (!cells.some(Boolean)) continue;
		rows.push({ position: index + 1, cells });
	}
	if (rows.length > limits.maxRows) throw new ImportRefusal('table_too_many_rows', { max: limits.maxRows });
	if (!rows.length) throw new ImportRefusal('no_activities');
	return { headers, hxlRow, rows };
}

/** The columns a file's header may be mapped to: the export's columns but the derived ones. */
export function importableColumnKeys(): string[] {
	return atlasColumns.filter((column) => !column.derived).map((column) => column.key);
}

/** The code column a derived column spells out: a hand-made table's "Statut" or "Bailleurs" holds labels or names, which the import reads too. */
const codeColumnOf: Record<string, string> = {
	status_label: 'status',
	theme_labels: 'themes',
	region_names: 'regions',
	province_names: 'provinces',
	country_names: 'countries',
	target_group_labels: 'target_groups',
	funder_names: 'funders',
	accountable_organisation_names: 'accountable_organisations',
	extending_organisation_names: 'extending_organisations',
	implementer_names: 'implementers',
	partner_names: 'partners',
	beneficiary_institution_names: 'beneficiary_institutions'
};

/**
 * Each header's column, from its text (key or header in fr/ar/en), else from its HXL hashtag. A derived
 * column is read only when its code column is not in the file (an export has both: the codes are read).
 */
export function defaultMapping(headers: string[], hxlRow: string[] | null): (string | null)[] {
	const found = headers.map((header, index) => columnForHeader(header) ?? (hxlRow?.[index] ? columnForHeader(hxlRow[index]) : undefined));
	const used = new Set<string>();
	const mapping: (string | null)[] = found.map((column) => {
		if (!column || column.derived || used.has(column.key)) return null;
		used.add(column.key);
		return column.key;
	});
	found.forEach((column, index) => {
		const key = column?.derived ? codeColumnOf[column.key] : undefined;
		if (key && !used.has(key)) {
			used.add(key);
			mapping[index] = key;
		}
	});
	return mapping;
}

// ── Values ──────────────────────────────────────────────────────────────────

const fold = (value: string) =>
	value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** Codes, or their labels in any of the three languages. */
function codeBook(codes: readonly string[], labelKey: (code: string) => string | string[]): Map<string, string> {
	const book = new Map<string, string>();
	for (const code of codes) {
		book.set(fold(code), code);
		for (const language of languages) {
			for (const key of [labelKey(code)].flat()) book.set(fold(key.includes('.') ? translate(language, key) : key), code);
		}
	}
	return book;
}

let books: Record<'status' | 'theme' | 'target' | 'region' | 'province' | 'country', Map<string, string>> | undefined;
function codeBooks() {
	books ??= {
		status: codeBook(initiativeStatuses, (code) => `atlas.status_${code}`),
		theme: codeBook(initiativeThemes, (code) => `atlas.theme_${code}`),
		target: codeBook(targetGroups, (code) => `atlas.target_${code}`),
		region: codeBook(
			regions.map((region) => region.iso),
			(iso) => {
				const region = regions.find((entry) => entry.iso === iso)!;
				return [region.nameFr, region.nameAr, region.nameEn];
			}
		),
		province: codeBook(
			provinces.map((province) => province.iso),
			(iso) => {
				const province = provinces.find((entry) => entry.iso === iso)!;
				return [province.nameFr, province.nameAr, province.nameEn];
			}
		),
		country: (() => {
			const book = new Map<string, string>();
			for (const language of languages) {
				const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
				for (const code of countryCodes) {
					const name = names.of(code);
					if (name) book.set(fold(name), code);
				}
			}
			for (const code of countryCodes) book.set(fold(code), code);
			return book;
		})()
	};
	return books;
}

function parseBoolean(value: string): boolean | null {
	const folded = fold(value);
	if (['true', '1', 'yes', 'oui', 'vrai', 'نعم', 'x'].includes(folded)) return true;
	if (['false', '0', 'no', 'non', 'faux', 'لا'].includes(folded)) return false;
	return null;
}

/** A plain number; spaces as thousands separators and a decimal comma are accepted. */
export function parseNumber(value: string): number | null {
	let compact = value.replace(/[\s\u00a0\u202f]/g, '');
	if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) compact = compact.replace(/,/g, '');
	else if (/^-?\d+,\d+$/.test(compact)) compact = compact.replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
	const number = Number(compact);
	return Number.isFinite(number) ? number : null;
}

/** YYYY-MM-DD (also from an ISO date-time, or DD/MM/YYYY). */
export function parseDay(value: string): string | null {
	const parsed = parseWrittenDate(value);
	return parsed && isDay(parsed) ? parsed : null;
}

/** A day, or a month alone (2021-04, 04/2021, "avril 2021": issue #17 rule 18) as YYYY-MM-DD or YYYY-MM. */
export function parseDayOrMonth(value: string): string | null {
	return parseWrittenDate(value) ?? null;
}

// ── A row ───────────────────────────────────────────────────────────────────

export interface DryRunResult {
	identifier: string | null;
	title: Translated;
	preview: ActivityPreview;
	draft: ImportedActivity | null;
	problems: ImportProblem[];
	concernsMorocco: boolean;
}

const roleColumns: [string, OrganisationRole][] = [
	['funders', 'funder'],
	['accountable_organisations', 'accountable'],
	['extending_organisations', 'extending'],
	['implementers', 'implementer'],
	['partners', 'partner'],
	['beneficiary_institutions', 'beneficiary']
];

/** One row, read through the mapping: the activity it describes, or why it cannot be imported. */
export function dryRunRow(cells: Cell[], mapping: (string | null)[], matcher: OrganisationMatcher): DryRunResult {
	const problems = new Problems();
	const raw = (key: string): string | null => {
		const index = mapping.indexOf(key);
		return index >= 0 ? (cells[index] ?? null) : null;
	};
	const get = (key: string): string | null => raw(key)?.trim() || null;
	const columns = mapping.filter((key): key is string => key !== null);
	const invalid = (column: string, value: string) => problems.error('invalid_value', { column, value: cut(value, 80) });
	const codes = (column: string, book: Map<string, string>) => {
		const out: string[] = [];
		for (const item of splitList(raw(column))) {
			if (!item) continue;
			const code = book.get(fold(item));
			if (code) {
				if (!out.includes(code)) out.push(code);
			} else invalid(column, item);
		}
		return out;
	};
	const day = (column: string, month = true) => {
		const value = get(column);
		if (!value) return null;
		const parsed = month ? parseDayOrMonth(value) : parseDay(value);
		if (!parsed) invalid(column, value);
		return parsed;
	};
	const year = (column: string) => {
		const value = get(column);
		if (!value) return null;
		const parsed = parseNumber(value);
		if (parsed === null || !Number.isInteger(parsed)) {
			invalid(column, value);
			return null;
		}
		return parsed;
	};
	const book = codeBooks();

	const title: Translated = {};
	const summary: Translated = {};
	for (const language of languages) {
		const heading = get(`title_${language}`);
		if (heading) title[language] = heading.replace(/\s+/g, ' ');
		const about = get(`summary_${language}`);
		if (about) summary[language] = about;
	}
	// texts in the source's own language (the Atlas's export writes them with their ISO 639 code)
	const originalTitle = get('title_original');
	const originalSummary = get('summary_original');
	const rawLanguage = get('original_language');
	if (originalTitle || originalSummary || rawLanguage) {
		const code = rawLanguage?.trim().toLowerCase() ?? '';
		if (!otherLanguagePattern.test(code) || (languages as readonly string[]).includes(code)) invalid('original_language', rawLanguage ?? '');
		else {
			if (originalTitle) title[code] = originalTitle.replace(/\s+/g, ' ');
			if (originalSummary) summary[code] = originalSummary;
		}
	}
	if (!Object.values(title).some(Boolean)) problems.critical('no_title');

	const rawSlug = get('identifier');
	let slug: string | undefined;
	if (rawSlug) {
		if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rawSlug.toLowerCase()) && rawSlug.length <= 100) slug = rawSlug.toLowerCase();
		else invalid('identifier', rawSlug);
	}
	const iatiIdentifier = get('iati_identifier');

	const plannedStart = day('planned_start');
	const plannedEnd = day('planned_end');
	const actualStart = day('actual_start');
	const actualEnd = day('actual_end');
	// the export writes the years of the dates too: a year is only kept when no date says it (as the Atlas stores it)
	const startYear = plannedStart || actualStart ? null : year('start_year');
	const endYear = plannedEnd || actualEnd ? null : year('end_year');

	const rawStatus = get('status');
	let status = rawStatus ? book.status.get(fold(rawStatus)) : undefined;
	if (rawStatus && !status) invalid('status', rawStatus);
	if (!status) {
		status = actualEnd ? 'completed' : actualStart ? 'ongoing' : 'planned';
		if (!rawStatus && columns.includes('status')) problems.warning('status_missing', { status });
	}

	const national = get('national_scope');
	let nationalScope = false;
	if (national) {
		const parsed = parseBoolean(national);
		if (parsed === null) invalid('national_scope', national);
		else nationalScope = parsed;
	}
	const sample = get('sample');
	let isSample = false;
	if (sample) {
		const parsed = parseBoolean(sample);
		if (parsed === null) invalid('sample', sample);
		else isSample = parsed;
	}

	/** "1000000 EUR" (an amount and its currency), else null and the cell said invalid */
	const figure = (column: string, cell: string) => {
		const match = /^(.*?)\s*([A-Za-z]{3})$/.exec(cell.trim());
		const amount = match ? parseNumber(match[1]) : null;
		if (!match || amount === null || amount < 0) {
			invalid(column, cell);
			return null;
		}
		return { amount, currency: match[2].toUpperCase() };
	};
	let budget: InitiativeInput['budget'] = null;
	const total = get('budget_total');
	const currency = get('currency')?.toUpperCase() ?? null;
	if (total) {
		const amount = parseNumber(total);
		if (amount === null || amount < 0) invalid('budget_total', total);
		else if (!currency || !/^[A-Z]{3}$/.test(currency)) problems.error('budget_no_currency', { currencies: currency ?? '' });
		else budget = { total: amount, currency };
	}
	// the total as the source also gives it in another currency (issue #17 rule 5)
	const secondCell = get('budget_second_figure');
	const budgetSecond = secondCell ? figure('budget_second_figure', secondCell) : null;
	if (budget && budgetSecond) {
		if (budgetSecond.currency === budget.currency) invalid('budget_second_figure', secondCell!);
		else budget = { ...budget, secondFigure: budgetSecond };
	}

	// Organisations: Atlas identifiers (slugs) or names; a table never creates an organisation
	const organisations: ImportedOrganisation[] = [];
	const contributions = splitList(raw('funder_contributions'));
	const secondFigures = splitList(raw('funder_second_figures'));
	for (const [column, role] of roleColumns) {
		splitList(raw(column)).forEach((item, index) => {
			if (!item) return;
			const entry: ImportedOrganisation = { ref: null, key: item, names: [], type: null, role };
			const found = matcher.match(entry);
			if (!found) {
				problems.error('unknown_organisation', { name: cut(item, 80) });
				return;
			}
			entry.key = found.slug;
			if (role === 'funder' && contributions[index]) {
				const match = /^(.*?)\s*([A-Za-z]{3})?$/.exec(contributions[index])!;
				const amount = parseNumber(match[1]);
				if (amount === null || amount < 0) invalid('funder_contributions', contributions[index]);
				else Object.assign(entry, { amount, currency: match[2]?.toUpperCase() ?? null });
			}
			if (role === 'funder' && secondFigures[index]) {
				const second = figure('funder_second_figures', secondFigures[index]);
				if (second && entry.amount != null && second.currency !== (entry.currency ?? budget?.currency ?? 'EUR')) entry.secondFigure = second;
				else if (second) invalid('funder_second_figures', secondFigures[index]);
			}
			if (!organisations.some((other) => other.key === entry.key && other.role === role)) organisations.push(entry);
		});
	}

	// amounts per year: "2021: 250000 EUR" (the initiative's budget) or "giz 2021: 250000 EUR" (one of its funders)
	const yearlyAmounts: NonNullable<InitiativeInput['yearlyAmounts']> = [];
	for (const item of splitList(raw('yearly_amounts'))) {
		if (!item) continue;
		const read = parseYearlyAmount(item);
		const amount = read ? parseNumber(read.amount) : null;
		if (!read || amount === null || amount < 0 || read.year < 1950 || read.year > 2100) {
			invalid('yearly_amounts', item);
			continue;
		}
		if (!read.organisation) {
			yearlyAmounts.push({ organisation: null, year: read.year, amount, currency: read.currency });
			continue;
		}
		const found = matcher.match({ ref: null, key: read.organisation, names: [] });
		const funder = found && organisations.find((entry) => entry.role === 'funder' && entry.key === found.slug);
		if (!funder) {
			invalid('yearly_amounts', item);
			continue;
		}
		(funder.yearly ??= []).push({ year: read.year, amount, currency: read.currency });
	}

	const citations = splitList(raw('sources'));
	const urls = splitList(raw('source_urls'));
	const dates = splitList(raw('source_dates'));
	const sources: NonNullable<InitiativeInput['sources']> = [];
	citations.forEach((citation, index) => {
		if (!citation) return;
		const url = urls[index] || null;
		const date = dates[index] ? parseDayOrMonth(dates[index]) : null;
		if (dates[index] && !date) invalid('source_dates', dates[index]);
		sources.push({ citation: cut(citation, 1000), url, date });
	});

	const countries: string[] = [];
	for (const item of splitList(raw('countries'))) {
		if (!item) continue;
		const code = book.country.get(fold(item));
		if (code === 'MA') continue;
		if (code) {
			if (!countries.includes(code)) countries.push(code);
		} else invalid('countries', item);
	}

	// Communes by HCP code, or by a name that designates one commune of the row's regions and provinces
	// (all of Morocco when it names none); the other names stay as written, with the other places
	const regionCodes = codes('regions', book.region);
	const provinceCodes = codes('provinces', book.province);
	const communes: string[] = [];
	const elsewhere: string[] = [];
	for (const item of splitList(raw('communes')).flatMap((entry) => entry.split(/\s*[,;،]\s*/))) {
		if (!item) continue;
		const commune = communeByCode(item) ?? communeNamed(item, [...regionCodes, ...provinceCodes]);
		if (commune) {
			if (!communes.includes(commune.code)) communes.push(commune.code);
		} else elsewhere.push(item);
	}
	const otherPlaces = [get('other_places'), ...elsewhere].filter(Boolean).join(', ') || null;

	const input: ImportedActivity['input'] = {
		...(slug ? { slug } : {}),
		title,
		summary,
		status: status as InitiativeInput['status'],
		plannedStart,
		plannedEnd,
		actualStart,
		actualEnd,
		startYear,
		endYear,
		nationalScope,
		regions: regionCodes,
		provinces: provinceCodes,
		communes: communes.sort(),
		otherPlaces,
		countries,
		themes: codes('themes', book.theme) as InitiativeInput['themes'],
		targetGroups: codes('target_groups', book.target) as InitiativeInput['targetGroups'],
		budget,
		yearlyAmounts,
		sources,
		contact: get('contact'),
		website: get('website'),
		iatiIdentifier,
		lastVerifiedOn: day('last_verified', false),
		isSample
	};
	const concernsMorocco = nationalScope || input.regions!.length > 0 || input.provinces!.length > 0 || communes.length > 0 || countries.length === 0;
	if (!concernsMorocco) problems.warning('not_morocco');
	const checked = problems.hasCritical ? null : sanitise(input, problems);
	const identifier = iatiIdentifier ?? slug ?? null;
	const preview: ActivityPreview = {
		start: actualStart ?? plannedStart ?? (startYear ? String(startYear) : null),
		end: actualEnd ?? plannedEnd ?? (endYear ? String(endYear) : null),
		budget: budget ?? null,
		countries: concernsMorocco ? ['MA', ...countries] : countries,
		regions: [...(input.regions ?? []), ...(input.provinces ?? [])],
		sectors: [],
		themes: input.themes ?? [],
		organisations: organisations.map((entry) => ({ name: entry.key ?? '', role: entry.role }))
	};
	return {
		identifier,
		title,
		preview,
		draft: checked
			? { identifier: iatiIdentifier ?? null, input: checked, organisations, exactThemes: true, givesCountries: columns.includes('countries'), concernsMorocco, columns }
			: null,
		problems: problems.list,
		concernsMorocco
	};
}

export { LIST_SEPARATOR };
