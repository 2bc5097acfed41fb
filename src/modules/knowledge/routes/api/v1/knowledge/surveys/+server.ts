import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listSurveys, surveyForApi } from '#modules/knowledge/surveys/survey.service.ts';

/** The surveys (drafts for their editors only). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json({ items: (await listSurveys(ctx)).map((entry) => surveyForApi(ctx, entry)) });
});
