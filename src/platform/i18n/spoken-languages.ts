import type { Language } from './languages.ts';
import { languageNameIn } from './content-language.ts';

/** Common European Framework of Reference levels. */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof cefrLevels)[number];

/**
 * Languages a person may say they speak: Morocco's (Arabic, Darija, Amazigh and its varieties,
 * Hassaniya), those of the regions regularised immigrants come from (Wolof, Bambara, Pulaar,
 * Lingala, Soninke, Dioula…) and the languages of work abroad. BCP 47 / ISO 639 codes.
 */
export const spokenLanguages = [
	'ar', 'ary', 'zgh', 'tzm', 'shi', 'rif', 'mey',
	'fr', 'en', 'es', 'pt', 'it', 'de', 'nl',
	'wo', 'ff', 'bm', 'dyu', 'snk', 'man', 'sus', 'mos', 'ln', 'kg', 'lua', 'sg', 'ha', 'yo', 'ig', 'ak', 'ee', 'sw', 'am', 'ti', 'so',
	'tr', 'ru', 'zh'
] as const;
export type SpokenLanguage = (typeof spokenLanguages)[number];

/**
 * Languages whose level is usually stated on the CEFR scale (taught and certified in writing);
 * for the others, mostly spoken, a person only says they speak it.
 */
const rankedLanguages = new Set<string>(['ar', 'ary', 'zgh', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'tr', 'ru', 'zh']);
export const takesCefrLevel = (language: string): boolean => rankedLanguages.has(language);

/** Names that the runtime's language data lacks or gets wrong for this platform, in each of its languages. */
const namesWeGive: Record<string, Record<Language, string>> = {
	ary: { fr: 'arabe marocain (darija)', ar: 'الدارجة المغربية', en: 'Moroccan Arabic (Darija)' },
	zgh: { fr: 'amazighe', ar: 'الأمازيغية', en: 'Amazigh' },
	tzm: { fr: 'tamazight du Moyen Atlas', ar: 'تمازيغت الأطلس المتوسط', en: 'Central Atlas Tamazight' },
	shi: { fr: 'tachelhit', ar: 'تاشلحيت', en: 'Tashelhit' },
	rif: { fr: 'tarifit', ar: 'تاريفيت', en: 'Tarifit' },
	mey: { fr: 'hassanya', ar: 'الحسانية', en: 'Hassaniya' },
	dyu: { fr: 'dioula', ar: 'الديولا', en: 'Dyula' },
	snk: { fr: 'soninké', ar: 'السونينكية', en: 'Soninke' },
	lua: { fr: 'tshiluba', ar: 'التشيلوبا', en: 'Tshiluba' },
	ff: { fr: 'peul (pulaar)', ar: 'الفولانية (البولار)', en: 'Fula (Pulaar)' }
};

/** A language's name in the page's language, lower case as inside a sentence ("en wolof"). */
export function spokenLanguageName(code: string, pageLanguage: Language): string {
	return namesWeGive[code]?.[pageLanguage] ?? languageNameIn(code, pageLanguage);
}

/** A language's name as the label of an option or a list entry: first letter capitalised where the script has cases. */
export function spokenLanguageLabel(code: string, pageLanguage: Language): string {
	const name = spokenLanguageName(code, pageLanguage);
	return name.charAt(0).toLocaleUpperCase(pageLanguage) + name.slice(1);
}

/** The languages for a select, named and sorted in the page's language, the page's own first. */
export function spokenLanguageOptions(pageLanguage: Language): { value: string; label: string }[] {
	const collator = new Intl.Collator(pageLanguage);
	return spokenLanguages.map((code) => ({ value: code, label: spokenLanguageLabel(code, pageLanguage) })).sort((a, b) => collator.compare(a.label, b.label));
}
