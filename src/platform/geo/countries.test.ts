import { describe, expect, it } from 'vitest';
import { countryCodes, countryOptions, currentCountryCode } from './countries.ts';
import { languages } from '../i18n/languages.ts';

describe('the country list', () => {
	it.each([...languages])('names each country once in %s, with no withdrawn code beside its current one', (language) => {
		const labels = countryOptions(language).map((option) => option.label);
		expect(new Set(labels).size).toBe(labels.length);
		for (const withdrawn of ['DY', 'HV', 'UK', 'VD', 'RH', 'NH', 'ZR', 'EH']) expect(countryCodes).not.toContain(withdrawn);
	});

	it('sorts by name in the page language', () => {
		const french = countryOptions('fr').map((option) => option.value);
		expect(french.indexOf('DZ')).toBeLessThan(french.indexOf('DE')); // Algérie before Allemagne
		expect(countryOptions('en').map((option) => option.value).indexOf('DE')).toBeGreaterThan(countryOptions('en').map((option) => option.value).indexOf('DZ')); // Algeria before Germany
	});

	it('maps withdrawn codes to the current ones and refuses what names no country', () => {
		expect(currentCountryCode('dy')).toBe('BJ');
		expect(currentCountryCode('HV')).toBe('BF');
		expect(currentCountryCode('UK')).toBe('GB');
		expect(currentCountryCode('SN')).toBe('SN');
		expect(currentCountryCode('EU')).toBeNull();
		expect(currentCountryCode('XX')).toBeNull();
	});
});
