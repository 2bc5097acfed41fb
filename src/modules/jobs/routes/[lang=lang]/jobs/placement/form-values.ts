import type { FormValues } from '#platform/ui/pickers/rows.ts';

/** One value of a field (the first when it was sent several times). */
export const valueOf = (values: FormValues, name: string): string => {
	const value = values[name];
	return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** Every value of a field sent several times (the boxes ticked in a picker). */
export const listOf = (values: FormValues, name: string): string[] => {
	const value = values[name];
	return value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
};

/** What a page shows in its form: the values sent back with a failure (lists included), else the record's. */
export function shownValues(form: unknown, initial: FormValues): FormValues {
	const sent = form && typeof form === 'object' && 'values' in form ? (form as { values: FormValues; lists?: Record<string, string[]> }) : null;
	return sent ? { ...sent.values, ...(sent.lists ?? {}) } : initial;
}

/** The errors of a failure, or none. */
export function errorsOf(form: unknown): Record<string, string> {
	return form && typeof form === 'object' && 'errors' in form ? ((form as { errors: Record<string, string> }).errors ?? {}) : {};
}
