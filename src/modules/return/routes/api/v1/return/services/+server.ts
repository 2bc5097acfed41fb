import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { ServiceQuery } from '#modules/return/return.schemas.ts';
import { findServices } from '#modules/return/network.ts';

/** The RAMre network's services by region and stage (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { lang, ...query } = readQuery(url, ServiceQuery);
	const { facets: _facets, ...result } = await findServices(app.database.db, query, lang ?? locals.language);
	return Response.json(result);
});
