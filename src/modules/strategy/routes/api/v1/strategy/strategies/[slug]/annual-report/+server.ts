import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { annualReport } from '#modules/strategy/annual-report.ts';

/** A strategy's annual monitoring report for a year and, optionally, a region (public for a published strategy). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const report = await annualReport(requestContext(await getApp(), locals), params.slug ?? '', Object.fromEntries(url.searchParams));
	// an unpublished strategy (its planners) or the reporters named (its owners): an answer caches do not share
	const personal = !report.strategy.published || Boolean(report.completeness.reporters?.people);
	return Response.json(report, { headers: { 'cache-control': personal ? 'private, no-store' : 'public, max-age=60' } });
});
