export const languages = ['fr', 'ar', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function direction(language: Language): 'rtl' | 'ltr' {
	return language === 'ar' ? 'rtl' : 'ltr';
}

/** Locales for Intl: Moroccan conventions (ar-MA writes Western digits, as Morocco does). */
export const intlLocale: Record<Language, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en' };

/** Names of the languages in themselves, for the language switcher. */
export const languageNames: Record<Language, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

/** Picks the first supported language of an Accept-Language header, by quality; French otherwise. */
export function negotiateLanguage(acceptLanguage: string | null | undefined): Language {
	if (!acceptLanguage) return defaultLanguage;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number.parseFloat(q.slice(2)) : 1;
			return { base: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((entry) => entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	return ranked.map((entry) => entry.base).find(isLanguage) ?? defaultLanguage;
}

/** The same page in another language: /fr/atlas?x=1 → /ar/atlas?x=1; a page outside /{lang} → that language's home. */
export function pathInLanguage(pathname: string, search: string, language: Language): string {
	const parts = pathname.split('/');
	if (!isLanguage(parts[1])) return `/${language}`;
	parts[1] = language;
	return parts.join('/').replace(/\/$/, '') + search;
}
