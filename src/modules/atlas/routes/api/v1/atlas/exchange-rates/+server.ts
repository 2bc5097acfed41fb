import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { listExchangeRates } from '#modules/atlas/rates/rates.service.ts';

/** The yearly exchange rates that convert the Atlas's budgets to EUR and MAD (public). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json(await listExchangeRates(app.database.db));
});
