import { z } from 'zod';

/** ISO 4217 codes known to the runtime (Intl), for refusing a mistyped currency. */
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Largest rate the column holds: numeric(14, 6). */
const MAX_RATE = 99_999_999;

export const RateCurrency = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{3}$/)
	.refine((code) => knownCurrencies.has(code))
	// one euro is one euro: its rate is not stored
	.refine((code) => code !== 'EUR')
	.meta({ description: 'ISO 4217 currency code (not EUR)', example: 'USD' });

export const RateYear = z.coerce.number().int().min(1950).max(2100).meta({ description: 'The year the rate is the average of', example: 2024 });

export const RateParams = z.object({ currency: RateCurrency, year: RateYear });

const optionalText = (max: number) =>
	z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.string().trim().max(max).nullish());

/** A rate as the API and the moderators' form send it: the whole rate (PUT). */
export const RateBody = z
	.object({
		perEur: z.number().gt(0).max(MAX_RATE).describe('Units of the currency for one euro (annual average)'),
		source: optionalText(500).describe('Where the rate comes from, e.g. “Bank Al-Maghrib, cours de référence, moyenne 2024”'),
		note: optionalText(500).describe('A remark shown with the rate'),
		checked: z.boolean().default(false).describe('The rate has been checked against its source (which is then required)')
	})
	.meta({ id: 'ExchangeRateBody' });
export type RateBody = z.output<typeof RateBody>;

/** The same from the HTML form: decimal comma accepted, checkbox "yes". */
export const RateForm = z.object({
	currency: RateCurrency,
	year: RateYear,
	perEur: z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim().replace(/\s/g, '').replace(',', '.')) : undefined),
		z.number().gt(0).max(MAX_RATE)
	),
	source: optionalText(500),
	note: optionalText(500),
	checked: z.preprocess((value) => value === 'yes', z.boolean())
});

export const ExchangeRate = z
	.object({
		currency: z.string().describe('ISO 4217'),
		year: z.int(),
		perEur: z.number().describe('Units of the currency for one euro'),
		madPerUnit: z.number().nullable().describe('Dirhams for one unit of the currency that year (through the euro); null for MAD itself or without a MAD rate'),
		source: z.string().nullable(),
		note: z.string().nullable(),
		checked: z.boolean().describe('false: approximate, to be checked'),
		checkedAt: z.iso.datetime().nullable(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ExchangeRate' });

export const ExchangeRateList = z
	.object({
		rates: z.array(ExchangeRate).describe('By currency, then year (newest first)'),
		unconverted: z
			.array(z.object({ currency: z.string(), initiatives: z.int() }))
			.describe('Currencies of budgets or contributions with no rate at all: those amounts have no EUR or MAD figure')
	})
	.meta({ id: 'ExchangeRateList' });

export const RateWriteResult = z
	.object({
		rate: ExchangeRate,
		created: z.boolean(),
		recomputed: z.int().describe('Initiatives whose EUR/MAD figures changed with this rate')
	})
	.meta({ id: 'ExchangeRateWriteResult' });
