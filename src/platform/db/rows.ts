/** The rows of a raw `db.execute(sql…)`, whichever driver ran it (a result with `rows`, or an array). */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A json column of a raw statement as the driver gives it: parsed (node-postgres) or as text (some drivers). */
export function jsonOf<T>(value: T | string | null): T | null {
	return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
