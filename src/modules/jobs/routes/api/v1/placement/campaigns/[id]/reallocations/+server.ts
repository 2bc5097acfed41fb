import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { ReallocationInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { reallocate } from '#modules/jobs/placement/campaigns.service.ts';

/** The division moves positions between agencies' quotas, with a reason (recorded and audited). */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	const change = await reallocate(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, ReallocationInput));
	return Response.json({ id: change.id, fromAgencyId: change.fromAgencyId, toAgencyId: change.toAgencyId, positions: change.positions, reason: change.reason, at: change.at.toISOString() }, { status: 201 });
});
