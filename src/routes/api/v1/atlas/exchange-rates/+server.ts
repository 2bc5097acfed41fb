import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { listExchangeRates } from '#lib/server/atlas/rates/rates.service.ts';

/** The yearly exchange rates that convert the Atlas's budgets to EUR and MAD (public). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json(await listExchangeRates(app.database.db));
});
