import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { updateCaseNeed } from '#platform/casework/case-needs.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { MobilityNeedUpdateInput } from '#modules/jobs/placement/mobility.schemas.ts';

/** A need of a qualified candidate's file as it now stands (their counsellor or the division; else 404), audited as the page's. */
export const PUT = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, MobilityNeedUpdateInput);
	const need = await updateCaseNeed(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', params.needId ?? '', input);
	return Response.json({ id: need.id, kind: need.kind, status: need.status, dueOn: need.dueOn, note: need.note, createdAt: need.createdAt.toISOString(), updatedAt: need.updatedAt.toISOString() });
});
