import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { addCaseNeed } from '#platform/casework/case-needs.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { MobilityNeedInput } from '#modules/jobs/placement/mobility.schemas.ts';

/** A need added to a qualified candidate's file (their counsellor or the division; else 404), audited as the page's. */
export const POST = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, MobilityNeedInput);
	const need = await addCaseNeed(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', input);
	return Response.json({ id: need.id, kind: need.kind, status: need.status, dueOn: need.dueOn, note: need.note, createdAt: need.createdAt.toISOString(), updatedAt: need.updatedAt.toISOString() }, { status: 201 });
});
