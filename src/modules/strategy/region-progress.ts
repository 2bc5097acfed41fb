// The indicators' progress in a region, as the region's page summarises it and its indicators' page lists it
// (pages of 50): each indicator's latest approved value there and the three years before (what the tables
// show; the rest of its years are on the indicator's page).
import type { progressInRegionFrom } from './results.service.ts';

type Progress = ReturnType<typeof progressInRegionFrom>;

/** An indicator's latest value and the three before it: what a row shows. */
export const rowsOf = (items: Progress) => items.map((item) => ({ ...item, values: item.values.slice(0, 4) }));

/**
 * The region's completeness: the latest year with an approved value there, and how many of the indicators
 * with values in the region have one for that year.
 */
export function completeness(items: Progress) {
	const year = items.reduce((latest, item) => Math.max(latest, item.values[0]?.year ?? 0), 0);
	return { count: items.length, year, reported: items.filter((item) => item.values[0]?.year === year).length };
}

/** The indicators with the most recent values first (the same year: by strategy and code, as read). */
export const mostRecentFirst = (items: Progress) => items.map((item, index) => ({ item, index })).sort((a, b) => (b.item.values[0]?.year ?? 0) - (a.item.values[0]?.year ?? 0) || a.index - b.index).map(({ item }) => item);
