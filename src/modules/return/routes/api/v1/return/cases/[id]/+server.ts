import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getReintegrationCase } from '#modules/return/reintegration.ts';

/** One case of the case worker's own operators with its plan; another operator's case is 404 (an audited read). */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const found = await getReintegrationCase(ctx, params.id ?? '');
	return Response.json({ ...found.case, operator: found.operator, plan: found.plan });
});
