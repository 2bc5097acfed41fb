import { describe, expect, it } from 'vitest';
import { negotiateLanguage, pathInLanguage, direction } from './languages.ts';

describe('negotiateLanguage', () => {
	it('takes the best supported language by quality', () => {
		expect(negotiateLanguage('de-DE,de;q=0.9,ar-MA;q=0.8,en;q=0.7')).toBe('ar');
		expect(negotiateLanguage('en-GB;q=0.5, fr;q=0.9')).toBe('fr');
		expect(negotiateLanguage('en-US,en;q=0.9')).toBe('en');
	});
	it('falls back to French', () => {
		expect(negotiateLanguage(null)).toBe('fr');
		expect(negotiateLanguage('de,es;q=0.5')).toBe('fr');
		expect(negotiateLanguage('ar;q=0')).toBe('fr');
	});
});

describe('pathInLanguage', () => {
	it('keeps the page and its query', () => {
		expect(pathInLanguage('/fr/atlas/initiatives/x', '?q=1', 'ar')).toBe('/ar/atlas/initiatives/x?q=1');
		expect(pathInLanguage('/en', '', 'fr')).toBe('/fr');
	});
	it('sends pages outside a language to the home page', () => {
		expect(pathInLanguage('/api/docs', '', 'ar')).toBe('/ar');
	});
});

describe('direction', () => {
	it('is right-to-left for Arabic only', () => {
		expect(direction('ar')).toBe('rtl');
		expect(direction('fr')).toBe('ltr');
	});
});
