import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { downloadResponse } from '#platform/storage/file-check.ts';
import { guidePdf } from '#modules/return/guide-pdf.ts';
import { isReturnProfile } from '#modules/return/return.model.ts';

/** The whole guide (one profile's part with `?profile=`) as a PDF in the page's language, made from the pages' current versions. */
export async function GET({ url, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const asked = url.searchParams.get('profile');
	const { pdf, fileName } = await guidePdf(ctx.db, locals.language, isReturnProfile(asked) ? asked : null, { now: ctx.now(), publicUrl: ctx.publicUrl });
	return downloadResponse(pdf, 'application/pdf', fileName);
}
