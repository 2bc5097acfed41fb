import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { deleteCaseDocument, readCaseDocument } from '#platform/casework/case-documents.ts';
import { downloadResponse } from '#platform/storage/file-check.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** A document of a qualified candidate's file, downloaded by their counsellor or the division (else 404); an audited read. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const document = await readCaseDocument(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', params.documentId ?? '');
	return downloadResponse(document.bytes, document.mediaType, document.fileName);
});

/** The document removed from the file (added by mistake, or to the wrong file): audited, its file gone. */
export const DELETE = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	await deleteCaseDocument(ctx, placementFollowUp, params.id ?? '', params.documentId ?? '');
	return new Response(null, { status: 204 });
});
