import type { RouteTable } from '../../../platform/policy/route-access.ts';

/** This module's pages and endpoints, and who may reach each (merged in policy/route-access.ts). */
export const ratesRoutes: RouteTable = {
	// Public reading: every budget the Atlas shows in EUR or MAD is converted with these rates.
	'/[lang=lang]/atlas/rates': { GET: 'public', POST: 'atlas.rates.edit' },
	'/api/v1/atlas/exchange-rates': { GET: 'public' },
	'/api/v1/atlas/exchange-rates/[currency]/[year]': { PUT: 'atlas.rates.edit' }
};
