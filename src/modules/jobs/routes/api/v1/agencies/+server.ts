import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { agencyView, listAgencies } from '#modules/jobs/counsellors/agencies.service.ts';

/** The open ANAPEC agencies (public reference data). */
export const GET = apiEndpoint(async ({ locals }) => {
	return Response.json({ items: (await listAgencies(requestContext(await getApp(), locals))).map(agencyView) });
});
