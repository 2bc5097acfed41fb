import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myCaseDocumentDownload } from '#platform/casework/casework.web.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** One of the candidate's own documents kept by their mobility counsellor (someone else's is not found); the download is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return myCaseDocumentDownload(requestContext(await getApp(), locals), placementFollowUp, params.documentId);
}
