import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { fieldProblems } from './validation.ts';
import { isAppError, type FieldProblem } from './app-error.ts';

/** What a form action returns on failure: the values to refill and a localised message per field. */
export interface FormFailure {
	values: Record<string, string>;
	/** every value of the fields sent several times (the boxes ticked in a ChoicePicker) */
	lists: Record<string, string[]>;
	/** field name → message; '' is the form-level message */
	errors: Record<string, string>;
}

/** FormData as plain strings (files and secrets are not echoed back). */
export function formValues(data: FormData, secretFields: readonly string[] = ['password', 'passwordConfirmation', 'currentPassword', 'newPassword']) {
	const values: Record<string, string> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value === 'string' && !secretFields.includes(key)) values[key] = value;
	}
	return values;
}

/** The fields sent more than once, with all their values (`values` keeps one). */
export function formLists(data: FormData): Record<string, string[]> {
	const lists: Record<string, string[]> = {};
	for (const [key, value] of data.entries()) if (typeof value === 'string') (lists[key] ??= []).push(value);
	return Object.fromEntries(Object.entries(lists).filter(([, all]) => all.length > 1));
}

export function localiseProblems(language: Language, problems: readonly FieldProblem[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const problem of problems) {
		errors[problem.path] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	}
	return errors;
}

/**
 * Validates a submitted form; on failure returns SvelteKit's `fail(400, …)` with the values
 * and localised errors so the page shows an error summary and changes nothing.
 */
export function parseForm<S extends z.ZodType>(
	language: Language,
	schema: S,
	data: FormData
): { ok: true; data: z.output<S> } | { ok: false; failure: ReturnType<typeof fail<FormFailure>> } {
	const raw = Object.fromEntries([...new Set(data.keys())].map((key) => {
		const all = data.getAll(key).filter((value): value is string => typeof value === 'string');
		return [key, all.length > 1 ? all : all[0]];
	}));
	const result = schema.safeParse(raw, { reportInput: true });
	if (result.success) return { ok: true, data: result.data };
	return {
		ok: false,
		failure: fail(400, { values: formValues(data), lists: formLists(data), errors: localiseProblems(language, fieldProblems(result.error.issues)) })
	};
}

/** Turns an expected failure from a service into a form failure (status and message). */
export function formFailureFrom(language: Language, error: unknown, data: FormData) {
	if (!isAppError(error)) throw error;
	const errors = error.fields.length
		? localiseProblems(language, error.fields)
		: { '': translate(language, `errors.${error.code}`, error.values) };
	return fail(error.status, { values: formValues(data), lists: formLists(data), errors });
}

/** A form value a field may send once, several times or not at all: always a list. */
export const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Free text with one item per line or separated by commas or semicolons (Latin or Arabic): the items. */
export const splitItems = (value: unknown): string[] =>
	String(value ?? '')
		.split(/[\n,;،]/)
		.map((item) => item.trim())
		.filter(Boolean);

/** A form's numbered language rows (`language_1`, `level_1` … up to `rows`): the languages chosen, each with its level or null. */
export function languageRowsOf(data: Record<string, unknown>, rows: number): { language: unknown; level: unknown }[] {
	return Array.from({ length: rows }, (_, row) => row + 1)
		.map((index) => ({ language: data[`language_${index}`], level: data[`level_${index}`] }))
		.filter((entry) => typeof entry.language === 'string' && entry.language !== '')
		.map((entry) => ({ language: entry.language, level: entry.level === '' || entry.level === undefined ? null : entry.level }));
}

/**
 * A form action's work and its answer: what `done` makes of the result (the notice to show); a record
 * out of the actor's reach is a 404; a known conflict (`extra.reason`) is a 409 with its message in plain
 * words; any other expected failure the fields' messages with what was typed (`adjust` may reword them).
 */
export async function formAction<T>(
	language: Language,
	data: FormData,
	work: () => Promise<T>,
	options: { done: (result: T) => Record<string, unknown>; conflicts?: Record<string, string>; adjust?: (errors: Record<string, string>) => void }
) {
	let result: T;
	try {
		result = await work();
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
		const conflict = options.conflicts?.[reason];
		if (conflict) return fail(409, { values: formValues(data), lists: formLists(data), errors: { '': translate(language, conflict) } });
		const refused = formFailureFrom(language, failure, data);
		options.adjust?.(refused.data.errors as Record<string, string>);
		return refused;
	}
	return options.done(result);
}
