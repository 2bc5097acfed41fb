import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { PlacementOfferInput } from '#modules/jobs/placement/placement.schemas.ts';
import { updatePartnerOffer } from '#modules/jobs/placement/partner-offers.service.ts';

/** A partner corrects its draft offer abroad (the whole offer, as when creating it). */
export const PUT = apiEndpoint(async ({ locals, params, request }) => {
	const result = await updatePartnerOffer(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, PlacementOfferInput));
	return Response.json(result);
});
