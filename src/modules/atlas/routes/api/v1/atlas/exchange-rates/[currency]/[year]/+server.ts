import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { RateBody } from '#modules/atlas/rates/rates.schemas.ts';
import { setExchangeRate } from '#modules/atlas/rates/rates.service.ts';

/** Sets (or adds) one currency's rate for one year; the budgets it converts are recomputed (moderators). */
export const PUT = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const body = await readJson(request, RateBody);
	const result = await setExchangeRate(requestContext(app, locals), { currency: params.currency, year: params.year }, body);
	return Response.json(result, { status: result.created ? 201 : 200 });
});
