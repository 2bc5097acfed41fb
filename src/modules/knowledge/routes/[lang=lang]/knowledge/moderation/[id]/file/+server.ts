import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { reviewProposal } from '#platform/moderation/moderation.service.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import type { DocumentData } from '#modules/knowledge/knowledge.schemas.ts';

/** The PDF sent with a proposal, for the editors to read before deciding (a sandboxed download). */
export async function GET({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const review = await reviewProposal(requestContext(app, locals), documentProposals, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const file = (review.proposal.data as DocumentData).file;
	const bytes = file ? await app.files.get(file.key) : null;
	if (!file || !bytes) error(404, 'not_found');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="proposal.pdf"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
}
