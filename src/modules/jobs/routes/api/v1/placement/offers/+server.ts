import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { PlacementOfferInput } from '#modules/jobs/placement/placement.schemas.ts';
import { createPlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { placementOfferForApi, placementOffersForApi } from '#modules/jobs/placement/placement-offers-api.ts';

/** The division's offers abroad, drafts and closed ones included, with their status now. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = await placementOffersForApi(requestContext(await getApp(), locals));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});

/** A new offer abroad, as a draft: the offer form's service and rules, audited. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const ctx = requestContext(await getApp(), locals);
	const created = await createPlacementOffer(ctx, await readJson(request, PlacementOfferInput));
	return Response.json(await placementOfferForApi(ctx, created.id), { status: 201 });
});
