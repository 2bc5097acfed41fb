import { describe, expect, it } from 'vitest';
import { inMad, nearestRate, rateFor, rateTableOf, toEur, type ExchangeRate } from './exchange-rates.ts';

const rate = (currency: string, year: number, perEur: number, source: string | null = null): ExchangeRate => ({ currency, year, perEur, source, checkedAt: null });
const rates = [rate('MAD', 2023, 10.9), rate('MAD', 2025, 10.5, 'Bank Al-Maghrib'), rate('USD', 2024, 1.08, 'ECB')];

describe('exchange rates', () => {
	it('takes the year’s rate, else the nearest year’s (the earlier on a tie); the euro is one; an unknown currency has none', () => {
		expect(nearestRate(rates, 'mad', 2025)?.perEur).toBe(10.5);
		expect(nearestRate(rates, 'MAD', 2024)?.year).toBe(2023);
		expect(nearestRate(rates, 'MAD', 2030)?.year).toBe(2025);
		expect(nearestRate(rates, 'EUR', 2024)?.perEur).toBe(1);
		expect(nearestRate(rates, 'XOF', 2024)).toBeNull();
		// the Atlas's table lookups, now the platform's
		const table = rateTableOf(rates);
		expect([rateFor(table, 'USD', 2020), rateFor(table, 'EUR', 2020), rateFor(table, 'GBP', 2020)]).toEqual([1.08, 1, null]);
		expect(toEur(table, 108, 'USD', 2024)).toBe(100);
	});

	it('converts to dirhams through the euro, naming the rates used; the dirham as it is; null without a rate', () => {
		expect(inMad(rates, 500, 'MAD', 2024)).toEqual({ amount: 500, used: [] });
		const dollars = inMad(rates, 108, 'USD', 2025)!;
		expect(dollars.amount).toBeCloseTo(1050, 6);
		expect(dollars.used.map((entry) => `${entry.currency} ${entry.year}`)).toEqual(['USD 2024', 'MAD 2025']);
		expect(inMad(rates, 100, 'EUR', 2023)).toMatchObject({ amount: 1090, used: [{ currency: 'MAD', year: 2023 }] });
		expect(inMad(rates, 100, 'XOF', 2024)).toBeNull();
		expect(inMad([rate('USD', 2024, 1.08)], 100, 'USD', 2024)).toBeNull();
	});
});
