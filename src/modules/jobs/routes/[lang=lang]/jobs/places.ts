import { provinces, regions } from '#platform/geo/morocco.ts';
import type { Language } from '#platform/i18n/languages.ts';

/** Regions and provinces for select lists, named in the page's language and sorted by name. */
export function placeOptions(language: Language) {
	const name = (place: { nameFr: string; nameAr: string; nameEn: string }) =>
		language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr;
	const collator = new Intl.Collator(language);
	return {
		regions: regions.map((region) => ({ value: region.iso, label: name(region) })).sort((a, b) => collator.compare(a.label, b.label)),
		provinces: provinces
			.map((province) => ({ value: province.iso, label: name(province), regionIso: province.regionIso }))
			.sort((a, b) => collator.compare(a.label, b.label))
	};
}
