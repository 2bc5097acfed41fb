// Issue #17, rule 18: dates as sources give them — a day, or only a month ("2021-04").
import { describe, expect, it } from 'vitest';
import { endAfterMonths, firstDay, formatPartialDate, inOrder, isDayOrMonth, lastDay, parseWrittenDate, storedDay, withPrecision, writtenDate } from './partial-dates.ts';

describe('month-only dates', () => {
	it('reads a day or a month however people write it, in French, Arabic or English', () => {
		expect(parseWrittenDate('2021-04')).toBe('2021-04');
		expect(parseWrittenDate('04/2021')).toBe('2021-04');
		expect(parseWrittenDate('4/2021')).toBe('2021-04');
		expect(parseWrittenDate('avril 2021')).toBe('2021-04');
		expect(parseWrittenDate('Avr. 2021')).toBe('2021-04');
		expect(parseWrittenDate('April 2021')).toBe('2021-04');
		expect(parseWrittenDate('أبريل 2021')).toBe('2021-04');
		expect(parseWrittenDate('شتنبر 2019')).toBe('2019-09');
		expect(parseWrittenDate('15/04/2021')).toBe('2021-04-15');
		expect(parseWrittenDate('2021-04-15')).toBe('2021-04-15');
		expect(parseWrittenDate('2021-04-15T10:00:00Z')).toBe('2021-04-15');
		expect(parseWrittenDate('')).toBeNull();
		// not a date: said so (undefined), never guessed
		for (const wrong of ['13/2021', '31/02/2021', '2021-13', 'printemps 2021', '2021', 'avril']) expect(parseWrittenDate(wrong)).toBeUndefined();
		expect(isDayOrMonth('2021-04')).toBe(true);
		expect(isDayOrMonth('2021-02-30')).toBe(false);
	});

	it('stores a month as its first day for a start and its last for an end, and reads it back as a month', () => {
		expect(storedDay('2021-04')).toBe('2021-04-01');
		expect(storedDay('2024-02', true)).toBe('2024-02-29');
		expect(storedDay('2021-04-15', true)).toBe('2021-04-15');
		expect(withPrecision('2024-02-29', 'month')).toBe('2024-02');
		expect(withPrecision('2024-02-29', 'day')).toBe('2024-02-29');
		expect([firstDay('2021-12'), lastDay('2021-12')]).toEqual(['2021-12-01', '2021-12-31']);
	});

	it('compares a day and a month by what they may mean: an end in the start’s month is in order', () => {
		expect(inOrder('2021-04-15', '2021-04')).toBe(true);
		expect(inOrder('2021-04', '2021-04-01')).toBe(true);
		expect(inOrder('2021-04', '2021-03-31')).toBe(false);
		expect(inOrder('2021-05-01', '2021-04')).toBe(false);
	});

	it('shows a month as a month in the three languages, and writes it back as the form shows it', () => {
		expect(formatPartialDate('fr', '2021-04')).toBe('avril 2021');
		expect(formatPartialDate('ar', '2021-04')).toBe('أبريل 2021');
		expect(formatPartialDate('en', '2021-04')).toBe('April 2021');
		expect(formatPartialDate('fr', '2021-04-15')).toBe('15 avril 2021');
		expect([writtenDate('2021-04'), writtenDate('2021-04-15'), writtenDate(null)]).toEqual(['04/2021', '15/04/2021', '']);
	});

	it('ends a duration in months on a day from a day, on a month from a month', () => {
		expect(endAfterMonths('2021-04-01', 48)).toBe('2025-03-31');
		expect(endAfterMonths('2021-04', 48)).toBe('2025-03');
		expect(endAfterMonths('2021-04', 1)).toBe('2021-04');
	});
});
