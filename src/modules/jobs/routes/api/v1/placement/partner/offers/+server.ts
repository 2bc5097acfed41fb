import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { PlacementOfferInput } from '#modules/jobs/placement/placement.schemas.ts';
import { createPartnerOffer, listPartnerOffers } from '#modules/jobs/placement/partner-offers.service.ts';

/** The offers abroad of the caller's partner organisations, with their status. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = await listPartnerOffers(requestContext(await getApp(), locals));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});

/** A partner's new offer abroad, as a draft the division publishes. */
export const POST = apiEndpoint(async ({ locals, request }) => {
	const result = await createPartnerOffer(requestContext(await getApp(), locals), await readJson(request, PlacementOfferInput));
	return Response.json(result, { status: 201 });
});
