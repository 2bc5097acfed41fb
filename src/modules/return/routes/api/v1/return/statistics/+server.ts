import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { reintegrationStatistics, SMALL_COUNT } from '#modules/return/reintegration.ts';
import { surveyStatistics } from '#modules/return/survey.ts';

/** The joint platform's pooled statistics: cases and sustainability scores, small groups suppressed (route policy: public). */
export const GET = apiEndpoint(async () => {
	const { db } = (await getApp()).database;
	const [cases, survey] = await Promise.all([reintegrationStatistics({ db }), surveyStatistics({ db })]);
	return Response.json({ smallCount: SMALL_COUNT, cases, survey });
});
