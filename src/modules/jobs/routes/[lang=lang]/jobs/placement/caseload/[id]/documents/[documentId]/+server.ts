import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { caseDocumentDownload } from '#platform/casework/casework.web.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** A document of a qualified candidate's file, for their counsellor and the division only (else 404); the download is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return caseDocumentDownload(requestContext(await getApp(), locals), placementFollowUp, params.id, params.documentId);
}
