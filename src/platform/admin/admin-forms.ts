import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { formFailureFrom, formValues, localiseProblems } from '../http/form.ts';
import { fieldProblems } from '../http/validation.ts';
import { isAppError } from '../http/app-error.ts';

/** Service failures that deserve a more helpful message on staff pages than the generic one. */
const reasonMessages: Record<string, string> = {
	last_administrator: 'admin.error_last_administrator',
	slug_taken: 'admin.error_slug_taken',
	unknown_email: 'admin.error_unknown_email',
	already_member: 'admin.error_already_member',
	grant_exists: 'admin.access_exists'
};

/** Like `formFailureFrom`, with the staff pages' own messages for known conflicts. */
export function adminFormFailure(language: Language, error: unknown, data: FormData) {
	if (isAppError(error)) {
		const reason = error.extra?.reason;
		const key = typeof reason === 'string' ? reasonMessages[reason] : undefined;
		if (key) {
			const path = error.fields[0]?.path ?? '';
			const values = Object.fromEntries(
				Object.entries(error.extra ?? {}).filter((entry): entry is [string, string | number] =>
					['string', 'number'].includes(typeof entry[1])
				)
			);
			return fail(error.status, { values: formValues(data), errors: { [path]: translate(language, key, values) } });
		}
	}
	return formFailureFrom(language, error, data);
}

/** A filter form's query: its data, or the localised problems with it (field name → message). */
export function readFilters<S extends z.ZodType>(
	language: Language,
	schema: S,
	url: URL
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
	const raw: Record<string, string> = {};
	for (const [key, value] of url.searchParams) if (!key.startsWith('/')) raw[key] ??= value;
	// reportInput: a value that is present but wrong ("page=x") is "invalid", not "required"
	const result = schema.safeParse(raw, { reportInput: true });
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, errors: localiseProblems(language, fieldProblems(result.error.issues)) };
}

/** The filter values as they were typed, to refill the form. */
export function filterValues(url: URL, names: readonly string[]): Record<string, string> {
	return Object.fromEntries(names.map((name) => [name, url.searchParams.get(name) ?? '']));
}

/** The query string of the given filters (empty ones left out), e.g. `q=ana&role=partner`. */
export function filterQuery(values: Record<string, string | number | undefined | null>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) {
		if (value !== undefined && value !== null && String(value) !== '') params.set(key, String(value));
	}
	return params.toString();
}
