// Per-field provenance of re-imports (issue #17 rule 14). The Atlas as the last import of an initiative
// left it (the version it wrote or found unchanged) is the reference: a field that someone changed on the
// platform since then keeps its value when the file gives the same as last time, takes the file's when
// nobody touched it, and — when both changed — is a conflict that a moderator decides.
import type { InitiativeData, InitiativeInput } from '../atlas.schemas.ts';
import { impliedPlaces } from '../places.ts';

/** Translatable texts: one field per language (`title.fr`). */
const textFields = ['title', 'summary', 'description', 'results', 'lessons'] as const;

/** Fields that change together: one decision for the group. */
const groups: Record<string, (keyof InitiativeData)[]> = {
	dates: ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'startYear', 'endYear'],
	countries: ['countries', 'foreignPlaces', 'moroccoShare', 'countryShares']
};

/** The other fields, each on its own; the slug and the IATI identifier are the record's identity, not data. */
const singleFields: (keyof InitiativeData)[] = [
	'status',
	'nationalScope',
	'regions',
	'provinces',
	'communes',
	'otherPlaces',
	'recipientRegions',
	'points',
	'themes',
	'targetGroups',
	'budget',
	'organisations',
	'yearlyAmounts',
	'partOf',
	'evaluation',
	'deliverables',
	'sources',
	'contact',
	'website',
	'lastVerifiedOn',
	'isSample'
];

type Data = InitiativeData;

/** Every field key the data sets have between them (texts per language). */
export function fieldKeys(...inputs: Data[]): string[] {
	const keys: string[] = [];
	for (const field of textFields) {
		const languages = new Set(inputs.flatMap((input) => Object.keys(input[field] ?? {})));
		for (const language of [...languages].sort()) keys.push(`${field}.${language}`);
	}
	return [...keys, ...Object.keys(groups), ...singleFields];
}

function sortedStrings(values: readonly string[] | undefined): string[] {
	return [...(values ?? [])].sort();
}

/** One field's value in a comparable form (sets sorted, absent as null, amounts in the budget's currency). */
function normalisedField(data: Data, field: keyof Data): unknown {
	const value = data[field];
	switch (field) {
		case 'regions':
		case 'provinces':
			// a commune implies its province, a province its region (as the Atlas stores them): listing them too says nothing more
			return impliedPlaces(data)[field];
		case 'communes':
		case 'countries':
		case 'themes':
		case 'targetGroups':
			return sortedStrings(value as string[]);
		case 'organisations': {
			const budgetCurrency = data.budget?.currency ?? 'EUR';
			return data.organisations
				.map((entry) => ({
					organisation: entry.organisation,
					role: entry.role,
					amount: entry.amount ?? null,
					currency: entry.amount != null ? (entry.currency ?? budgetCurrency) : null,
					secondFigure: entry.amount != null ? (entry.secondFigure ?? null) : null
				}))
				.sort((x, y) => `${x.role}/${x.organisation}`.localeCompare(`${y.role}/${y.organisation}`));
		}
		case 'yearlyAmounts':
			// the order they were given in says nothing more
			return (data.yearlyAmounts ?? [])
				.map((entry) => ({ organisation: entry.organisation ?? null, year: entry.year, amount: entry.amount, currency: entry.currency }))
				.sort((x, y) => x.year - y.year || (x.organisation ?? '').localeCompare(y.organisation ?? '') || x.currency.localeCompare(y.currency));
		default:
			return value ?? null;
	}
}

/** The value of one field key: a text, a group's fields as an object, or a field's value. */
export function fieldValue(data: Data, key: string): unknown {
	const dot = key.indexOf('.');
	if (dot > 0) {
		const field = key.slice(0, dot) as (typeof textFields)[number];
		return (data[field] as Record<string, string | undefined> | undefined)?.[key.slice(dot + 1)] || null;
	}
	const group = groups[key];
	if (group) return Object.fromEntries(group.map((field) => [field, normalisedField(data, field)]));
	return normalisedField(data, key as keyof Data);
}

/** The data with one field key set to a value `fieldValue` gave (of this data or another version). */
export function withFieldValue<T extends InitiativeInput>(data: T, key: string, value: unknown): T {
	const dot = key.indexOf('.');
	if (dot > 0) {
		const field = key.slice(0, dot) as (typeof textFields)[number];
		const texts = { ...((data[field] as Record<string, string | undefined> | undefined) ?? {}) };
		if (typeof value === 'string' && value) texts[key.slice(dot + 1)] = value;
		else delete texts[key.slice(dot + 1)];
		return { ...data, [field]: texts };
	}
	if (groups[key]) return { ...data, ...(value as Record<string, unknown>) };
	return { ...data, [key]: value };
}

/** Equality of two field values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
	return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted and absent/null members left out: equal data, equal text. */
export function stableJson(value: unknown): string {
	if (value === undefined || value === null) return 'null';
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined && item !== null)
			.sort(([x], [y]) => x.localeCompare(y));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export interface FieldConflict {
	field: string;
	/** the value the last import left */
	lastImport: unknown;
	/** the Atlas's value now (changed since) */
	atlas: unknown;
	/** the file's value (changed too) */
	file: unknown;
}

export interface Reconciled {
	/** what the next version holds */
	next: Data;
	/** fields changed on the platform since the last import, the file giving the same as then: kept */
	kept: string[];
	/** fields both sides changed */
	conflicts: FieldConflict[];
}

/**
 * The next version of a known initiative, field by field: `merged` is what the file would make of it
 * (the import's merge), `current` the Atlas now, `lastImport` the Atlas as the last import left it (null:
 * never imported, the file wins as before provenance existed). On a conflict the Atlas's value stays when
 * `onConflict` is 'atlas' (a moderator's import: the conflict is listed for a decision) and the file's goes
 * in when 'file' (a partner's import: a proposal, which a moderator reviews field by field anyway).
 */
export function reconcile(current: Data, merged: Data, lastImport: Data | null, onConflict: 'atlas' | 'file'): Reconciled {
	if (!lastImport) return { next: merged, kept: [], conflicts: [] };
	let next = merged;
	const kept: string[] = [];
	const conflicts: FieldConflict[] = [];
	for (const key of fieldKeys(current, merged, lastImport)) {
		const atlas = fieldValue(current, key);
		const file = fieldValue(merged, key);
		if (sameValue(atlas, file)) continue;
		const then = fieldValue(lastImport, key);
		// nobody changed it since the last import: the file's value
		if (sameValue(atlas, then)) continue;
		if (sameValue(file, then)) {
			next = withFieldValue(next, key, atlas);
			kept.push(key);
			continue;
		}
		conflicts.push({ field: key, lastImport: then, atlas, file });
		if (onConflict === 'atlas') next = withFieldValue(next, key, atlas);
	}
	return { next, kept, conflicts };
}
