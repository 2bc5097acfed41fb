import { describe, expect, it } from 'vitest';
import type { ExchangeRate } from '../../platform/money/exchange-rates.ts';
import { totalInMad, yearAmounts } from './budget-conversion.ts';

const rate = (currency: string, year: number, perEur: number): ExchangeRate => ({ currency, year, perEur, source: 'ECB', checkedAt: new Date('2025-01-10T00:00:00Z') });
const rates = [rate('MAD', 2024, 10.8), rate('MAD', 2025, 10), rate('USD', 2024, 1.08)];

describe('budget totals in MAD', () => {
	it('converts each year’s amounts at that year’s rate and adds the dirhams as they are', () => {
		const total = totalInMad(
			yearAmounts([
				{ key: '2024', currency: 'MAD', planned: 1000, committed: 500, executed: 250 },
				{ key: '2024', currency: 'USD', planned: 108, committed: 54, executed: 0 },
				{ key: '2025', currency: 'EUR', planned: 100, committed: 0, executed: 0 }
			]),
			rates
		)!;
		// 1000 + 108 / 1.08 × 10.8 + 100 × 10
		expect([total.planned, total.committed, total.executed, total.rate]).toEqual([3080, 1040, 250, 8.1]);
		expect(total.rates.map((entry) => `${entry.currency} ${entry.year}`)).toEqual(['MAD 2024', 'MAD 2025', 'USD 2024']);
		expect(total.notConverted).toEqual([]);
	});

	it('leaves a currency without a rate out of the total and names it; nothing to convert when all is in MAD', () => {
		const total = totalInMad([{ currency: 'XOF', year: 2024, planned: 5000, committed: 0, executed: 0 }, { currency: 'MAD', year: 2024, planned: 10, committed: 0, executed: 0 }], rates)!;
		expect([total.planned, total.notConverted]).toEqual([10, ['XOF']]);
		expect(totalInMad([{ currency: 'USD', year: 2024, planned: 1, committed: 0, executed: 0 }], [])).toMatchObject({ planned: 0, notConverted: ['USD'], rate: null });
		expect(totalInMad([{ currency: 'MAD', year: 2024, planned: 10, committed: 0, executed: 0 }], rates)).toBeNull();
		expect(totalInMad([], rates)).toBeNull();
	});
});
