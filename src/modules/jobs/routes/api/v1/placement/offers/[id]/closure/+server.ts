import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { closePlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { placementOfferForApi } from '#modules/jobs/placement/placement-offers-api.ts';

/** The division closes an offer abroad (the form's "close"): no more candidates, its positions back to the agreement's quota; audited. */
export const POST = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	await closePlacementOffer(ctx, params.id ?? '');
	return Response.json(await placementOfferForApi(ctx, params.id ?? ''));
});
