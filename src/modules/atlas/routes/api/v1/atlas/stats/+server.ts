import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { StatsQuery } from '#modules/atlas/atlas.schemas.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';

/** Counts and budgets (EUR) by region, theme, year or funder, for the same filters as the list (public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const { by, ...filters } = readQuery(url, StatsQuery);
	return Response.json(await (await atlasReads(app)).stats(by, filters));
});
