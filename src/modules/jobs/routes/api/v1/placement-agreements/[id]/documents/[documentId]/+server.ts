import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { downloadResponse } from '#platform/storage/file-check.ts';
import { readAgreementDocument } from '#modules/jobs/placement/placement.service.ts';

/** An agreement's PDF: public documents of published agreements for everyone, any of them for the division. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const document = await readAgreementDocument(requestContext(await getApp(), locals), params.id ?? '', params.documentId ?? '');
	return downloadResponse(document.bytes, 'application/pdf', document.fileName);
});
