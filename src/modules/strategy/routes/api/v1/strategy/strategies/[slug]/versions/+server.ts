import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { SubmitVersion } from '#modules/strategy/programme-versions.schemas.ts';
import { refOf, submitVersion, versionDetail, versionsOf } from '#modules/strategy/programme-versions.service.ts';

/** A strategy's programme versions: the approved ones (everyone, published strategies); every one and the draft's state (its planners and owners). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const page = await versionsOf(ctx, params.slug ?? '');
	return Response.json({ items: page.versions, draft: page.draft }, { headers: { 'cache-control': page.can.see ? 'private, no-store' : 'public, max-age=60' } });
});

/** The planners submit the draft for approval (a snapshot is stored). */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const body = await readJson(request, SubmitVersion);
	const row = await submitVersion(ctx, params.slug ?? '', body);
	const { version } = await versionDetail(ctx, params.slug ?? '', refOf(row));
	return Response.json(version, { status: 201, headers: { location: `/api/v1/strategy/strategies/${params.slug}/versions/${version.ref}` } });
});
