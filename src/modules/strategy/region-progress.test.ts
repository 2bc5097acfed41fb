// A region's indicators as its page summarises them: the completeness of the latest year, the most recent
// values first (ties kept in strategy and code order), each row with its latest value and the three before.
import { describe, expect, it } from 'vitest';
import { completeness, mostRecentFirst, rowsOf } from './region-progress.ts';

const item = (code: string, years: number[]) => ({
	strategy: { slug: 'snia', title: 'SNIA' },
	code,
	definitions: { fr: code },
	units: { fr: 'personnes' },
	isSample: false,
	values: years.map((year) => ({ year, value: year - 2000 }))
});

describe('a region’s indicators', () => {
	const items = [item('A', [2024, 2023]), item('B', [2026, 2025, 2024, 2023, 2022, 2021]), item('C', [2025]), item('D', [2026])];

	it('counts the indicators with a value for the latest year', () => {
		expect(completeness(items)).toEqual({ count: 4, year: 2026, reported: 2 });
		expect(completeness([])).toEqual({ count: 0, year: 0, reported: 0 });
	});

	it('puts the most recent values first, keeping the order read for the same year', () => {
		expect(mostRecentFirst(items).map((entry) => entry.code)).toEqual(['B', 'D', 'C', 'A']);
	});

	it('keeps a row’s latest value and the three years before', () => {
		expect(rowsOf(items)[1].values.map((entry) => entry.year)).toEqual([2026, 2025, 2024, 2023]);
	});
});
