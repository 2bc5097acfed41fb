import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { dueFollowUps } from '#modules/jobs/placement/circular.service.ts';

/** Follow-ups due after arrival (long-term departures), for staff. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = (await dueFollowUps(requestContext(await getApp(), locals))).map(({ stage: _stage, campaignLang: _lang, ...row }) => row);
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
