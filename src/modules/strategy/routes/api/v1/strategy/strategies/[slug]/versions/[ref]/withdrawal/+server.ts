import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { refOf, versionDetail, withdrawVersion } from '#modules/strategy/programme-versions.service.ts';

/** The strategy's planners take back the submission waiting. */
export const POST = apiEndpoint(async ({ params, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const row = await withdrawVersion(ctx, params.slug ?? '', params.ref ?? '');
	return Response.json((await versionDetail(ctx, params.slug ?? '', refOf(row))).version);
});
