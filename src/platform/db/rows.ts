/** The rows of a raw `db.execute(sql…)`, whichever driver ran it (a result with `rows`, or an array). */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
