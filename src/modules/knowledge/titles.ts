// A document's title as a page shows it: in the reader's language when it exists (no server import: pages use it too).
import type { Language } from '../../platform/i18n/languages.ts';

type Translated = { fr?: string; ar?: string; en?: string };

/** A title in the reader's language when it exists, else French, Arabic, English. */
export function titleIn(title: Translated, language: Language): string {
	return title[language] ?? title.fr ?? title.ar ?? title.en ?? '';
}
/** The language the shown title is written in (for `lang` on its element). */
export function titleLanguage(title: Translated, language: Language): Language {
	return title[language] ? language : title.fr ? 'fr' : title.ar ? 'ar' : 'en';
}
