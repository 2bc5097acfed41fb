import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { publishPlacementOffer } from '#modules/jobs/placement/placement-offers.service.ts';
import { placementOfferForApi } from '#modules/jobs/placement/placement-offers-api.ts';

/** The division publishes its draft at once (the form's "publish"); audited. */
export const POST = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	await publishPlacementOffer(ctx, params.id ?? '');
	return Response.json(await placementOfferForApi(ctx, params.id ?? ''));
});
