import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { StatsQuery } from '#lib/server/atlas/atlas.schemas.ts';
import { atlasStats } from '#lib/server/atlas/initiative.service.ts';

/** Counts and budgets (EUR) by region, theme, year or funder, for the same filters as the list (public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { by, ...filters } = readQuery(url, StatsQuery);
	return Response.json(await atlasStats(app.database.db, by, filters));
});
