// How the import page shows a field conflict (rule 14): the field's name and each side's value as text
// in the reader's language.
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { communeByCode, communeName } from '../../../platform/geo/communes.ts';
import type { FieldConflictView } from './field-conflicts.ts';
import { figureText, yearlyLines, type Figure } from '../amounts-text.ts';
import { formatPartialDate } from '../partial-dates.ts';

const placeName = (language: Language, iso: string) => {
	const place = regions.find((entry) => entry.iso === iso) ?? provinces.find((entry) => entry.iso === iso);
	if (!place) return iso;
	return language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr;
};

/** The field's name: "Titre (ar)" for a text, else its own label. */
export function fieldLabel(language: Language, key: string): string {
	const dot = key.indexOf('.');
	if (dot > 0) return translate(language, 'atlas_conflicts.field_text', { field: translate(language, `atlas_conflicts.field_${key.slice(0, dot)}`), lang: key.slice(dot + 1) });
	return translate(language, `atlas_conflicts.field_${key}`);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** One side's value as a reader sees it. */
export function describeValue(language: Language, key: string, value: unknown): string {
	const empty = translate(language, 'atlas_conflicts.empty');
	if (isEmpty(value)) return empty;
	const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
	switch (key) {
		case 'status':
			return translate(language, `atlas.status_${value}`);
		case 'themes':
			return list((value as string[]).map((theme) => translate(language, `atlas.theme_${theme}`)));
		case 'targetGroups':
			return list((value as string[]).map((group) => translate(language, `atlas.target_${group}`)));
		case 'regions':
		case 'provinces':
			return list((value as string[]).map((iso) => placeName(language, iso)));
		case 'communes':
			return list((value as string[]).map((code) => (communeByCode(code) ? `${communeName(communeByCode(code)!, language)} (${code})` : code)));
		case 'budget': {
			const budget = value as { total: number; currency: string; secondFigure?: Figure | null };
			return figureText(language, { amount: budget.total, currency: budget.currency }, budget.secondFigure);
		}
		case 'organisations':
			return list(
				(value as { organisation: string; role: string; amount: number | null; currency: string | null; secondFigure?: Figure | null }[]).map(
					(entry) =>
						`${entry.organisation} (${translate(language, `atlas.role_${entry.role}`)}${
							entry.amount != null && entry.currency ? `, ${figureText(language, { amount: entry.amount, currency: entry.currency }, entry.secondFigure)}` : ''
						})`
				)
			);
		case 'yearlyAmounts':
			return list(yearlyLines(language, value as { organisation: string | null; year: number; amount: number; currency: string }[]));
		case 'dates': {
			const dates = value as Record<string, string | number | null>;
			// a day or a month alone, as the pages say them; a year as it is
			const shown = (date: string | number | null | undefined) => (typeof date === 'string' ? formatPartialDate(language, date) : date);
			const start = shown(dates.actualStart ?? dates.plannedStart ?? dates.startYear);
			const end = shown(dates.actualEnd ?? dates.plannedEnd ?? dates.endYear);
			return start == null && end == null ? empty : `${start ?? '…'} – ${end ?? '…'}`;
		}
		case 'countries': {
			const countries = value as { countries: string[]; moroccoShare: number | null };
			const names = countries.countries.map((code) => countryName(code, language));
			const shown = names.length ? list(names) : empty;
			return countries.moroccoShare != null ? `${shown} · ${translate(language, 'atlas_conflicts.morocco_share', { share: countries.moroccoShare })}` : shown;
		}
		case 'nationalScope':
		case 'isSample':
			return translate(language, value ? 'common.yes' : 'common.no');
	}
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	// the rarer structured fields (points, sources, deliverables…): their data, shortened
	const text = JSON.stringify(value);
	return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export interface ConflictRow {
	position: number;
	field: string;
	label: string;
	initiative: { slug: string; title: string };
	atlas: string;
	file: string;
	lastImport: string;
	decision: FieldConflictView['decision'];
	/** a text field's language (for `lang` on its values) */
	lang: string | null;
}

export function conflictRows(language: Language, conflicts: FieldConflictView[]): ConflictRow[] {
	return conflicts.map((conflict) => {
		const dot = conflict.field.indexOf('.');
		const title = conflict.initiative.title;
		return {
			position: conflict.position,
			field: conflict.field,
			label: fieldLabel(language, conflict.field),
			initiative: { slug: conflict.initiative.slug, title: title[language] ?? title.fr ?? title.en ?? title.ar ?? Object.values(title).find(Boolean) ?? conflict.initiative.slug },
			atlas: describeValue(language, conflict.field, conflict.atlas),
			file: describeValue(language, conflict.field, conflict.file),
			lastImport: describeValue(language, conflict.field, conflict.lastImport),
			decision: conflict.decision,
			lang: dot > 0 ? conflict.field.slice(dot + 1) : null
		};
	});
}
