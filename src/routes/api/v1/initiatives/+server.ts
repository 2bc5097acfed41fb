import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { InitiativeQuery } from '#lib/server/atlas/atlas.schemas.ts';
import { searchInitiatives } from '#lib/server/atlas/initiative.service.ts';

/** Search the published initiatives: `{ total, page, pageSize, items, facets }` (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, InitiativeQuery);
	return Response.json(await searchInitiatives(app.database.db, { ...query, lang: query.lang ?? locals.language }));
});
