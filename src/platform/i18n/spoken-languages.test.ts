import { describe, expect, it } from 'vitest';
import { languages } from './languages.ts';
import { spokenLanguageName, spokenLanguageOptions, spokenLanguages } from './spoken-languages.ts';

describe('the languages a person may speak', () => {
	it.each([...languages])('are all named in %s, each name once, none left as a code', (page) => {
		const labels = spokenLanguageOptions(page).map((option) => option.label);
		expect(new Set(labels).size).toBe(spokenLanguages.length);
		for (const code of spokenLanguages) expect(spokenLanguageName(code, page), code).not.toBe(code);
	});

	it('include the languages of West and Central Africa and of Morocco', () => {
		for (const code of ['wo', 'bm', 'ln', 'ff', 'snk', 'dyu', 'zgh', 'mey']) expect(spokenLanguages).toContain(code);
		expect(spokenLanguageName('mey', 'ar')).toBe('الحسانية');
		expect(spokenLanguageName('wo', 'fr')).toBe('wolof');
	});
});
