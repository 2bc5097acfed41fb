import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const PlacementStatisticsQuery = z.object({
	samples: z.preprocess(blankToUndefined, z.enum(['include']).optional()).describe('`include`: count the fictional sample campaigns, candidates and offers too (left out by default)')
});

const count = z.number().int().nullable();
const Figures = z.object({
	offers: count.describe('offers abroad out of the drafts; null where offers do not apply (agency, region)'),
	positions: count.describe('their positions; null where offers do not apply'),
	candidates: count.describe('people registered in a campaign; null when 1–4 (suppressed)'),
	departures: count.describe('people moved to "departed"; null when 1–4 (suppressed)'),
	returns: count.describe('people moved to "returned"; null when 1–4 (suppressed)')
});
const Breakdown = z.array(Figures.extend({ key: z.string(), label: z.string() }));
export const PlacementStatistics = z.object({
	smallCount: z.number().int().describe('counts of people under it (and above 0) are published as null'),
	samples: z.boolean(),
	total: Figures,
	breakdowns: z
		.object({ country: Breakdown, sector: Breakdown, channel: Breakdown, agency: Breakdown, region: Breakdown, sex: Breakdown, year: Breakdown })
		.describe(
			'each breakdown: `key` is the ISO 3166-1 country, the ISCO-08 major group, the channel, the agency id (or `division`), the ISO 3166-2 region of the sourcing agency, the sex (`female`, `male`; `unknown`: not stated or preferred not to say), or the year; `unknown` when not known; `label` in the `lang` asked'
		)
});
