import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { StatsQuery } from '#lib/server/atlas/atlas.schemas.ts';
import { atlasReads } from '#lib/server/atlas/atlas-reads.ts';

/** Counts and budgets (EUR) by region, theme, year or funder, for the same filters as the list (public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { by, ...filters } = readQuery(url, StatsQuery);
	return Response.json(await (await atlasReads(app)).stats(by, filters));
});
