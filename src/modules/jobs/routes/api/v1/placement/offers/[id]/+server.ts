import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { PlacementOfferInput } from '#modules/jobs/placement/placement.schemas.ts';
import { updatePlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { placementOfferForApi } from '#modules/jobs/placement/placement-offers-api.ts';

/** One offer abroad of the division, as its form shows it. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	return Response.json(await placementOfferForApi(requestContext(await getApp(), locals), params.id ?? ''), { headers: { 'cache-control': 'no-store' } });
});

/** The offer written again, whole, as the form saves it (a draft or a published offer); audited before/after. */
export const PUT = apiEndpoint(async ({ locals, params, request }) => {
	const ctx = requestContext(await getApp(), locals);
	await updatePlacementOffer(ctx, params.id ?? '', await readJson(request, PlacementOfferInput));
	return Response.json(await placementOfferForApi(ctx, params.id ?? ''));
});
