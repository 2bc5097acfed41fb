// The places a strategy's actions and values name: the first-level divisions of the strategy's country — Morocco's
// 12 regions (platform/geo/morocco.ts), and the regions and districts of Côte d'Ivoire, Mali and Senegal
// (platform/geo/west-africa.ts, ISO 3166-2). A strategy names only its own country's.
import { regions as moroccanRegions } from '../../platform/geo/morocco.ts';
import { westAfricanDivisions } from '../../platform/geo/west-africa.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { STRATEGY_COUNTRIES, type StrategyCountry } from './strategy.model.ts';

export type Place = { iso: string; country: StrategyCountry; nameFr: string; nameAr: string | null; nameEn: string };

const byCountry: Record<StrategyCountry, readonly Place[]> = {
	MA: moroccanRegions.map((region) => ({ iso: region.iso, country: 'MA', nameFr: region.nameFr, nameAr: region.nameAr, nameEn: region.nameEn })),
	CI: westAfricanDivisions.CI,
	ML: westAfricanDivisions.ML,
	SN: westAfricanDivisions.SN
};

/** Every place of every strategy country, Morocco's first. */
export const allPlaces: readonly Place[] = STRATEGY_COUNTRIES.flatMap((country) => byCountry[country]);
/** Every place's ISO 3166-2 code (what a schema accepts before the service checks the strategy's country). */
export const placeCodes = allPlaces.map((place) => place.iso) as [string, ...string[]];
const byCode = new Map(allPlaces.map((place) => [place.iso, place]));

/** The first-level divisions of a country (none for a country the module does not know). */
export const placesOf = (country: string): readonly Place[] => byCountry[country as StrategyCountry] ?? [];
/** A place by its code, of any strategy country. */
export const placeByCode = (code: string): Place | undefined => byCode.get(code);
/** Whether the code names a place of the country. */
export const isPlaceOf = (code: string, country: string) => byCode.get(code)?.country === country;

/** A place's name in the language, and the language it is written in (the French name where no Arabic one is known). */
export function placeName(place: Place, language: Language): { text: string; lang: Language } {
	if (language === 'ar') return place.nameAr ? { text: place.nameAr, lang: 'ar' } : { text: place.nameFr, lang: 'fr' };
	return language === 'en' ? { text: place.nameEn, lang: 'en' } : { text: place.nameFr, lang: 'fr' };
}

/** A code's name in the language (the code itself when unknown). */
export const placeLabel = (code: string, language: Language) => {
	const place = byCode.get(code);
	return place ? placeName(place, language).text : code;
};

/** A country's places as a picker's choices (each with its names in the three languages for the filter). */
export const placeChoices = (country: string, language: Language) =>
	placesOf(country).map((place) => {
		const name = placeName(place, language);
		return { value: place.iso, label: name.text, lang: name.lang, keywords: [place.nameFr, place.nameAr ?? '', place.nameEn].join(' ') };
	});
