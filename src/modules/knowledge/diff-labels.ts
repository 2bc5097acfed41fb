// A document's changes as people read them (an editor's review of a proposal, a document's history):
// field labels and values in the page's language.
import { describeChange, type Change, type DescribedChange } from '../../platform/moderation/diff.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { createTranslator, translate } from '../../platform/i18n/translator.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { countryName } from '../../platform/geo/countries.ts';
import type { DiffField } from './document.service.ts';
import { isolate } from '../../platform/i18n/content-language.ts';
import { parseLink } from '../../platform/kernel/links.ts';
import { ACTION_KIND, INITIATIVE_KIND } from './document-links.ts';

/**
 * What the values need to be named: a file by its key (the compared value is its hash), an organisation by
 * its slug, a link by the record it names (its kind and title; undefined when the record is gone).
 */
export interface ValueNames {
	file?: (key: string) => string | undefined;
	organisation?: (slug: string) => string | undefined;
	link?: (value: string) => { kind: string; label: string; lang: string; isSample: boolean } | undefined;
}

/** "Atlas initiative: title" — the title isolated from the page's direction (it may be in another language). */
function linkLine(language: Language, value: string, names: ValueNames): string {
	const record = names.link?.(value);
	const kind = parseLink(value)?.kind ?? '';
	const kindLabel = kind === INITIATIVE_KIND || kind === ACTION_KIND ? translate(language, `knowledge.links_kind_${kind.replace('.', '_')}`) : kind;
	const title = record ? (record.isSample ? `${record.label} (${translate(language, 'knowledge.sample_badge')})` : record.label) : translate(language, 'knowledge.links_gone', { value });
	return translate(language, 'knowledge.diff_link_value', { kind: kindLabel, title: isolate(title) });
}

function valueLines(language: Language, field: DiffField, value: unknown, names: ValueNames): string[] {
	if (value === null || value === undefined || value === '') return [];
	const items = Array.isArray(value) ? value : [value];
	return items.map((item) => {
		if (field === 'type') return translate(language, `knowledge.type_${item}`);
		if (field === 'status') return translate(language, `knowledge.status_${item}`);
		if (field === 'themes') return translate(language, `knowledge.theme_${item}`);
		if (field === 'languages') return translate(language, `knowledge.language_${item}`);
		if (field === 'regions') return regions.find((region) => region.iso === item)?.[language === 'ar' ? 'nameAr' : language === 'en' ? 'nameEn' : 'nameFr'] ?? String(item);
		if (field === 'countries') return countryName(String(item), language);
		if (field === 'organisations') return names.organisation?.(String(item)) ?? String(item);
		if (field === 'file') return names.file?.(String(item)) ?? String(item);
		if (field === 'links') return linkLine(language, String(item), names);
		if (field === 'publishedOn' && /^\d{4}-\d{2}-\d{2}$/.test(String(item))) return createTranslator(language).date(`${item}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
		if (field === 'recommendations' && item && typeof item === 'object') {
			const entry = item as { text: string; horizon: string };
			return `${translate(language, `knowledge.horizon_${entry.horizon}`)} : ${entry.text}`;
		}
		if (field === 'sources' && item && typeof item === 'object') {
			const source = item as { citation: string; url?: string };
			return source.url ? `${source.citation} — ${source.url}` : source.citation;
		}
		return typeof item === 'object' ? JSON.stringify(item) : String(item);
	});
}

export function describeDocumentChange(language: Language, change: Change<DiffField>, names: ValueNames = {}): DescribedChange {
	return describeChange(change, {
		label: (field) => translate(language, `knowledge.diff_${field}`),
		value: (field, value) => valueLines(language, field, value, names)
	});
}
