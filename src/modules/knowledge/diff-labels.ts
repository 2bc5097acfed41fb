// A proposal's changes as the editors read them: field labels and values in the page's language.
import { describeChange, type Change, type DescribedChange } from '../../platform/moderation/diff.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { regions } from '../../platform/geo/morocco.ts';
import type { DiffField } from './document.service.ts';

function valueLines(language: Language, field: DiffField, value: unknown): string[] {
	if (value === null || value === undefined || value === '') return [];
	const items = Array.isArray(value) ? value : [value];
	return items.map((item) => {
		if (field === 'type') return translate(language, `knowledge.type_${item}`);
		if (field === 'status') return translate(language, `knowledge.status_${item}`);
		if (field === 'themes') return translate(language, `knowledge.theme_${item}`);
		if (field === 'languages') return translate(language, `knowledge.language_${item}`);
		if (field === 'regions') return regions.find((region) => region.iso === item)?.[language === 'ar' ? 'nameAr' : language === 'en' ? 'nameEn' : 'nameFr'] ?? String(item);
		if (field === 'recommendations' && item && typeof item === 'object') {
			const entry = item as { text: string; horizon: string };
			return `${translate(language, `knowledge.horizon_${entry.horizon}`)} : ${entry.text}`;
		}
		if (field === 'sources' && item && typeof item === 'object') return (item as { citation: string }).citation;
		return typeof item === 'object' ? JSON.stringify(item) : String(item);
	});
}

export function describeDocumentChange(language: Language, change: Change<DiffField>, fileName?: string): DescribedChange {
	return describeChange(change, {
		label: (field) => translate(language, `knowledge.diff_${field}`),
		value: (field, value) => (field === 'file' && value ? [fileName ?? String(value)] : valueLines(language, field, value))
	});
}
