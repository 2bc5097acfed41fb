import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { MissionStatisticsQuery, missionStatistics } from '#modules/talents/missions/statistics.ts';

/** Public counts of the missions by status, sector, region and host country, under 5 suppressed (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	return Response.json(await missionStatistics(app.database.db, parseOrThrow(MissionStatisticsQuery, Object.fromEntries(url.searchParams))));
});
