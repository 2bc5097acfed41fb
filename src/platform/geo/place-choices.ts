import { provinces, regions, type Province } from './morocco.ts';
import type { Language } from '../i18n/languages.ts';

type Named = { nameFr: string; nameAr: string; nameEn: string };

/** A place's name in the language. */
export const placeNameIn = (place: Named, language: Language) => (language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr);
/** Its names in the three languages, for a picker's filter. */
const allNames = (place: Named) => `${place.nameFr} ${place.nameAr} ${place.nameEn}`;

/** The regions as a picker's choices, in their official order. */
export function regionChoices(language: Language) {
	return regions.map((region) => ({ value: region.iso, label: placeNameIn(region, language), keywords: allNames(region) }));
}

/** Each region's provinces sorted by name in the language: sorted once per language, shared by every request. */
const provincesByRegion = new Map<Language, Map<string, readonly Province[]>>();

/** A region's provinces and prefectures, by name in the language. */
export function provincesOfRegion(regionIso: string, language: Language): readonly Province[] {
	let sorted = provincesByRegion.get(language);
	if (!sorted) {
		const collator = new Intl.Collator(language);
		sorted = new Map(
			regions.map((region) => [
				region.iso,
				Object.freeze(provinces.filter((province) => province.regionIso === region.iso).sort((a, b) => collator.compare(placeNameIn(a, language), placeNameIn(b, language))))
			])
		);
		provincesByRegion.set(language, sorted);
	}
	return sorted.get(regionIso) ?? [];
}

/**
 * The provinces and prefectures as a picker's groups, one per region (sorted by name in the language);
 * with `wholeRegion`, each group starts with the region itself under that label ("The whole Oriental region").
 */
export function provinceChoiceGroups(language: Language, wholeRegion?: (regionName: string) => string) {
	return regions.map((region) => ({
		label: placeNameIn(region, language),
		choices: [
			...(wholeRegion ? [{ value: region.iso, label: wholeRegion(placeNameIn(region, language)), keywords: allNames(region) }] : []),
			...provincesOfRegion(region.iso, language).map((province) => ({ value: province.iso, label: placeNameIn(province, language), keywords: allNames(province) }))
		]
	}));
}
