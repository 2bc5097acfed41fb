import type { Language } from './languages.ts';

/**
 * Content written by people (titles, descriptions, guides) in one or more languages, keyed by language
 * tag: the platform's three, or another (an IATI file in Spanish keeps its Spanish).
 */
export type LocalisedText = Partial<Record<string, string>>;

/** A piece of content as a page shows it: the text, the language it is really in, and whether it stands in for the page's. */
export interface ShownText {
	text: string;
	/** BCP 47 tag of the text's own language, for its `lang` attribute */
	lang: string;
	dir: 'ltr' | 'rtl';
	/** the page's language had no version: the text is another language's (the page says so) */
	fallback: boolean;
}

const rightToLeft = new Set(['ar', 'ary', 'arq', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'syr']);

/** The direction a language is written in (Arabic script and Hebrew right to left). */
export function textDirection(lang: string): 'ltr' | 'rtl' {
	return rightToLeft.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}

/** The direction of a part whose language may be unknown (`dir` follows `lang`: no language, no direction of its own). */
export function partDirection(lang: string | null | undefined): 'ltr' | 'rtl' | undefined {
	return lang ? textDirection(lang) : undefined;
}

/**
 * `lang` and `dir` of a part of a page in another language than the page's, to spread on its element
 * (`<a {...partLanguage(title.lang, language)}>`): a `lang` without its `dir` lays a French sentence on an Arabic
 * page out right to left, its full stop at the wrong end. Nothing when the part is in the page's language.
 */
export function partLanguage(lang: string | null | undefined, pageLanguage?: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
	if (!lang || (pageLanguage && lang.split('-')[0] === pageLanguage)) return {};
	return { lang, dir: textDirection(lang) };
}

/** The order in which other languages stand in when the page's is missing. */
const standIns = ['fr', 'en', 'ar'];

/** The text in the page's language, else in the first language that has it, marked as a stand-in. */
export function pickText(text: LocalisedText | null | undefined, pageLanguage: Language): ShownText {
	const own = text?.[pageLanguage];
	if (own) return { text: own, lang: pageLanguage, dir: textDirection(pageLanguage), fallback: false };
	const available = Object.keys(text ?? {}).filter((lang) => text?.[lang]);
	const lang = standIns.find((candidate) => available.includes(candidate)) ?? available[0];
	if (!lang) return { text: '', lang: pageLanguage, dir: textDirection(pageLanguage), fallback: false };
	return { text: text![lang]!, lang, dir: textDirection(lang), fallback: true };
}

/** Text known to be in one language (a name, a label from a file) as a page shows it. */
export function textIn(text: string, lang: string, pageLanguage: Language): ShownText {
	return { text, lang, dir: textDirection(lang), fallback: lang.split('-')[0] !== pageLanguage };
}

const namers = new Map<string, Intl.DisplayNames>();

/** A language's name written in the page's language: "français" on a French page, "الفرنسية" on an Arabic one. */
export function languageNameIn(lang: string, pageLanguage: Language): string {
	let names = namers.get(pageLanguage);
	if (!names) namers.set(pageLanguage, (names = new Intl.DisplayNames([pageLanguage], { type: 'language', fallback: 'code' })));
	return names.of(lang) ?? lang;
}

/**
 * A proper name (an organisation, a person) set inside a translated sentence, isolated from the sentence's
 * direction with Unicode's first-strong isolate (U+2068 … U+2069) — `<bdi>` where markup cannot go.
 */
export const isolate = (name: string): string => `\u2068${name}\u2069`;
