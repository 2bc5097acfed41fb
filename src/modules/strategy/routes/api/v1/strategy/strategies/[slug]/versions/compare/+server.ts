import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { compareVersions } from '#modules/strategy/programme-versions.service.ts';

/** The differences between two programme versions, or a version and the draft (its planners and owners). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const { from, to, identical, diff } = await compareVersions(ctx, params.slug ?? '', Object.fromEntries(url.searchParams));
	const personal = from.state !== 'approved' || to.state !== 'approved';
	return Response.json({ from, to, identical, diff }, { headers: { 'cache-control': personal || ctx.actor ? 'private, no-store' : 'public, max-age=60' } });
});
