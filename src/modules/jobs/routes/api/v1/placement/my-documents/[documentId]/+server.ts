import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { readMyCaseDocument } from '#platform/casework/case-documents.ts';
import { downloadResponse } from '#platform/storage/file-check.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** One of the caller's own documents of their mobility file (someone else's is not found); an audited read. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const document = await readMyCaseDocument(requestContext(await getApp(), locals), placementFollowUp, params.documentId ?? '');
	return downloadResponse(document.bytes, document.mediaType, document.fileName);
});
