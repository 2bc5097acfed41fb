import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { reintegrationStatistics, SMALL_COUNT } from '#modules/return/reintegration.ts';
import { surveyStatistics } from '#modules/return/survey.ts';
import { StatisticsQuery } from '#modules/return/return.schemas.ts';

/** The joint platform's pooled statistics: cases and sustainability scores, small groups suppressed, samples left out unless asked (route policy: public). */
export const GET = apiEndpoint(async ({ url }) => {
	const { db } = (await getApp()).database;
	const samples = readQuery(url, StatisticsQuery).samples === 'include';
	const [cases, survey] = await Promise.all([reintegrationStatistics({ db }, { samples }), surveyStatistics({ db }, { samples })]);
	return Response.json({ smallCount: SMALL_COUNT, samples, cases, survey });
});
