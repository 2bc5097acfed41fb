import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { resultsForApi, surveyResults } from '#modules/knowledge/surveys/survey.service.ts';

/** A survey's results, when the caller may read them (see the OpenAPI document). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const results = await surveyResults(ctx, params.slug ?? '');
	// the editors' view holds free texts
	return Response.json(resultsForApi(results), { headers: results.audience === 'editor' ? { 'cache-control': 'private, no-store' } : {} });
});
