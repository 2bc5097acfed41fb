import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { ExchangeRateList, RateBody, RateParams, RateWriteResult } from './rates.schemas.ts';

/** The Atlas's exchange-rate table, for the registry in `openapi/registry.ts`. */
export const ratesEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/atlas/exchange-rates',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'The yearly exchange rates that convert budgets to EUR and MAD',
		description:
			'Units of each currency for one euro, by year (an annual average); `madPerUnit` is the dirham value of one unit ' +
			'that year, through the euro. A budget or contribution is converted at the rate of its initiative’s start year ' +
			'(else of the year it was recorded), or of the nearest year known. Rates not yet checked by a moderator against ' +
			'a source (`checked: false`) are approximate. `unconverted` lists the currencies used in budgets with no rate ' +
			'at all. Also shown at /{lang}/atlas/rates.',
		responses: { 200: { description: 'Every rate, MAD first, then by currency; newest year first.', schema: ExchangeRateList } }
	},
	{
		method: 'PUT',
		path: '/api/v1/atlas/exchange-rates/{currency}/{year}',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Set, add or check one currency’s rate for one year',
		description:
			'The whole rate: `perEur`, and with `checked: true` the `source` it was checked against (a check stands while the ' +
			'rate and its source stay the same). A new currency or year is added (201). The EUR and MAD figures of the ' +
			'initiatives it converts are recomputed at once (`recomputed` counts them); the change is audited with the rate ' +
			'before and after. Moderators and administrators.',
		params: RateParams,
		body: RateBody,
		responses: {
			200: { description: 'The rate was changed.', schema: RateWriteResult },
			201: { description: 'The rate was added.', schema: RateWriteResult }
		},
		errors: [403]
	}
];
