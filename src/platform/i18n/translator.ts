import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue } from './catalogue.ts';
import { intlLocale, direction, type Language } from './languages.ts';
import { formatInPlatformZone } from '../time-zone.ts';

export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** Marks a key missing from the catalogue; tests fail when a page shows one. */
export const MISSING_MARK = '⟦';

// Each message compiled once; a message with nothing to format (no argument, quote or tag: most labels) is
// kept as its text, since formatting it through IntlMessageFormat costs a page of hundreds of labels
// more than rendering them (a profile of the Strategy pages).
const compiled = new Map<string, IntlMessageFormat | string>();
const PLAIN = /^[^{}'<]*$/;

export function translate(language: Language, key: string, values?: MessageValues): string {
	const cacheKey = `${language}\u0000${key}`;
	let format = compiled.get(cacheKey);
	if (format === undefined) {
		const message = catalogue()[language].get(key);
		if (!message) return `${MISSING_MARK}${key}⟧`;
		format = PLAIN.test(message) ? message : new IntlMessageFormat(message, intlLocale[language]);
		compiled.set(cacheKey, format);
	}
	return typeof format === 'string' ? format : String(format.format(values as Record<string, string | number | Date>));
}

export function hasMessage(language: Language, key: string): boolean {
	return catalogue()[language].has(key);
}

export interface Translator {
	language: Language;
	dir: 'rtl' | 'ltr';
	locale: string;
	t(key: string, values?: MessageValues): string;
	date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
	dateTime(value: Date | string | number): string;
	number(value: number, options?: Intl.NumberFormatOptions): string;
	currency(value: number, currency: string): string;
	/** Items of a list joined with the language's comma (the Arabic comma on Arabic pages). */
	list(items: readonly string[]): string;
}

const listSeparator: Record<Language, string> = { fr: ', ', ar: '، ', en: ', ' };

// Creating an Intl formatter costs far more than formatting with it (a list page formats hundreds of
// numbers): one per locale and options, kept for the process.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale} ${JSON.stringify(options ?? {})}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
	return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}

export function createTranslator(language: Language): Translator {
	const locale = intlLocale[language];
	return {
		language,
		dir: direction(language),
		locale,
		t: (key, values) => translate(language, key, values),
		date: (value, options = { dateStyle: 'long' }) => dateFormat(locale, options).format(new Date(value)),
		dateTime: (value) => formatInPlatformZone(locale, value, { dateStyle: 'medium', timeStyle: 'short' }),
		number: (value, options) => numberFormat(locale, options).format(value),
		currency: (value, currency) => numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value),
		list: (items) => items.join(listSeparator[language])
	};
}
