// The platform's exchange rates: yearly rates (units of a currency for one euro) kept by one module — the
// Atlas, edited by its moderators on /atlas/rates — and read by any other through the module manifests'
// `exchangeRates` (ADR 0003: a module never imports another). When no installed module keeps rates there
// are none, and every amount stays "not converted". The lookups below are the ones the Atlas converts with.
import type { DbOrTx } from '../db/database.ts';
import { fromModules } from '../kernel/modules.ts';

/** One yearly rate: `perEur` units of `currency` for one euro, with where it comes from and when it was checked. */
export interface ExchangeRate {
	currency: string;
	year: number;
	perEur: number;
	/** where the rate comes from (e.g. Bank Al-Maghrib, ECB reference rates) */
	source: string | null;
	/** when it was checked against its source; null: approximate, to be checked */
	checkedAt: Date | null;
}

/** Units of each currency for one euro, by year. */
export type RateTable = Map<string, Map<number, number>>;

/** The rates as a table by currency and year; the euro is one euro. */
export function rateTableOf(rows: readonly Pick<ExchangeRate, 'currency' | 'year' | 'perEur'>[]): RateTable {
	const table: RateTable = new Map();
	for (const row of rows) {
		if (!table.has(row.currency)) table.set(row.currency, new Map());
		table.get(row.currency)!.set(row.year, Number(row.perEur));
	}
	table.set('EUR', new Map([[0, 1]]));
	return table;
}

/** The rate of the year, else of the nearest year known; null for an unknown currency. */
export function rateFor(rates: RateTable, currency: string, year: number): number | null {
	const byYear = rates.get(currency.toUpperCase());
	if (!byYear || byYear.size === 0) return null;
	if (currency.toUpperCase() === 'EUR') return 1;
	if (byYear.has(year)) return byYear.get(year)!;
	let best: number | null = null;
	let bestDistance = Infinity;
	for (const [known, rate] of byYear) {
		const distance = Math.abs(known - year);
		if (distance < bestDistance) {
			best = rate;
			bestDistance = distance;
		}
	}
	return best;
}

export function toEur(rates: RateTable, amount: number, currency: string, year: number): number | null {
	const rate = rateFor(rates, currency, year);
	return rate ? Math.round((amount / rate) * 100) / 100 : null;
}

/** The rate row of the year, else of the nearest year known (the earlier one on a tie); null for an unknown currency. */
export function nearestRate(rates: readonly ExchangeRate[], currency: string, year: number): ExchangeRate | null {
	const wanted = currency.toUpperCase();
	if (wanted === 'EUR') return { currency: 'EUR', year, perEur: 1, source: null, checkedAt: null };
	let best: ExchangeRate | null = null;
	for (const rate of rates) {
		if (rate.currency !== wanted || !(rate.perEur > 0)) continue;
		const distance = Math.abs(rate.year - year);
		const bestDistance = best ? Math.abs(best.year - year) : Infinity;
		if (distance < bestDistance || (distance === bestDistance && best && rate.year < best.year)) best = rate;
	}
	return best;
}

/**
 * An amount of a year in Moroccan dirhams: through the euro, with the currency's rate and the dirham's
 * (each of the year, else of the nearest year known), and the rates it used; the dirham as it is; null
 * when a rate is missing.
 */
export function inMad(rates: readonly ExchangeRate[], amount: number, currency: string, year: number): { amount: number; used: ExchangeRate[] } | null {
	const code = currency.toUpperCase();
	if (code === 'MAD') return { amount, used: [] };
	const own = nearestRate(rates, code, year);
	const mad = nearestRate(rates, 'MAD', year);
	if (!own || !mad) return null;
	return { amount: (amount / own.perEur) * mad.perEur, used: code === 'EUR' ? [mad] : [own, mad] };
}

const provider = fromModules((manifests) => {
	const keepers = manifests.filter((manifest) => manifest.exchangeRates);
	if (keepers.length > 1) throw new Error(`Exchange rates are kept by both ${keepers[0]!.slug} and ${keepers[1]!.slug}`);
	return keepers[0]?.exchangeRates ?? null;
});

/** Every yearly rate the platform knows (from the module that keeps them); none when no such module is installed. */
export async function exchangeRates(db: DbOrTx): Promise<readonly ExchangeRate[]> {
	const read = provider();
	return read ? read(db) : [];
}
