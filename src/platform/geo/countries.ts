import type { Language } from '../i18n/languages.ts';

/**
 * The countries and territories people and organisations are from: current ISO 3166-1 alpha-2 codes
 * only, so no country appears twice under a withdrawn code (DY for Benin, HV for Burkina Faso…).
 * EH is left out on purpose: on this Moroccan public platform, places in the southern provinces
 * are in Morocco (MA).
 */
export const countryCodes: readonly string[] = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
	'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
	'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
	'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
	'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Codes that were withdrawn from ISO 3166-1 or are exceptionally reserved, and the current code of the same country. */
const replacedCodes: Record<string, string> = { DY: 'BJ', HV: 'BF', UK: 'GB', VD: 'VN', RH: 'ZW', NH: 'VU', ZR: 'CD', BU: 'MM', TP: 'TL', YD: 'YE', EH: 'MA' };

/** The current code for a code given by a person or a file (withdrawn codes mapped), or null when it names no country. */
export function currentCountryCode(code: string): string | null {
	const upper = code.trim().toUpperCase();
	const current = replacedCodes[upper] ?? upper;
	return countryCodes.includes(current) ? current : null;
}

const namers = new Map<string, Intl.DisplayNames>();

/** A country's name in a language ("Sénégal", "السنغال", "Senegal"). */
export function countryName(code: string, language: Language | string): string {
	let names = namers.get(language);
	if (!names) namers.set(language, (names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })));
	return names.of(code) ?? code;
}

/** Every country for a select or a picker, named and sorted in the page's language. */
export function countryOptions(language: Language): { value: string; label: string }[] {
	let sorted = sortedCountries.get(language);
	if (!sorted) {
		const collator = new Intl.Collator(language);
		sorted = countryCodes.map((code) => ({ value: code, label: countryName(code, language) })).sort((a, b) => collator.compare(a.label, b.label));
		sortedCountries.set(language, sorted);
	}
	// copies: a caller may change its own options
	return sorted.map((option) => ({ ...option }));
}

/** The countries sorted by name, once per language (some 250 names: a sort each page would cost milliseconds). */
const sortedCountries = new Map<Language, readonly { value: string; label: string }[]>();
