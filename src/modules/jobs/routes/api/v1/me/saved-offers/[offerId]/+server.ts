import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { listSavedOffers, removeSavedOffer, saveOffer } from '#modules/jobs/saved-offers/saved-offers.service.ts';

const noStore = { 'cache-control': 'no-store' };

/** Saves an offer to the caller's list: 201 when added, 200 when it was there already. */
export const PUT = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const { created } = await saveOffer(requestContext(app, locals), params.offerId!);
	const saved = (await listSavedOffers(requestContext(app, locals))).find((item) => item.offerId === params.offerId!.toLowerCase());
	if (!saved) throw new AppError('not_found');
	return Response.json(saved, { status: created ? 201 : 200, headers: noStore });
});

export const DELETE = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	await removeSavedOffer(requestContext(app, locals), params.offerId!);
	return new Response(null, { status: 204 });
});
