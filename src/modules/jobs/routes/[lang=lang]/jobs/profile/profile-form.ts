import type { Language } from '#platform/i18n/languages.ts';
import { provinces, regions } from '#platform/geo/morocco.ts';


export function placeOptions(language: Language) {
	const name = (place: { nameFr: string; nameAr: string; nameEn: string }) => (language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr);
	const collator = new Intl.Collator(language);
	return {
		regions: regions.map((region) => ({ value: region.iso, label: name(region) })),
		provinces: provinces.map((province) => ({ value: province.iso, label: name(province) })).sort((a, b) => collator.compare(a.label, b.label))
	};
}

/** Service field paths (languages.0.level, occupationCodes.2) → the form's field names. */
export function formFieldErrors(errors: Record<string, string>): Record<string, string> {
	const mapped: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) {
		const language = /^languages\.(\d+)\.(language|level)$/.exec(path);
		const name = language
			? `${language[2]}_${Number(language[1]) + 1}`
			: path.startsWith('languages')
				? 'language_1'
				: path.split('.')[0];
		mapped[name] ??= message;
	}
	return mapped;
}
