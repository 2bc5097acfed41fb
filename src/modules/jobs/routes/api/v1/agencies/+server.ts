import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { agencyView, listAgencies } from '#modules/jobs/counsellors/agencies.service.ts';

/** The open ANAPEC agencies (public reference data). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json({ items: (await listAgencies(app.database.db)).map(agencyView) });
});
