import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { TalentsStatisticsQuery, talentsStatistics } from '#modules/talents/statistics.ts';

/** The module's public counts (talents, networks, missions, mentoring), under 5 suppressed (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	return Response.json(await talentsStatistics(app.database.db, parseOrThrow(TalentsStatisticsQuery, Object.fromEntries(url.searchParams))), { headers: { 'cache-control': 'public, max-age=300' } });
});
