import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { statisticsView, statisticDimensions } from '#modules/jobs/placement/statistics.service.ts';
import { PlacementStatisticsQuery } from '#modules/jobs/placement/statistics.schemas.ts';

/** International placement statistics as open data, small counts of people suppressed, samples left out unless asked (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const { db } = (await getApp()).database;
	const samples = readQuery(url, PlacementStatisticsQuery).samples === 'include';
	const view = await statisticsView(db, locals.language, { samples });
	const breakdowns = Object.fromEntries(statisticDimensions.map((dimension) => [dimension, view.breakdowns.find((item) => item.dimension === dimension)!.rows]));
	return Response.json({ smallCount: view.smallCount, samples, total: view.total, breakdowns });
});
