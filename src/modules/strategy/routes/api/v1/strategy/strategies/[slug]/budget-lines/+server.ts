import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { budgetLinesOfStrategy } from '#modules/strategy/budget-lines.ts';

/** A strategy's budget lines, filtered, with totals per currency (published strategies; an unpublished one, its planners). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const answer = await budgetLinesOfStrategy(ctx, params.slug ?? '', Object.fromEntries(url.searchParams));
	return Response.json(answer, { headers: { 'cache-control': ctx.actor ? 'private, no-store' : 'public, max-age=60' } });
});
