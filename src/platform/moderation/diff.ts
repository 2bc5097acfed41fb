// Field-by-field comparison of two complete versions of a subject, for the moderators' review and a
// subject's history. The collection lists its fields (in display order) and describes their values.
import { languages, type Language } from '../i18n/languages.ts';

/**
 * One compared field: `translated` fields hold a text per language (one change per language that
 * differs), `set` fields are lists whose order does not matter; any other value is compared whole.
 */
export interface DiffField<Name extends string = string> {
	name: Name;
	kind?: 'translated' | 'set';
}

/** One changed field (a translated field: one language). Values are raw; see `describeChange`. */
export interface Change<Name extends string = string> {
	field: Name;
	language?: Language;
	before: unknown;
	after: unknown;
}

/** A change ready to show: the field's label and both values as lines of text. */
export interface DescribedChange {
	field: string;
	language: Language | null;
	label: string;
	before: string[];
	after: string[];
}

/** Drops empty properties (null, undefined, '') so `{ url: null }` and `{}` compare equal. */
function clean(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(clean);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, entry]) => entry !== null && entry !== undefined && entry !== '')
				.map(([key, entry]) => [key, clean(entry)])
		);
	}
	return value;
}

export function isEmptyValue(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function comparable(field: DiffField, value: unknown): string {
	if (value === undefined || value === null || value === '') return 'null';
	if (field.kind === 'set' && Array.isArray(value)) return JSON.stringify([...value].sort());
	return JSON.stringify(clean(value));
}

/** What differs between two versions, field by field, in the fields' order. */
export function diffVersions<Name extends string>(
	before: Readonly<Record<string, unknown>>,
	after: Readonly<Record<string, unknown>>,
	fields: readonly DiffField<Name>[]
): Change<Name>[] {
	const changes: Change<Name>[] = [];
	for (const field of fields) {
		const x = before[field.name];
		const y = after[field.name];
		if (field.kind === 'translated') {
			for (const language of languages) {
				const a = (x as Partial<Record<Language, string>> | undefined)?.[language];
				const b = (y as Partial<Record<Language, string>> | undefined)?.[language];
				if ((a ?? '') !== (b ?? '')) changes.push({ field: field.name, language, before: a ?? null, after: b ?? null });
			}
			continue;
		}
		if (isEmptyValue(x) && isEmptyValue(y)) continue;
		if (comparable(field, x) !== comparable(field, y)) changes.push({ field: field.name, before: x ?? null, after: y ?? null });
	}
	return changes;
}

/** A change as the review shows it, given the collection's label of a field and its description of a value. */
export function describeChange<Name extends string>(
	change: Change<Name>,
	describe: { label(field: Name): string; value(field: Name, value: unknown): string[] }
): DescribedChange {
	const label = describe.label(change.field);
	return {
		field: change.field,
		language: change.language ?? null,
		label: change.language ? `${label} (${change.language})` : label,
		before: isEmptyValue(change.before) ? [] : describe.value(change.field, change.before),
		after: isEmptyValue(change.after) ? [] : describe.value(change.field, change.after)
	};
}
