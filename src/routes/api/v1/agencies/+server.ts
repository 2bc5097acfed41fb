import { getApp } from '#lib/server/app.ts';
import { apiEndpoint } from '#lib/server/http/api.ts';
import { agencyView, listAgencies } from '#lib/server/jobs/counsellors/agencies.service.ts';

/** The open ANAPEC agencies (public reference data). */
export const GET = apiEndpoint(async () => {
	const app = await getApp();
	return Response.json({ items: (await listAgencies(app.database.db)).map(agencyView) });
});
