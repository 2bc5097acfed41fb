import { describe, expect, it } from 'vitest';
import { languageNameIn, partDirection, partLanguage, pickText, textDirection, textIn } from './content-language.ts';

describe('content in several languages', () => {
	it('shows the page language when there is one, else a stand-in with its own language and direction', () => {
		const title = { fr: 'Programme de réintégration', en: 'Reintegration programme' };
		expect(pickText(title, 'en')).toEqual({ text: 'Reintegration programme', lang: 'en', dir: 'ltr', fallback: false });
		// an Arabic page shows the French title marked as French, written left to right
		expect(pickText(title, 'ar')).toEqual({ text: 'Programme de réintégration', lang: 'fr', dir: 'ltr', fallback: true });
		expect(pickText({ ar: 'دليل العودة' }, 'fr')).toEqual({ text: 'دليل العودة', lang: 'ar', dir: 'rtl', fallback: true });
		// a language the platform does not speak is kept as it is
		expect(pickText({ es: 'Programa de retorno' }, 'fr')).toMatchObject({ text: 'Programa de retorno', lang: 'es', fallback: true });
		expect(pickText({}, 'fr')).toMatchObject({ text: '', fallback: false });
		expect(pickText({ fr: '', en: 'Only English' }, 'fr')).toMatchObject({ lang: 'en', fallback: true });
	});

	it('knows the direction of right-to-left languages and marks a name written in another language', () => {
		expect(textDirection('ar')).toBe('rtl');
		expect(textDirection('ary-MA')).toBe('rtl');
		expect(textDirection('fr')).toBe('ltr');
		expect(textIn('Oriental', 'fr', 'ar')).toMatchObject({ lang: 'fr', dir: 'ltr', fallback: true });
		expect(textIn('Oriental', 'fr', 'fr').fallback).toBe(false);
	});

	it('gives a part in another language its lang and its dir together, and nothing when it is the page language', () => {
		// a French title on an Arabic page runs left to right; a Spanish one too; an Arabic name on a French page right to left
		expect(partLanguage('fr', 'ar')).toEqual({ lang: 'fr', dir: 'ltr' });
		expect(partLanguage('es')).toEqual({ lang: 'es', dir: 'ltr' });
		expect(partLanguage('ar', 'fr')).toEqual({ lang: 'ar', dir: 'rtl' });
		expect(partLanguage('fr-MA', 'fr')).toEqual({});
		expect(partLanguage(undefined, 'fr')).toEqual({});
		expect(partDirection('ary')).toBe('rtl');
		expect(partDirection(null)).toBeUndefined();
	});

	it('names languages in the page language', () => {
		expect(languageNameIn('fr', 'fr')).toBe('français');
		expect(languageNameIn('fr', 'ar')).toBe('الفرنسية');
		expect(languageNameIn('es', 'en')).toBe('Spanish');
		expect(languageNameIn('wo', 'fr')).toBe('wolof');
	});
});
