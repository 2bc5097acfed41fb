// Budget totals converted to Moroccan dirhams (issue #13: budget lines in their currency "with the Atlas's
// rates"): beside the totals per currency (which stay as they are), one total in MAD, each year's amounts at
// that year's rate (else the nearest year's), through the platform's exchange rates (kept by the Atlas,
// never imported). A currency without a rate is left out of the total and named "not converted".
import { inMad, type ExchangeRate } from '../../platform/money/exchange-rates.ts';

export type YearAmounts = { currency: string; year: number; planned: number; committed: number; executed: number };

export type TotalInMad = {
	planned: number;
	committed: number;
	executed: number;
	/** executed over planned, in percent */
	rate: number | null;
	/** the rates used (each currency's and the dirham's), by currency then year */
	rates: ExchangeRate[];
	/** currencies with no rate: their amounts are not in the total */
	notConverted: string[];
};

const cents = (value: number) => Math.round(value * 100) / 100;

/** The amounts' total in MAD; null when there is nothing to convert (no amounts, or all in dirhams already). */
export function totalInMad(rows: readonly YearAmounts[], rates: readonly ExchangeRate[]): TotalInMad | null {
	if (!rows.some((row) => row.currency.toUpperCase() !== 'MAD')) return null;
	const sums = { planned: 0, committed: 0, executed: 0 };
	const used = new Map<string, ExchangeRate>();
	const notConverted = new Set<string>();
	for (const row of rows) {
		const amounts = (['planned', 'committed', 'executed'] as const).map((field) => inMad(rates, Number(row[field]), row.currency, row.year));
		if (amounts.some((amount) => amount === null)) {
			notConverted.add(row.currency.toUpperCase());
			continue;
		}
		amounts.forEach((amount, index) => (sums[(['planned', 'committed', 'executed'] as const)[index]!] += amount!.amount));
		for (const rate of amounts[0]!.used) used.set(`${rate.currency}|${rate.year}`, rate);
	}
	const [planned, committed, executed] = [cents(sums.planned), cents(sums.committed), cents(sums.executed)];
	return {
		planned,
		committed,
		executed,
		rate: planned > 0 ? Math.round((executed / planned) * 1000) / 10 : null,
		rates: [...used.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.year - b.year),
		notConverted: [...notConverted].sort()
	};
}

/** Execution rows keyed by year (`{ key: '2025', currency, … }`) as amounts of their year. */
export const yearAmounts = (rows: readonly { key: string; currency: string; planned: number; committed: number; executed: number }[]): YearAmounts[] =>
	rows.map((row) => ({ currency: row.currency, year: Number(row.key), planned: row.planned, committed: row.committed, executed: row.executed }));
