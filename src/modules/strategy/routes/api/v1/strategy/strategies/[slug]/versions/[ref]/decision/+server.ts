import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { DecideVersion } from '#modules/strategy/programme-versions.schemas.ts';
import { decideVersion, refOf, versionDetail } from '#modules/strategy/programme-versions.service.ts';

/** The strategy's owner approves the submission waiting, or returns it with the reason. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const body = await readJson(request, DecideVersion);
	const row = await decideVersion(ctx, params.slug ?? '', params.ref ?? '', body);
	return Response.json((await versionDetail(ctx, params.slug ?? '', refOf(row))).version);
});
