import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myCaseDocuments } from '#platform/casework/case-documents.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** The caller's own documents kept by their mobility counsellor. */
export const GET = apiEndpoint(async ({ locals }) => {
	const items = await myCaseDocuments(requestContext(await getApp(), locals), placementFollowUp);
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
