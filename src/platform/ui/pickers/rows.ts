/**
 * The rows of a RowsField as a form sends them (`organisations.0.role`, `organisations.3.role`…) and back.
 * Row numbers need not follow each other (a row removed in the page leaves a gap); blank rows are dropped.
 */
export type FormValues = Record<string, string | string[]>;

const rowKey = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.([A-Za-z]\\w*)$`);

/** The filled rows of a field, in their order on the page. */
export function rowsOf(values: FormValues, name: string, keys: readonly string[], { keepBlank = false } = {}): Record<string, string>[] {
	const pattern = rowKey(name);
	const byPosition = new Map<number, Record<string, string>>();
	for (const [key, value] of Object.entries(values)) {
		const match = pattern.exec(key);
		if (!match || !keys.includes(match[2])) continue;
		const position = Number(match[1]);
		const row = byPosition.get(position) ?? Object.fromEntries(keys.map((k) => [k, '']));
		row[match[2]] = (Array.isArray(value) ? (value[0] ?? '') : value).trim();
		byPosition.set(position, row);
	}
	return [...byPosition.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, row]) => row)
		.filter((row) => keepBlank || keys.some((key) => row[key] !== ''));
}

/** Rows as form values, numbered from 0 (to fill a form). */
export function rowValues(name: string, rows: readonly Record<string, string>[]): FormValues {
	return Object.fromEntries(rows.flatMap((row, position) => Object.entries(row).map(([key, value]) => [`${name}.${position}.${key}`, value])));
}

/** The values with the field's rows (blank ones too) renumbered and one blank row more (the no-JavaScript "add a row"). */
export function withBlankRow(values: FormValues, name: string, keys: readonly string[]): FormValues {
	const pattern = rowKey(name);
	const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !pattern.test(key) && key !== 'addRow'));
	const rows = rowsOf(values, name, keys, { keepBlank: true });
	return { ...kept, ...rowValues(name, [...rows, Object.fromEntries(keys.map((key) => [key, '']))]) };
}
