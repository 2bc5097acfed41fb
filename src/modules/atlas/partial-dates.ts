// Dates as sources give them (issue #17, rule 18): a day (2021-04-15) or only a month (2021-04, "avril
// 2021"). A month is kept as a month — stored as a day with its precision (the first day for a start, the
// last for an end, so that comparisons, overlaps and sorting stay those of dates), shown as "avril 2021" /
// "أبريل 2021" / "April 2021", exported as 2021-04 — never turned into an invented day.
import { intlLocale, languages, type Language } from '../../platform/i18n/languages.ts';

export const datePrecisions = ['day', 'month'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
	const match = DAY.exec(value);
	if (!match) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A month written YYYY-MM. */
export function isMonth(value: string): boolean {
	return MONTH.test(value);
}

/** A day (YYYY-MM-DD) or a month (YYYY-MM). */
export function isDayOrMonth(value: string): boolean {
	return isDay(value) || isMonth(value);
}

export function precisionOf(value: string): DatePrecision {
	return isMonth(value) ? 'month' : 'day';
}

/** The first day a value may mean (a month: its 1st). */
export function firstDay(value: string): string {
	return isMonth(value) ? `${value}-01` : value;
}

/** The last day a value may mean (a month: its last day). */
export function lastDay(value: string): string {
	if (!isMonth(value)) return value;
	const [year, month] = value.split('-').map(Number);
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The day stored for a value: the first day of a month for a start (or any other date), its last for an end. */
export function storedDay(value: string | null | undefined, end = false): string | null {
	if (!value) return null;
	return end ? lastDay(value) : firstDay(value);
}

/** A stored day read back with its precision (a month: YYYY-MM). */
export function withPrecision(day: string | null | undefined, precision: string | null | undefined): string | null {
	if (!day) return null;
	return precision === 'month' ? day.slice(0, 7) : day;
}

/** An initiative's four dates: planned and actual, start and end. */
type InitiativeDates<T> = { plannedStart: T; plannedEnd: T; actualStart: T; actualEnd: T };
type Precisions<P> = { plannedStartPrecision: P; plannedEndPrecision: P; actualStartPrecision: P; actualEndPrecision: P };

/** An initiative's four dates as stored: each a day — a month as its first day for a start, its last day for an end — and its precision. */
export function storedDates(dates: Partial<InitiativeDates<string | null | undefined>>): InitiativeDates<string | null> & Precisions<DatePrecision> {
	const precision = (value: string | null | undefined): DatePrecision => (value ? precisionOf(value) : 'day');
	return {
		plannedStart: storedDay(dates.plannedStart),
		plannedEnd: storedDay(dates.plannedEnd, true),
		actualStart: storedDay(dates.actualStart),
		actualEnd: storedDay(dates.actualEnd, true),
		plannedStartPrecision: precision(dates.plannedStart),
		plannedEndPrecision: precision(dates.plannedEnd),
		actualStartPrecision: precision(dates.actualStart),
		actualEndPrecision: precision(dates.actualEnd)
	};
}

/** The four stored dates read back as people gave them (a month: YYYY-MM). */
export function datesOf(row: InitiativeDates<string | null> & Precisions<string | null>): InitiativeDates<string | null> {
	return {
		plannedStart: withPrecision(row.plannedStart, row.plannedStartPrecision),
		plannedEnd: withPrecision(row.plannedEnd, row.plannedEndPrecision),
		actualStart: withPrecision(row.actualStart, row.actualStartPrecision),
		actualEnd: withPrecision(row.actualEnd, row.actualEndPrecision)
	};
}

/** Whether `end` can come after `start` (each a day or a month): the end's last day is not before the start's first. */
export function inOrder(start: string, end: string): boolean {
	return lastDay(end) >= firstDay(start);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: Language, month: boolean): Intl.DateTimeFormat {
	const key = `${language}/${month}`;
	let found = formats.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(intlLocale[language], month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' });
		formats.set(key, found);
	}
	return found;
}

/** A day or a month in the language: "15 avril 2021", "avril 2021"; anything else as written. */
export function formatPartialDate(language: Language, value: string): string {
	if (isMonth(value)) return format(language, true).format(new Date(`${value}-01T00:00:00Z`));
	if (isDay(value)) return format(language, false).format(new Date(`${value}T00:00:00Z`));
	return value;
}

const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[.\u200f\u200e]/g, '')
		.trim();

/** Month names (long and short) in French, Arabic and English → month number (1–12). */
const monthNames = (() => {
	const names = new Map<string, number>();
	for (const language of languages) {
		for (const style of ['long', 'short'] as const) {
			const formatter = new Intl.DateTimeFormat(intlLocale[language], { month: style, timeZone: 'UTC' });
			for (let month = 1; month <= 12; month++) names.set(fold(formatter.format(new Date(Date.UTC(2021, month - 1, 1)))), month);
		}
	}
	// spellings people write beside Intl's (Moroccan Arabic's French month names, "sept")
	for (const [name, month] of [
		['sept', 9],
		['fevr', 2],
		['juil', 7],
		['يناير', 1],
		['فبراير', 2],
		['مارس', 3],
		['أبريل', 4],
		['ابريل', 4],
		['ماي', 5],
		['مايو', 5],
		['يونيو', 6],
		['يوليوز', 7],
		['يوليو', 7],
		['غشت', 8],
		['أغسطس', 8],
		['شتنبر', 9],
		['سبتمبر', 9],
		['أكتوبر', 10],
		['اكتوبر', 10],
		['نونبر', 11],
		['نوفمبر', 11],
		['دجنبر', 12],
		['ديسمبر', 12]
	] as const)
		names.set(fold(name), month);
	return names;
})();

const pad = (value: string | number) => String(value).padStart(2, '0');

/**
 * A date as people write it in a form or a table cell → YYYY-MM-DD or YYYY-MM; `null` when empty,
 * `undefined` when it is not a date (the caller says which format it expects). Accepted: YYYY-MM-DD (also
 * from a date-time), DD/MM/YYYY (or with dots or dashes), YYYY-MM, MM/YYYY, and a month name with a year in
 * French, Arabic or English ("avril 2021", "April 2021", "أبريل 2021").
 */
export function parseWrittenDate(written: string | null | undefined): string | null | undefined {
	const text = (written ?? '').trim().replace(/\s+/g, ' ');
	if (!text) return null;
	const iso = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	if (iso) return isDay(iso[1]) ? iso[1] : undefined;
	const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	if (dayFirst) {
		const day = `${dayFirst[3]}-${pad(dayFirst[2])}-${pad(dayFirst[1])}`;
		return isDay(day) ? day : undefined;
	}
	if (isMonth(text)) return text;
	const monthFirst = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
	if (monthFirst) {
		const month = `${monthFirst[2]}-${pad(monthFirst[1])}`;
		return isMonth(month) ? month : undefined;
	}
	const named = /^(\S+) (\d{4})$/.exec(text);
	const month = named ? monthNames.get(fold(named[1])) : undefined;
	if (named && month) return `${named[2]}-${pad(month)}`;
	return undefined;
}

/** A day or a month as the form shows it, the way people write it: 15/04/2021, 04/2021. */
export function writtenDate(value: string | null | undefined): string {
	if (!value) return '';
	if (isMonth(value)) return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
	if (isDay(value)) return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
	return value;
}

/**
 * The last day (or month) of a duration of `months` months from `start`: from 2021-04-01, 48 months end on
 * 2025-03-31; from the month 2021-04, on the month 2025-03.
 */
export function endAfterMonths(start: string, months: number): string {
	if (isMonth(start)) {
		const [year, month] = start.split('-').map(Number);
		const end = new Date(Date.UTC(year, month - 1 + months - 1, 1));
		return end.toISOString().slice(0, 7);
	}
	const [year, month, day] = start.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1 + months, day) - 86_400_000).toISOString().slice(0, 10);
}
