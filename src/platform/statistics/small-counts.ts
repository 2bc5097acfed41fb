// Public statistics never show a count that could point at a few people: a count from 1 to 4 is
// suppressed (published as null, written "<5"). Zero is shown (it identifies nobody). When a breakdown's
// total is published, one suppressed cell could be found again by subtraction, so the next smallest
// cell of the same column is suppressed too (secondary suppression).

/** Counts under this are suppressed in public outputs. */
export const SMALL_COUNT = 5;

/** A count as published: null when it is 1–4. */
export const suppressed = (n: number): number | null => (n > 0 && n < SMALL_COUNT ? null : n);

/**
 * The rows of one breakdown with the given count columns suppressed: primary (1–4) and, for each column
 * where exactly one cell was suppressed, the next smallest non-zero cell too (so the published total does
 * not give the hidden one back). Rows keep their order and other fields.
 */
export function suppressBreakdown<Row extends object, Key extends keyof Row & string>(rows: readonly Row[], columns: readonly Key[]): (Omit<Row, Key> & Record<Key, number | null>)[] {
	const out = rows.map((row) => ({ ...row }) as Record<string, unknown>);
	for (const column of columns) {
		const hidden = out.filter((row) => suppressed(row[column] as number) === null);
		for (const row of hidden) row[column] = null;
		if (hidden.length === 1) {
			const next = out
				.filter((row) => typeof row[column] === 'number' && (row[column] as number) > 0)
				.sort((a, b) => (a[column] as number) - (b[column] as number))[0];
			if (next) next[column] = null;
		}
	}
	return out as unknown as (Omit<Row, Key> & Record<Key, number | null>)[];
}

/** A published count as text: "<5" when suppressed. */
export const countText = (value: number | null, format: (n: number) => string = String) => (value === null ? `<${SMALL_COUNT}` : format(value));
