import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { versionDetail } from '#modules/strategy/programme-versions.service.ts';

/** A programme version with its snapshot (an approved one for everyone, published strategies; any one for its planners and owners). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const { version, snapshot } = await versionDetail(ctx, params.slug ?? '', params.ref ?? '');
	return Response.json({ ...version, snapshot }, { headers: { 'cache-control': version.state === 'approved' && !ctx.actor ? 'public, max-age=60' : 'private, no-store' } });
});
