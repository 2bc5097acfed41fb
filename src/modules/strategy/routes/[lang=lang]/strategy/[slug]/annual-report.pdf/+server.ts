import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { downloadResponse } from '#platform/storage/file-check.ts';
import { annualReport } from '#modules/strategy/annual-report.ts';
import { annualReportPdf } from '#modules/strategy/annual-report-pdf.ts';

/** The annual monitoring report (`?year=&region=`, as the page's) as a PDF in the page's language. */
export async function GET({ params, url, locals }) {
	const ctx = requestContext(await getApp(), locals);
	let report;
	try {
		report = await annualReport(ctx, params.slug, Object.fromEntries(url.searchParams));
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
	const { pdf, fileName } = await annualReportPdf(report, locals.language, ctx.publicUrl);
	return downloadResponse(pdf, 'application/pdf', fileName);
}
