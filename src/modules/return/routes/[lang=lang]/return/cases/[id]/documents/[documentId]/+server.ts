import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { caseDocumentDownload } from '#platform/casework/casework.web.ts';
import { reintegrationCaseHeader, reintegrationFollowUp } from '#modules/return/reintegration.ts';

/** A document of a returnee's case, for the case workers of its operator only; the download is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const { personId } = await forPage(reintegrationCaseHeader(ctx, params.id));
	return caseDocumentDownload(ctx, reintegrationFollowUp, personId, params.documentId);
}
