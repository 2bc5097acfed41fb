import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { addCaseDocument, documentUploadOf, listCaseDocuments } from '#platform/casework/case-documents.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** The documents of a qualified candidate's file (their counsellor or the division; else 404); an audited read. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const items = await listCaseDocuments(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '');
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});

/** A document added to the file: the page's multipart form (`kind`, `file`), checked by its content; audited. */
export const POST = apiEndpoint(async ({ locals, request, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const document = await addCaseDocument(ctx, placementFollowUp, params.id ?? '', await documentUploadOf(request));
	return Response.json(document, { status: 201 });
});
