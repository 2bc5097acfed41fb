import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myCaseDocumentDownload } from '#platform/casework/casework.web.ts';
import { reintegrationFollowUp } from '#modules/return/reintegration.ts';

/** One of the returnee's own documents (someone else's is not found); the download is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return myCaseDocumentDownload(requestContext(await getApp(), locals), reintegrationFollowUp, params.documentId);
}
