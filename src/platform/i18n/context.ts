import { getContext, setContext } from 'svelte';
import type { Translator } from './translator.ts';

const key = Symbol('i18n');

export function setI18n(translator: Translator): void {
	setContext(key, translator);
}

/** The page's translator, set by the language layout. */
export function i18n(): Translator {
	return getContext<Translator>(key);
}

/** The context a component rendered on its own (tests) needs to translate. */
export function i18nContext(translator: Translator): Map<unknown, unknown> {
	return new Map([[key, translator]]);
}
