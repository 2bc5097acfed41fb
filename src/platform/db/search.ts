import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The one text normalisation for search, on stored search columns and on what people type:
 * lower case, accents removed, Arabic diacritics and tatweel removed, hamza/alef forms → ا,
 * ى → ي, ة → ه, ؤ → و, ئ → ي. It is the IMMUTABLE SQL function `search_normalise` (migration
 * 0003), so indexes and generated columns can use it and queries match them exactly.
 */
export function searchNormalised(value: SQL | AnyPgColumn | string): SQL {
	return sql`search_normalise(${value})`;
}
