import type { Language } from '#platform/i18n/languages.ts';
import { provinces, regions } from '#platform/geo/morocco.ts';

const nameIn = (language: Language, place: { nameFr: string; nameAr: string; nameEn: string }) =>
	language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr;

/** Regions, and provinces labelled with their region, named and sorted in the page's language. */
export function agencyPlaceOptions(language: Language) {
	const collator = new Intl.Collator(language);
	const regionName = new Map(regions.map((region) => [region.iso, nameIn(language, region)]));
	return {
		regions: regions.map((region) => ({ value: region.iso, label: nameIn(language, region) })),
		provinces: provinces
			.map((province) => ({ value: province.iso, label: `${nameIn(language, province)} (${regionName.get(province.regionIso)})` }))
			.sort((a, b) => collator.compare(a.label, b.label)),
		regionName: Object.fromEntries(regionName)
	};
}

/** The agency form's fields, as the service reads them. */
export function agencyInputFrom(data: FormData) {
	const text = (name: string) => String(data.get(name) ?? '');
	return {
		name: text('name'),
		city: text('city'),
		regionCode: text('regionCode'),
		provinceCode: text('provinceCode'),
		address: text('address'),
		phone: text('phone'),
		email: text('email')
	};
}
