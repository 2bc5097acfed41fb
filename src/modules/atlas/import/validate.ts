// The last check of an imported activity against the Atlas's own rules (InitiativeInput): a field the
// schema refuses is dropped with an error (the activity is imported without it); an invalid title or
// status skips the activity (critical). Organisations and sources are checked when applying.
import { InitiativeInput } from '../atlas.schemas.ts';
import { hasMessage, translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { provinces } from '../../../platform/geo/morocco.ts';
import { placeNameIn } from '../../../platform/geo/place-choices.ts';
import type { ImportProblem } from './import.table.ts';
import type { ImportedActivity, Problems } from './imported.ts';
import { inOrder } from '../partial-dates.ts';

type Draft = ImportedActivity['input'];

const criticalFields = new Set(['title', 'status']);
/** What a dropped field becomes. */
const emptyValue: Record<string, unknown> = {
	summary: {},
	description: {},
	regions: [],
	provinces: [],
	communes: [],
	countries: [],
	points: [],
	themes: [],
	targetGroups: [],
	deliverables: [],
	yearlyAmounts: [],
	sources: [],
	nationalScope: false,
	isSample: false
};

/** The draft, with every field the Atlas would refuse dropped; null when the activity cannot be imported. */
export function sanitise(draft: Draft, problems: Problems): Draft | null {
	let current: Record<string, unknown> = { ...draft };
	for (let round = 0; round < 20; round++) {
		const sources = (current.sources as unknown[] | undefined)?.length ? current.sources : [{ citation: 'file' }];
		const result = InitiativeInput.safeParse({ ...current, sources, organisations: [] });
		const fields = new Set<string>();
		if (result.success) {
			const data = result.data;
			for (const [start, end] of [
				['plannedStart', 'plannedEnd'],
				['actualStart', 'actualEnd']
			] as const) {
				if (data[start] && data[end] && !inOrder(data[start]!, data[end]!)) fields.add(end);
			}
			if (data.startYear && data.endYear && data.endYear < data.startYear) fields.add('endYear');
			if (!fields.size) return current as Draft;
		} else {
			for (const issue of result.error.issues) fields.add(String(issue.path[0] ?? ''));
		}
		for (const field of fields) {
			if (criticalFields.has(field) || field === '') {
				problems.critical('invalid_field', { field: field || 'title' });
				return null;
			}
			problems.error('invalid_field', { field });
			current = { ...current, [field]: emptyValue[field] ?? null };
		}
	}
	return null;
}

/** A problem as a sentence in `language` (a `field` value is named in that language too). */
export function problemMessage(language: Language, problem: ImportProblem): string {
	const values: Record<string, string | number> = { ...(problem.values ?? {}) };
	if (typeof values.field === 'string') {
		// the initiative form's own field names (atlas_moderation.field_*), else this module's
		const key = [`atlas_moderation.field_${values.field}`, `atlas_import.field_${values.field}`].find((candidate) => hasMessage(language, candidate));
		if (key) values.field = translate(language, key);
	}
	if (typeof values.column === 'string' && hasMessage(language, `atlas_export.column_${values.column}`)) {
		values.column = translate(language, `atlas_export.column_${values.column}`);
	}
	if (typeof values.status === 'string' && hasMessage(language, `atlas.status_${values.status}`)) {
		values.status = translate(language, `atlas.status_${values.status}`);
	}
	// a province by its code: named in the page's language
	const province = typeof values.province === 'string' ? provinces.find((place) => place.iso === values.province) : undefined;
	if (province) values.province = placeNameIn(province, language);
	return translate(language, `atlas_import.problem_${problem.code}`, values);
}
