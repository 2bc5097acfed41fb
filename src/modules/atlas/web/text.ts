import type { Language } from '#platform/i18n/languages.ts';

export type Translated = { fr?: string; ar?: string; en?: string };

/** Each language's name in itself (for "only available in …" notes). */
export const languageNames = { fr: 'Français', ar: 'العربية', en: 'English' } as const;

/** The text in the page language, else the first one available (fr, en, ar), with the language it is in. */
export function pickText(text: Translated, language: Language): { value: string; lang: Language } {
	for (const candidate of [language, 'fr', 'en', 'ar'] as const) {
		const value = text[candidate];
		if (value) return { value, lang: candidate };
	}
	return { value: '', lang: language };
}
