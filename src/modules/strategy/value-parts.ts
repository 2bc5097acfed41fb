// A value's parts (by sex, age group, nationality) named for a page: "Femmes : 120", "Sénégal : 40".
import { countryName } from '../../platform/geo/countries.ts';
import { createTranslator } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { ValuePart } from './strategy.model.ts';

export type LabelledPart = ValuePart & { label: string };

/** Each part with its category's name in `language` (a nationality by its country's name). */
export function labelledParts(language: Language, parts: readonly ValuePart[], t = createTranslator(language)): LabelledPart[] {
	return parts.map((part) => ({
		...part,
		label: part.dimension === 'sex' ? t.t(`strategy.sex_${part.category}`) : part.dimension === 'age' ? t.t('strategy.age_group', { group: part.category }) : countryName(part.category, language)
	}));
}

/** The parts in one line, as a list in `language` ('' without parts). */
export function partsLine(language: Language, parts: readonly ValuePart[]): string {
	const t = createTranslator(language);
	return t.list(labelledParts(language, parts, t).map((part) => t.t('strategy.part_value', { label: part.label, value: t.number(part.value) })));
}
